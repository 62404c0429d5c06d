// Route → KIngress as Knative Serving's route reconciler builds it (knative/serving
// pkg/reconciler/route/resources/ingress.go MakeIngress / MakeIngressWithRollout, knative-v1.23).
import {
  CERTIFICATE_CLASS_ALT_ANNOTATION,
  INGRESS_CLASS_ALT_ANNOTATION,
  INGRESS_CLASS_ANNOTATION,
  LAST_APPLIED_ANNOTATION,
  NETWORKING_API_VERSION,
  ROLLOUT_ANNOTATION,
  ROUTE_LABEL,
  ROUTE_NAMESPACE_LABEL,
  TAG_TO_HOST_ANNOTATION,
} from "./constants";
import { byteOrder, getDomainsForVisibility, hostnameFromTemplate, routeVisibility } from "./domains";
import { TemplateError } from "./go-template";
import { IngressSpecError, makeIngressSpec, type HTTP01Challenge, type IngressTraffic } from "./ingress-spec";
import { resolveNetworkConfig, type NetworkConfig, type ResolvedNetworkConfig } from "./network-config";
import { controllerRef } from "./owner-ref";
import { buildRollout, goString, serializeRollout, type Rollout } from "./rollout";
import { buildTrafficConfig, type TrafficProblem, type TrafficResolution } from "./traffic-config";
import type { KIngress, Route } from "./types.generated";
import type { IngressVisibility, KIngressTLS } from "./types";

export interface RouteToKIngressConfig extends NetworkConfig, TrafficResolution {
  /**
   * The visibility of each target's placeholder Service (the Service named after the target's
   * host, "" = the default target): ClusterLocal when it carries the visibility label. The
   * Route's own visibility (its domain) caps it, as visibility.Resolver GetVisibility does.
   */
  targetVisibility?: Record<string, IngressVisibility>;
  /** The Route's certificates' TLS entries (MakeIngressTLS). */
  tls?: KIngressTLS[];
  /** MakeIngressWithRollout: a rollout in progress. Default: the steady state (BuildRollout). */
  rollout?: Rollout;
  /** HTTP01 challenges of auto-TLS certificates still being issued. */
  acmeChallenges?: HTTP01Challenge[];
}

export interface RouteToKIngressResult {
  /** null when Knative would not (re)write the KIngress. */
  ingress: KIngress | null;
  /** Why the Route's traffic cannot be resolved (its AllTrafficAssigned condition). */
  problems: TrafficProblem[];
  /** MakeIngress's own errors: domain or tag template, host name, http-protocol annotation. */
  errors: string[];
}

/** ExcludedAnnotations: what the Route's annotations do not pass on to its KIngress. */
export const EXCLUDED_ANNOTATIONS: ReadonlySet<string> = new Set([LAST_APPLIED_ANNOTATION, CERTIFICATE_CLASS_ALT_ANNOTATION, INGRESS_CLASS_ALT_ANNOTATION]);

/**
 * The KIngress Knative's route reconciler makes for a Route: traffic resolved first
 * (traffic.BuildTrafficConfiguration), visibility from the Route's domain and the targets'
 * placeholder Services, the ingress class from the Route or config-network, then MakeIngress.
 */
export function routeToKIngress(route: Route, config: RouteToKIngressConfig = {}): RouteToKIngressResult {
  const tc = buildTrafficConfig(route, config);
  const cfg = resolveNetworkConfig(config);
  try {
    // configureTraffic: visibility and the Route's URL are worked out before a bad target stops
    // the reconcile, so their template errors come first.
    const visibility = getVisibility(route, cfg, config.targetVisibility);
    getDomainsForVisibility(route, "", visibility[""] ?? "ExternalIP", cfg);
    if (tc.problem) return { ingress: null, problems: [tc.problem], errors: [] };
    const ingress = makeIngress(route, { targets: tc.targets, visibility }, cfg, {
      tls: config.tls,
      rollout: config.rollout,
      acmeChallenges: config.acmeChallenges,
      ingressClass: ingressClassForRoute(route, cfg),
    });
    return { ingress, problems: [], errors: [] };
  } catch (err) {
    if (err instanceof TemplateError || err instanceof IngressSpecError) return { ingress: null, problems: [], errors: [err.message] };
    throw err;
  }
}

export interface MakeIngressOptions {
  tls?: readonly KIngressTLS[];
  rollout?: Rollout;
  acmeChallenges?: readonly HTTP01Challenge[];
  /** The class MakeIngress is given (the reconciler's ingressClassForRoute). */
  ingressClass: string;
}

/**
 * MakeIngressWithRollout (MakeIngress when no rollout is given): name and namespace of the
 * Route, its labels plus the route labels, its annotations over the class and rollout ones,
 * the tag-to-host map, and the Route as controller. Throws DomainNameError / IngressSpecError.
 */
export function makeIngress(route: Route, traffic: IngressTraffic, cfg: ResolvedNetworkConfig, opts: MakeIngressOptions): KIngress {
  const rollout = opts.rollout ?? buildRollout(traffic.targets);
  const { spec, tagToHost } = makeIngressSpec(route, traffic, rollout, cfg, opts);
  const name = route.metadata.name ?? "";
  const namespace = route.metadata.namespace ?? "";
  const annotations = withoutExcluded({
    [INGRESS_CLASS_ANNOTATION]: opts.ingressClass,
    [ROLLOUT_ANNOTATION]: serializeRollout(rollout),
    ...(route.metadata.annotations ?? {}),
  });
  // Set after the union, so a Route's own copy of it never wins.
  if (tagToHost.size > 0) annotations[TAG_TO_HOST_ANNOTATION] = serializeTagToHost(tagToHost);
  return {
    apiVersion: NETWORKING_API_VERSION,
    kind: "Ingress",
    metadata: {
      name,
      namespace,
      labels: { ...(route.metadata.labels ?? {}), [ROUTE_LABEL]: name, [ROUTE_NAMESPACE_LABEL]: namespace },
      annotations,
      ownerReferences: [controllerRef(route)],
    },
    spec,
  };
}

function withoutExcluded(annotations: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(annotations).filter(([k]) => !EXCLUDED_ANNOTATIONS.has(k)));
}

/** serializeTagToHostMap: encoding/json of map[string][]string (keys sorted). */
export function serializeTagToHost(tagToHost: ReadonlyMap<string, readonly string[]>): string {
  const keys = [...tagToHost.keys()].sort(byteOrder);
  return `{${keys.map((k) => `${goString(k)}:[${(tagToHost.get(k) ?? []).map(goString).join(",")}]`).join(",")}}`;
}

/** route.go ingressClassForRoute: the Route's ingress.class (or ingress-class) annotation, else config-network's. */
export function ingressClassForRoute(route: Route, cfg: ResolvedNetworkConfig): string {
  const ann = route.metadata.annotations ?? {};
  const own = ann[INGRESS_CLASS_ANNOTATION] ?? ann[INGRESS_CLASS_ALT_ANNOTATION] ?? "";
  return own !== "" ? own : cfg.ingressClass;
}

/**
 * visibility.Resolver GetVisibility: for the default target and each tag in spec.traffic,
 * the more private of the placeholder Service's visibility and the Route's own.
 */
export function getVisibility(
  route: Route,
  cfg: ResolvedNetworkConfig,
  placeholders: Readonly<Record<string, IngressVisibility>> = {},
): Record<string, IngressVisibility> {
  const routeVis = routeVisibility(route, cfg);
  const names = new Set(["", ...(route.spec?.traffic ?? []).map((t) => t.tag ?? "")]);
  const out: Record<string, IngressVisibility> = {};
  for (const name of names) {
    // Go resolves the placeholder by host name; a template error surfaces here first, as in Go.
    hostnameFromTemplate(route.metadata.name ?? "", name, cfg);
    const own = Object.hasOwn(placeholders, name) ? placeholders[name] : undefined;
    out[name] = own === "ClusterLocal" || routeVis === "ClusterLocal" ? "ClusterLocal" : "ExternalIP";
  }
  return out;
}
