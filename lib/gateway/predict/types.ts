// What predictStatus returns: the status a conformant Gateway API implementation must write,
// shaped like the objects' own status (conditions per listener, per Gateway, per route parent),
// every verdict with the rule it applies. Plain data: JSON-serialisable.
import type { ParentReference } from "../route-types";
import type { RouteGroupKind } from "../listeners";

/**
 * "required": every conformant implementation writes this (a MUST, or what the conformance suite
 * checks). "implementation-specific": implementations may differ; a warning, not a verdict.
 */
export type Certainty = "required" | "implementation-specific";

export type ConditionStatus = "True" | "False" | "Unknown";

export interface PredictedCondition {
  readonly type: string;
  readonly status: ConditionStatus;
  readonly reason: string;
  readonly message: string;
  /** The spec rule applied, with the API field or GEP it comes from. */
  readonly rule: string;
  readonly certainty: Certainty;
}

/** Where implementations may differ: what most do, and why it is not a verdict. */
export interface PredictionWarning {
  readonly code: string;
  readonly message: string;
  readonly rule: string;
  readonly certainty: "implementation-specific";
}

export interface ObjectRef {
  readonly namespace: string;
  readonly name: string;
}

/** The object that declares a listener: the Gateway itself or one of its ListenerSets. */
export interface ListenerSource {
  readonly kind: "Gateway" | "ListenerSet";
  readonly namespace: string;
  readonly name: string;
}

export interface ListenerPrediction {
  readonly name: string;
  readonly port: number;
  readonly protocol: string;
  readonly hostname?: string;
  readonly source: ListenerSource;
  /** status.listeners[].supportedKinds. */
  readonly supportedKinds: readonly RouteGroupKind[];
  /** Routes Accepted on this listener (every route kind the objects hold), as status.listeners[].attachedRoutes. */
  readonly attachedRoutes: number;
  /** "namespace/name" of the HTTPRoutes counted in attachedRoutes, sorted. */
  readonly routes: readonly string[];
  /** The rule attachedRoutes and supportedKinds follow. */
  readonly attachedRoutesRule: string;
  /** Accepted, ResolvedRefs, Conflicted, Programmed. */
  readonly conditions: readonly PredictedCondition[];
  readonly warnings: readonly PredictionWarning[];
}

export interface GatewayPrediction extends ObjectRef {
  readonly gatewayClassName: string;
  /** Whether a controller will reconcile it at all (a GatewayClass that exists and is not rejected). */
  readonly reconciled: boolean;
  /** Accepted, Programmed, ResolvedRefs (and InsecureFrontendValidationMode when it applies). */
  readonly conditions: readonly PredictedCondition[];
  /** The Gateway's own listeners, then those of its attached ListenerSets, in precedence order. */
  readonly listeners: readonly ListenerPrediction[];
  /** status.attachedListenerSets. */
  readonly attachedListenerSets: number;
  readonly warnings: readonly PredictionWarning[];
}

export interface ListenerSetPrediction extends ObjectRef {
  readonly parent?: ObjectRef;
  /** Accepted and Programmed. */
  readonly conditions: readonly PredictedCondition[];
  /** status.listeners of the ListenerSet (empty when it is not attached). */
  readonly listeners: readonly ListenerPrediction[];
}

/** A listener a route parent attached to. */
export interface AttachedListener {
  readonly gateway: ObjectRef;
  readonly source: ListenerSource;
  readonly listener: string;
  /** The hostnames the route serves on it (route ∩ listener); "any" when neither restricts. */
  readonly hostnames: readonly string[] | "any";
}

export interface RouteParentPrediction {
  /** The parentRef as written in the route's spec (status.parents[].parentRef). */
  readonly parentRef: ParentReference;
  /** The parentRef with its defaults filled in. */
  readonly parent: {
    readonly group: string;
    readonly kind: string;
    readonly namespace: string;
    readonly name: string;
    readonly sectionName?: string;
    readonly port?: number;
  };
  /** Whether a controller writes status for this parent (false: no such Gateway, or no controller for its class). */
  readonly reconciled: boolean;
  /** Accepted, ResolvedRefs, and PartiallyInvalid when some rules are dropped. */
  readonly conditions: readonly PredictedCondition[];
  readonly listeners: readonly AttachedListener[];
}

/** One backendRef of a rule, as a data plane sees it. */
export interface BackendPrediction {
  readonly rule: number;
  readonly index: number;
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly port?: number;
  readonly weight: number;
  /** False: requests that would go to it get a 500. */
  readonly valid: boolean;
  /** Why it is invalid (a ResolvedRefs reason), when it is. */
  readonly reason?: string;
  readonly message?: string;
  /** The workloads (Deployments …) among the inputs whose pods the Service selects; absent when it has no selector. */
  readonly workloads?: readonly string[];
  readonly warnings: readonly PredictionWarning[];
}

export interface RoutePrediction extends ObjectRef {
  readonly kind: "HTTPRoute";
  readonly parents: readonly RouteParentPrediction[];
  readonly backends: readonly BackendPrediction[];
  /** Rules dropped as invalid (index → why); they route nothing. */
  readonly invalidRules: readonly { readonly rule: number; readonly reason: string; readonly message: string }[];
  readonly warnings: readonly PredictionWarning[];
}

export interface BackendTLSPolicyPrediction extends ObjectRef {
  /** Accepted and ResolvedRefs: what status.ancestors[] holds for each of `ancestors`. */
  readonly conditions: readonly PredictedCondition[];
  /** The Gateways whose accepted routes use a Service the policy targets (status.ancestors[].ancestorRef). */
  readonly ancestors: readonly ObjectRef[];
}

export interface StatusPrediction {
  readonly gateways: readonly GatewayPrediction[];
  readonly listenerSets: readonly ListenerSetPrediction[];
  readonly routes: readonly RoutePrediction[];
  readonly backendTLSPolicies: readonly BackendTLSPolicyPrediction[];
  /** GRPCRoutes, TLSRoutes, TCPRoutes and UDPRoutes: Accepted and ResolvedRefs per parentRef. */
  readonly otherRoutes: readonly OtherRoutePrediction[];
}

export interface OtherRoutePrediction extends ObjectRef {
  readonly kind: string;
  readonly parents: readonly RouteParentPrediction[];
}

export interface PredictOptions {
  /**
   * Every Secret that exists, as "namespace/name". Routeboard does not read Secrets: without this
   * (and without Secret objects among the inputs) whether a certificateRef resolves cannot be told.
   */
  readonly secrets?: Iterable<string>;
  /** Every ConfigMap that exists, as "namespace/name" (CA certificates of frontend TLS validation). */
  readonly configMaps?: Iterable<string>;
  /**
   * GatewayClass names to take as existing and accepted without their object (e.g. the class under
   * test). The conformance suite's placeholder "{GATEWAY_CLASS_NAME}" always is.
   */
  readonly acceptedClasses?: Iterable<string>;
  /**
   * The Extended features the implementation supports, by the conformance suite's names
   * (pkg/features: "TLSRouteModeTerminate", "TLSRouteModeMixed" …). Given, what hangs on them
   * becomes a verdict (a terminating TLS listener without TLSRouteModeTerminate is not accepted);
   * left out, such listeners are predicted accepted with an implementation-specific warning.
   */
  readonly supportedFeatures?: Iterable<string>;
}
