import type { HTTPRoute } from "../gateway/types.generated";
import { GATEWAY_API_GROUP, INGRESS_LABEL, LAST_APPLIED_ANNOTATION, VISIBILITY_CLUSTER_LOCAL, VISIBILITY_LABEL } from "./constants";
import { gatewayFor, type GatewayEntry, type GatewayPluginConfig } from "./gateway-config";
import { controllerRef, unionWithout } from "./owner-ref";
import { computeIngressHash, defaultIngressSpec, insertProbe } from "./probe";
import type { KIngress } from "./types.generated";
import type { HTTPBackendRef, HTTPHeader, HTTPRouteFilter, HTTPRouteMatch, HTTPRouteRule, KIngressPath, KIngressRule } from "./types";

export interface KIngressToHTTPRoutesConfig extends GatewayPluginConfig {
  /**
   * The K-Network-Hash to write. By default it is computed as net-gateway-api does (SHA-256 of
   * the defaulted spec's Go JSON, namespace and name); pass the cluster's value to match it exactly.
   */
  probeHash?: string;
}

/**
 * The HTTPRoutes net-gateway-api makes for a KIngress (pkg/reconciler/ingress/resources
 * httproute.go MakeHTTPRoute), one per rule, named by the rule's longest host, in steady state:
 * no endpoint-probe rules of a rollout in progress.
 */
export function kingressToHTTPRoutes(kingress: KIngress, config: KIngressToHTTPRoutesConfig = {}): HTTPRoute[] {
  const spec = defaultIngressSpec(kingress.spec ?? {});
  const hash = config.probeHash ?? computeIngressHash(kingress, spec);
  const probed = insertProbe(spec, hash);
  return (probed.rules ?? []).filter((r) => (r.hosts ?? []).length > 0).map((rule) => makeHTTPRoute(kingress, rule, config));
}

/** resources.LongestHost: the last host in sorted order. */
export function longestHost(hosts: readonly string[]): string {
  return [...hosts].sort(byBytes).at(-1) ?? "";
}

function makeHTTPRoute(ing: KIngress, rule: KIngressRule, config: KIngressToHTTPRoutesConfig): HTTPRoute {
  const clusterLocal = rule.visibility === "ClusterLocal";
  const gateway = gatewayFor(config, clusterLocal);
  const annotations = unionWithout(LAST_APPLIED_ANNOTATION, ing.metadata.annotations);
  return {
    apiVersion: `${GATEWAY_API_GROUP}/v1`,
    kind: "HTTPRoute",
    metadata: {
      name: longestHost(rule.hosts ?? []),
      namespace: ing.metadata.namespace,
      labels: unionWithout("", ing.metadata.labels, {
        [INGRESS_LABEL]: ing.metadata.name ?? "",
        [VISIBILITY_LABEL]: clusterLocal ? VISIBILITY_CLUSTER_LOCAL : "",
      }),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      ownerReferences: [controllerRef(ing)],
    },
    spec: {
      parentRefs: [{ group: GATEWAY_API_GROUP, kind: "Gateway", namespace: gateway.namespace, name: gateway.name }],
      hostnames: [...(rule.hosts ?? [])],
      rules: (rule.http?.paths ?? []).map((p) => makeRule(p, gateway)),
    },
  };
}

function makeRule(path: KIngressPath, gateway: GatewayEntry): HTTPRouteRule {
  const filters: HTTPRouteFilter[] = [];
  if (path.appendHeaders !== undefined) {
    filters.push({ type: "RequestHeaderModifier", requestHeaderModifier: { set: headerList(path.appendHeaders) } });
  }
  if (path.rewriteHost) filters.push({ type: "URLRewrite", urlRewrite: { hostname: path.rewriteHost } });

  const match: HTTPRouteMatch = { path: { type: "PathPrefix", value: path.path || "/" } };
  const headers = Object.entries(path.headers ?? {}).map(([name, m]) => ({ type: "Exact" as const, name, value: m?.exact ?? "" }));
  // net-gateway-api sorts header matches by name in descending order (HTTPHeaderMatchList.Less uses >).
  if (headers.length > 0) match.headers = headers.sort((a, b) => byBytes(b.name, a.name));

  const rule: HTTPRouteRule = { matches: [match] };
  if (filters.length > 0) rule.filters = filters;
  rule.backendRefs = path.splits.map((s): HTTPBackendRef => ({
    group: "",
    kind: "Service",
    name: s.serviceName,
    port: typeof s.servicePort === "number" ? s.servicePort : intValue(s.servicePort),
    weight: s.percent ?? 0,
    // Emitted even when the split has no headers, as net-gateway-api does.
    filters: [{ type: "RequestHeaderModifier", requestHeaderModifier: { set: headerList(s.appendHeaders ?? {}) } }],
  }));
  if (gateway.supportedFeatures?.includes("HTTPRouteRequestTimeout")) rule.timeouts = { request: "0s" };
  return rule;
}

function headerList(headers: Record<string, string | undefined>): HTTPHeader[] {
  return Object.entries(headers)
    .map(([name, value]) => ({ name, value: value ?? "" }))
    .sort((a, b) => byBytes(a.name, b.name));
}

// intstr.IntValue: a numeric string is its number; anything else is 0.
function intValue(s: string): number {
  return /^-?\d+$/.test(s) ? Number.parseInt(s, 10) : 0;
}

function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
