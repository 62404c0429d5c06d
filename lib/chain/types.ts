// The shapes lib/chain hands out: a chain is nodes (objects, present or missing), links
// between them, and findings in plain words pinned on the node or link that fails.
import type { KubeObject } from "../k8s/meta";
import type { StatusPrediction } from "../gateway/predict";
import type { GatewayPluginConfig } from "../knative/gateway-config";
import type { IstioConfig } from "../knative/istio/config-istio";
import type { PredictedService } from "./predicted-objects";

export type NodeKind =
  | "KnativeService"
  | "Configuration"
  | "Revision"
  | "Route"
  | "KIngress"
  | "HTTPRoute"
  | "VirtualService"
  | "IstioGateway"
  | "GatewayService"
  | "Gateway"
  | "GatewayClass"
  | "Service";

/** ok: nothing wrong; pending: no verdict yet (no status, Unknown); warning; error. */
export type Health = "ok" | "pending" | "warning" | "error";

export interface ConditionView {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  observedGeneration?: number;
  /** observedGeneration is behind the object's generation: the verdict is about an older spec. */
  stale: boolean;
  /** Not written by a controller: what a conformant implementation must write (lib/gateway/predict). */
  predicted?: boolean;
}

export interface ChainNode {
  /** `Kind/namespace/name` (cluster-scoped kinds: `Kind//name`). */
  id: string;
  kind: NodeKind;
  namespace?: string;
  name: string;
  /** The object does not exist (or is not visible): a placeholder for what the chain expects. */
  missing: boolean;
  /** Position along the chain, from the KSvc (0) to the backends; orders findings. */
  depth: number;
  health: Health;
  /** Short facts shown on the node: traffic share, listener, hostnames, ExternalName target. */
  facts: string[];
  conditions: ConditionView[];
  generation?: number;
  observedGeneration?: number;
  /** Not in the objects read: what the controllers would create (chain/synthesize). */
  predicted?: boolean;
}

export interface ChainEdge {
  id: string;
  source: string;
  target: string;
  /** e.g. "100%", "listener http", "port 80". */
  label?: string;
  health: Health;
}

export type Severity = "error" | "warning";

export type FindingCode =
  | "ConfigurationMissing"
  | "RouteMissing"
  | "RevisionMissing"
  | "RevisionNotReady"
  | "ContainerMissing"
  | "ExitCode"
  | "ProgressDeadlineExceeded"
  | "RolloutBlocked"
  | "KIngressMissing"
  | "IngressNotConfigured"
  | "NoHTTPRoutes"
  | "TooManyRules"
  | "NoParentRefs"
  | "NotAllowedByListeners"
  | "NoMatchingListenerHostname"
  | "NoMatchingParent"
  | "NotAccepted"
  | "NoRouteStatus"
  | "BackendNotFound"
  | "RefNotPermitted"
  | "ExternalNameBackend"
  | "GatewayMissing"
  | "GatewayNotProgrammed"
  | "GatewayClassMissing"
  | "GatewayClassNotAccepted"
  | "StaleStatus"
  | "HTTPRouteMissing"
  | "UnexpectedGateway"
  | "ListenerNotReady"
  | "BackendPortMissing"
  | "StatusDisagrees"
  | "RuleShadowed"
  | "VirtualServiceMissing"
  | "VirtualServiceNotOwned"
  | "VirtualServiceOutdated"
  | "IstioGatewayMissing"
  | "IstioGatewayHostsUncovered"
  | "GatewayServiceMissing"
  | "GatewayServiceSelectorMismatch"
  | "LoadBalancerNotReady"
  | "NotReady";

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The node the finding is about; with edgeId, the link from its parent. */
  nodeId: string;
  edgeId?: string;
  /** One sentence: what is wrong, naming the objects. */
  title: string;
  /** The next step to take. */
  next: string;
  /**
   * Explained by another finding further down the chain (a KSvc not Ready because its
   * Revision failed): shown, but never chosen as the first failing link.
   */
  symptom: boolean;
}

export interface ChainRoot {
  kind: "KnativeService" | "HTTPRoute";
  namespace: string;
  name: string;
}

export interface Chain {
  root: ChainRoot;
  /** The root object does not exist in the objects given. */
  found: boolean;
  nodes: ChainNode[];
  edges: ChainEdge[];
  /** Ordered: the first failing link first, then along the chain. */
  findings: Finding[];
  firstFailing?: Finding;
  health: Health;
  /** Some of its objects are predicted (a workspace folder holds only what people write). */
  predicted: boolean;
}

/**
 * What the chain expects beyond the objects: the cluster's net-gateway-api config-gateway
 * (lib/knative/settings). Without it, no expectation that depends on it is checked.
 */
export interface ChainOptions {
  gateway?: GatewayPluginConfig;
  /** net-istio's config-istio (lib/knative chainIstioFrom): without it, the Istio Gateways' Services are not followed. */
  istio?: Required<IstioConfig>;
  /** The status a conformant implementation must write for these objects (chain/predicted predictFor). */
  prediction?: StatusPrediction;
  /** What predictControllerObjects said per Knative Service (`namespace/name`) it predicted for. */
  predicted?: ReadonlyMap<string, PredictedService>;
}

/** Objects of every kind the chain reads, as the store or a dump file hands them over. */
export type ChainObjects = readonly KubeObject[];
