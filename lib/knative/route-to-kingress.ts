import {
  DEFAULT_ROUTE_HEADER, GATEWAY_API_INGRESS_CLASS, H2C_PORT, HTTP1_PORT, INGRESS_CLASS_ANNOTATION, LAST_APPLIED_ANNOTATION,
  NAMESPACE_HEADER, NETWORKING_API_VERSION, REVISION_HEADER, ROLLOUT_ANNOTATION, ROUTE_LABEL, ROUTE_NAMESPACE_LABEL, TAG_HEADER,
  VISIBILITY_CLUSTER_LOCAL, VISIBILITY_LABEL,
} from "./constants";
import { routeDomains } from "./domains";
import { TemplateError } from "./go-template";
import { resolveNetworkConfig, type NetworkConfig } from "./network-config";
import { controllerRef, unionWithout } from "./owner-ref";
import { rolloutAnnotation } from "./rollout";
import { buildTrafficConfig, type RevisionTarget, type TrafficProblem, type TrafficResolution } from "./traffic-config";
import type { KIngress, Route } from "./types.generated";
import type { IngressVisibility, KIngressPath, KIngressRule, KIngressSplit, KIngressTLS } from "./types";

export interface RouteToKIngressConfig extends NetworkConfig, TrafficResolution {
  /** Visibility per target name ("" is the default target), from the tags' placeholder Services. */
  targetVisibility?: Record<string, IngressVisibility>;
  /** config-network ingress-class; a Route annotation overrides it, as in Knative. */
  ingressClass?: string;
  /** config-network http-protocol. */
  httpProtocol?: "Enabled" | "Redirected" | "Disabled";
  /** config-features tag-header-based-routing. */
  tagHeaderBasedRouting?: boolean;
  tls?: KIngressTLS[];
}

export interface RouteToKIngressResult {
  /** null when Knative would not (re)write the KIngress: the Route's traffic cannot be resolved. */
  ingress: KIngress | null;
  problems: TrafficProblem[];
  /** Template or configuration errors that stop the conversion. */
  errors: string[];
}

/**
 * The KIngress Knative's route reconciler makes for a Route (pkg/reconciler/route/resources
 * ingress.go MakeIngress), in steady state: no gradual rollout and no ACME challenge paths.
 */
export function routeToKIngress(route: Route, config: RouteToKIngressConfig = {}): RouteToKIngressResult {
  const tc = buildTrafficConfig(route, config);
  if (tc.problem) return { ingress: null, problems: [tc.problem], errors: [] };
  let rules: KIngressRule[];
  try {
    rules = makeRules(route, tc.targets, config);
  } catch (err) {
    if (err instanceof TemplateError) return { ingress: null, problems: [], errors: [err.message] };
    throw err;
  }
  const name = route.metadata.name ?? "";
  const namespace = route.metadata.namespace ?? "";
  const spec: NonNullable<KIngress["spec"]> = {};
  if (config.tls && config.tls.length > 0) spec.tls = config.tls;
  spec.rules = rules;
  const httpOption = config.httpProtocol ?? "Enabled";
  if (httpOption !== "Disabled") spec.httpOption = httpOption;
  const ingress: KIngress = {
    apiVersion: NETWORKING_API_VERSION,
    kind: "Ingress",
    metadata: {
      name,
      namespace,
      labels: unionWithout("", route.metadata.labels, { [ROUTE_LABEL]: name, [ROUTE_NAMESPACE_LABEL]: namespace }),
      annotations: unionWithout(
        LAST_APPLIED_ANNOTATION,
        { [INGRESS_CLASS_ANNOTATION]: config.ingressClass ?? GATEWAY_API_INGRESS_CLASS, [ROLLOUT_ANNOTATION]: rolloutAnnotation(tc.targets) },
        route.metadata.annotations,
      ),
      ownerReferences: [controllerRef(route)],
    },
    spec,
  };
  return { ingress, problems: [], errors: [] };
}

function makeRules(route: Route, targets: Map<string, RevisionTarget[]>, config: RouteToKIngressConfig): KIngressRule[] {
  const cfg = resolveNetworkConfig(config);
  const ns = route.metadata.namespace ?? "";
  const routeLocal = route.metadata.labels?.[VISIBILITY_LABEL] === VISIBILITY_CLUSTER_LOCAL;
  const names = [...targets.keys()]; // sorted, so the default target "" comes first
  const rules: KIngressRule[] = [];
  for (const name of names) {
    const visibilities: IngressVisibility[] = ["ClusterLocal"];
    // Every target is reachable in-cluster; public ones also get an external rule.
    const vis = routeLocal ? "ClusterLocal" : (config.targetVisibility?.[name] ?? "ExternalIP");
    if (vis === "ExternalIP") visibilities.push("ExternalIP");
    for (const visibility of visibilities) {
      const path = basePath(ns, targets.get(name) ?? []);
      const paths: KIngressPath[] = [path];
      if (config.tagHeaderBasedRouting) {
        path.appendHeaders = path.appendHeaders ?? {};
        if (name === "") {
          path.appendHeaders[DEFAULT_ROUTE_HEADER] = "true";
          paths.unshift(...names.slice(1).map((tag) => ({ ...basePath(ns, targets.get(tag) ?? []), headers: { [TAG_HEADER]: { exact: tag } } })));
        } else {
          path.appendHeaders[TAG_HEADER] = name;
        }
      }
      rules.push({ hosts: routeDomains(route, name, visibility, cfg), visibility, http: { paths } });
    }
  }
  return rules;
}

/** makeBaseIngressPath: one split per target with traffic, tagged with revision headers. */
function basePath(ns: string, targets: readonly RevisionTarget[]): KIngressPath {
  const splits: KIngressSplit[] = [];
  for (const t of targets) {
    if (t.percent === 0) continue;
    splits.push({
      serviceNamespace: ns,
      serviceName: t.revisionName,
      // The public port must match the activator's, so hand-off stays seamless.
      servicePort: t.protocol === "h2c" ? H2C_PORT : HTTP1_PORT,
      percent: t.percent,
      appendHeaders: { [REVISION_HEADER]: t.revisionName, [NAMESPACE_HEADER]: ns },
    });
  }
  return { splits };
}
