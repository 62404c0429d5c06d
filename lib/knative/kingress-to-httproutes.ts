// KIngress → HTTPRoutes as net-gateway-api builds them (pkg/reconciler/ingress/resources
// httproute.go), written as Go's encoding/json writes them: a field that is nil or an empty list or
// map under omitempty is absent here too, never `[]` or `{}`. Proven on the controller's real
// output in testdata/net-gateway-api-d72e55aa (kingress-to-httproutes.fixtures.test.ts).
import type { HTTPRoute } from "../gateway/types.generated";
import {
  GATEWAY_API_GROUP,
  HTTPROUTE_REQUEST_TIMEOUT_FEATURE,
  INGRESS_LABEL,
  LAST_APPLIED_ANNOTATION,
  NETWORKING_API_VERSION,
  TAG_LABEL,
  VISIBILITY_CLUSTER_LOCAL,
  VISIBILITY_LABEL,
} from "./constants";
import { gatewayFor, type GatewayEntry, type GatewayPluginConfig } from "./gateway-config";
import { compareUTF8, goInt32, intstrIntValue } from "./go-values";
import { pathsOf, splitsOf } from "./kingress-fields";
import { controllerRef } from "./owner-ref";
import { computeIngressHash, defaultIngressSpec, insertProbe } from "./probe";
import { tagForHost } from "./tag-to-host";
import type { KIngress } from "./types.generated";
import type {
  HTTPBackendRef,
  HTTPHeader,
  HTTPRouteFilter,
  HTTPRouteMatch,
  HTTPRouteRule,
  HTTPRouteSpec,
  KIngressPath,
  KIngressRule,
  KIngressSplit,
} from "./types";

export interface KIngressToHTTPRoutesConfig extends GatewayPluginConfig {
  /**
   * The K-Network-Hash to write. By default it is computed as net-gateway-api does (SHA-256 of
   * the defaulted spec's Go JSON, namespace and name); pass the cluster's value to match it exactly.
   */
  probeHash?: string;
}

type HeaderMatch = NonNullable<HTTPRouteMatch["headers"]>[number];

/**
 * The HTTPRoutes net-gateway-api makes for a KIngress on its first reconcile: SetDefaults, then
 * ingress.InsertProbe, then MakeHTTPRoute per rule; one route per rule, named by its longest host.
 * Steady state: no endpoint-probe rules of a rollout in progress.
 */
export function kingressToHTTPRoutes(kingress: KIngress, config: KIngressToHTTPRoutesConfig = {}): HTTPRoute[] {
  const spec = defaultIngressSpec(kingress.spec ?? {});
  const hash = config.probeHash ?? computeIngressHash(kingress, spec);
  const probed = insertProbe(spec, hash);
  // LongestHost indexes the last host, so Go panics on a rule without hosts (the webhook forbids
  // one); Routeboard makes no route for it.
  return (probed.rules ?? []).filter((r) => (r.hosts ?? []).length > 0).map((rule) => makeHTTPRoute(kingress, rule, config));
}

/** The K-Network-Hash net-gateway-api computes for a KIngress (ingress.InsertProbe after SetDefaults). */
export function kingressProbeHash(kingress: KIngress): string {
  return computeIngressHash(kingress, defaultIngressSpec(kingress.spec ?? {}));
}

/** resources.LongestHost: the last host in Go's (byte) order. */
export function longestHost(hosts: readonly string[]): string {
  return sortedHosts(hosts).at(-1) ?? "";
}

// LongestHost sorts rule.Hosts in place, before makeHTTPRouteSpec copies them into hostnames, so
// the route's hostnames come out sorted too.
function sortedHosts(hosts: readonly string[]): string[] {
  return [...hosts].sort(compareUTF8);
}

/** resources.MakeHTTPRoute. */
function makeHTTPRoute(ing: KIngress, rule: KIngressRule, config: KIngressToHTTPRoutesConfig): HTTPRoute {
  const hosts = sortedHosts(rule.hosts ?? []);
  const name = hosts.at(-1);
  const { namespace } = ing.metadata;
  return {
    apiVersion: `${GATEWAY_API_GROUP}/v1`,
    kind: "HTTPRoute",
    metadata: {
      // ObjectMeta's name and namespace are omitempty: an empty host gives a route without a name.
      ...(name ? { name } : {}),
      ...(namespace ? { namespace } : {}),
      labels: routeLabels(ing, rule),
      ...omitEmptyMap("annotations", withoutKey(ing.metadata.annotations, LAST_APPLIED_ANNOTATION)),
      // kmeta.NewControllerRef takes the kind from Ingress.GetGroupVersionKind, not the object's TypeMeta.
      ownerReferences: [controllerRef({ apiVersion: NETWORKING_API_VERSION, kind: "Ingress", metadata: ing.metadata })],
    },
    spec: makeHTTPRouteSpec(rule, hosts, gatewayFor(config, rule.visibility === "ClusterLocal")),
  };
}

// kmeta.UnionMaps(ing.Labels, extraLabels): the controller's own labels overwrite the KIngress's,
// the tag label included (a stale one on the KIngress stays only when no tag matches).
function routeLabels(ing: KIngress, rule: KIngressRule): Record<string, string> {
  const tag = tagForHost(ing.metadata.annotations, rule.hosts ?? []);
  return Object.fromEntries([
    ...Object.entries(ing.metadata.labels ?? {}),
    [INGRESS_LABEL, ing.metadata.name ?? ""],
    [VISIBILITY_LABEL, rule.visibility === "ClusterLocal" ? VISIBILITY_CLUSTER_LOCAL : ""],
    ...(tag ? [[TAG_LABEL, tag]] : []),
  ]);
}

/** kmeta.FilterMap: the map without one key (Object.fromEntries, so "__proto__" stays a plain key). */
function withoutKey(m: Readonly<Record<string, string>> | undefined, drop: string): Record<string, string> {
  return Object.fromEntries(Object.entries(m ?? {}).filter(([k]) => k !== drop));
}

/** resources.makeHTTPRouteSpec: one Gateway parent (no sectionName, no port), hostnames, rules. */
function makeHTTPRouteSpec(rule: KIngressRule, hosts: readonly string[], gateway: GatewayEntry): HTTPRouteSpec {
  const rules = rule.http ? pathsOf(rule.http).map((p) => makeHTTPRouteRule(p, gateway)) : [];
  return {
    parentRefs: [{ group: GATEWAY_API_GROUP, kind: "Gateway", namespace: gateway.namespace, name: gateway.name }],
    ...omitEmptyList("hostnames", [...hosts]),
    ...omitEmptyList("rules", rules),
  };
}

/** One iteration of resources.makeHTTPRouteRule: a KIngress path becomes one HTTPRoute rule. */
function makeHTTPRouteRule(path: KIngressPath, gateway: GatewayEntry): HTTPRouteRule {
  const headers = headerMatches(path.headers);
  const match: HTTPRouteMatch = { path: { type: "PathPrefix", value: path.path || "/" }, ...omitEmptyList("headers", headers) };
  const rule: HTTPRouteRule = {
    matches: [match],
    ...omitEmptyList("filters", pathFilters(path)),
    ...omitEmptyList("backendRefs", splitsOf(path).map(backendRef)),
  };
  if (gateway.supportedFeatures?.includes(HTTPROUTE_REQUEST_TIMEOUT_FEATURE)) rule.timeouts = { request: "0s" };
  return rule;
}

// The path's "preFilters": RequestHeaderModifier whenever appendHeaders is non-nil (so `{}` gives
// a filter with no `set`), then URLRewrite when rewriteHost is set.
function pathFilters(path: KIngressPath): HTTPRouteFilter[] {
  const filters: HTTPRouteFilter[] = [];
  if (path.appendHeaders !== undefined && path.appendHeaders !== null) filters.push(setHeadersFilter(path.appendHeaders));
  if (path.rewriteHost) filters.push({ type: "URLRewrite", urlRewrite: { hostname: path.rewriteHost } });
  return filters;
}

// A split's backendRef always carries its RequestHeaderModifier, empty or not.
function backendRef(split: KIngressSplit): HTTPBackendRef {
  return {
    group: "",
    kind: "Service",
    name: split.serviceName,
    // PortNumber(ServicePort.IntValue()) and int32(split.Percent): Go's int → int32 conversions.
    port: goInt32(intstrIntValue(split.servicePort)),
    weight: goInt32(split.percent ?? 0),
    filters: [setHeadersFilter(split.appendHeaders ?? {})],
  };
}

function setHeadersFilter(headers: Readonly<Record<string, string | undefined>>): HTTPRouteFilter {
  return { type: "RequestHeaderModifier", requestHeaderModifier: omitEmptyList("set", headerList(headers)) };
}

// Sorted with compareHTTPHeader (strings.Compare on the name), ascending.
function headerList(headers: Readonly<Record<string, string | undefined>>): HTTPHeader[] {
  return Object.entries(headers)
    .map(([name, value]) => ({ name, value: value ?? "" }))
    .sort((a, b) => compareUTF8(a.name, b.name));
}

// Exact matches sorted by HTTPHeaderMatchList, whose Less is `>`: descending byte order.
function headerMatches(headers: KIngressPath["headers"]): HeaderMatch[] {
  return Object.entries(headers ?? {})
    .map(([name, m]): HeaderMatch => ({ type: "Exact", name, value: m?.exact ?? "" }))
    .sort((a, b) => compareUTF8(b.name, a.name));
}

/** `key: list` unless the list is empty, as omitempty writes a slice. */
function omitEmptyList<K extends string, T>(key: K, list: T[]): { [P in K]?: T[] } {
  return (list.length > 0 ? { [key]: list } : {}) as { [P in K]?: T[] };
}

/** `key: map` unless the map is empty, as omitempty writes a map. */
function omitEmptyMap<K extends string>(key: K, map: Record<string, string>): { [P in K]?: Record<string, string> } {
  return (Object.keys(map).length > 0 ? { [key]: map } : {}) as { [P in K]?: Record<string, string> };
}
