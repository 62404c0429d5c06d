// The VirtualServices net-istio makes for a KIngress: `<name>-mesh` for the sidecars (the
// cluster-local hosts) and `<name>-ingress` for the Istio Gateways. Mirrors
// pkg/reconciler/ingress/resources/virtual_service.go (net-istio bdbf4dac): MakeVirtualServices,
// MakeMeshVirtualService, MakeIngressVirtualService, makeVirtualServiceSpec,
// makeVirtualServiceRoute, makeMatch.
import { INGRESS_LABEL, NETWORKING_API_VERSION, ROUTE_LABEL, ROUTE_NAMESPACE_LABEL } from "../constants";
import { goInt32, intstrIntValue } from "../go-values";
import { pathsOf, splitsOf } from "../kingress-fields";
import { controllerRef } from "../owner-ref";
import type { KIngress } from "../types.generated";
import type { KIngressPath, KIngressRule, KIngressSplit } from "../types";
import { distinctHostPrefixes, expandedHosts, keepLocalHostnames, sortedSet } from "./hosts";
import { ingressVirtualServiceName, meshVirtualServiceName } from "./names";
import type { HTTPMatchRequest, HTTPRouteDestination, IstioHTTPRoute, StringMatch, VirtualService, VirtualServiceSpec } from "./types";

/** The gateway names per rule visibility: `namespace/name` of Istio Gateways, or `mesh`. */
export interface VisibilityGateways {
  ExternalIP: readonly string[];
  ClusterLocal: readonly string[];
}

export interface VirtualServiceNames {
  systemNamespace: string;
  clusterDomain: string;
}

const MESH_GATEWAYS: VisibilityGateways = { ExternalIP: ["mesh"], ClusterLocal: ["mesh"] };

/**
 * MakeVirtualServices for a KIngress that is already defaulted and probed (InsertProbe ran on
 * its copy): the mesh VirtualService when it has cluster-local hosts, then the ingress one when a
 * rule's visibility has a gateway.
 */
export function makeVirtualServices(ing: KIngress, gateways: VisibilityGateways, names: VirtualServiceNames): VirtualService[] {
  const rules = ing.spec?.rules ?? [];
  const out: VirtualService[] = [];
  const mesh = makeMeshVirtualService(ing, gateways, names);
  if (mesh) out.push(mesh);
  let required = 0;
  if (rules.some((r) => r.visibility === "ExternalIP" || !r.visibility)) required += gateways.ExternalIP.length;
  if (rules.some((r) => r.visibility === "ClusterLocal")) required += gateways.ClusterLocal.length;
  if (required > 0) out.push(makeIngressVirtualService(ing, gateways, names));
  return out;
}

/**
 * MakeMeshVirtualService: the hosts ending in `.svc.<cluster domain>`, expanded to their short
 * forms only when there is a cluster-local gateway (knative/serving#6488); none, no VirtualService.
 */
function makeMeshVirtualService(ing: KIngress, gateways: VisibilityGateways, names: VirtualServiceNames): VirtualService | undefined {
  let hosts = keepLocalHostnames(allHosts(ing), names.clusterDomain);
  if (gateways.ClusterLocal.length > 0) hosts = expandedHosts(hosts, names.clusterDomain);
  if (hosts.length === 0) return undefined;
  return virtualService(ing, meshVirtualServiceName(ing.metadata.name ?? ""), makeVirtualServiceSpec(ing, MESH_GATEWAYS, hosts, names), names);
}

/** MakeIngressVirtualService: every host, expanded. */
function makeIngressVirtualService(ing: KIngress, gateways: VisibilityGateways, names: VirtualServiceNames): VirtualService {
  const hosts = expandedHosts(allHosts(ing), names.clusterDomain);
  return virtualService(ing, ingressVirtualServiceName(ing.metadata.name ?? ""), makeVirtualServiceSpec(ing, gateways, hosts, names), names);
}

// The metadata both share: the VirtualServiceNamespace (the system namespace for a KIngress
// without one); of the labels only the route and routeNamespace ones (kmeta.FilterMap drops the
// rest), plus the ingress label; every annotation, last-applied-configuration included.
function virtualService(ing: KIngress, name: string, spec: VirtualServiceSpec, names: VirtualServiceNames): VirtualService {
  const kept = Object.entries(ing.metadata.labels ?? {}).filter(([k]) => k === ROUTE_LABEL || k === ROUTE_NAMESPACE_LABEL);
  const labels = Object.fromEntries([...kept, [INGRESS_LABEL, ing.metadata.name ?? ""]]);
  const annotations = ing.metadata.annotations ?? {};
  return {
    apiVersion: "networking.istio.io/v1beta1",
    kind: "VirtualService",
    metadata: {
      ...(name !== "" && { name }),
      namespace: ing.metadata.namespace || names.systemNamespace,
      labels,
      ...(Object.keys(annotations).length > 0 && { annotations: { ...annotations } }),
      ownerReferences: [controllerRef({ apiVersion: NETWORKING_API_VERSION, kind: "Ingress", metadata: ing.metadata })],
    },
    spec,
  };
}

// getHosts: the union of all rules' hosts.
function allHosts(ing: KIngress): string[] {
  return sortedSet((ing.spec?.rules ?? []).flatMap((r) => r.hosts ?? []));
}

/**
 * makeVirtualServiceSpec: a route per path of every rule that shares a host with `hosts`, in rule
 * and path order; the spec's gateways are those its matches name.
 */
function makeVirtualServiceSpec(ing: KIngress, gateways: VisibilityGateways, hosts: readonly string[], names: VirtualServiceNames): VirtualServiceSpec {
  const hostSet = new Set(hosts);
  const http: IstioHTTPRoute[] = [];
  const used = new Set<string>();
  for (const rule of ing.spec?.rules ?? []) {
    const ruleHosts = (rule.hosts ?? []).filter((h) => hostSet.has(h));
    if (ruleHosts.length === 0 || !rule.http) continue;
    for (const path of pathsOf(rule.http)) {
      const route = makeVirtualServiceRoute(ruleHosts, path, gatewaysOf(gateways, rule), names);
      for (const m of route.match ?? []) for (const g of m.gateways ?? []) used.add(g);
      http.push(route);
    }
  }
  const gw = sortedSet(used);
  return {
    ...(hosts.length > 0 && { hosts: [...hosts] }),
    ...(gw.length > 0 && { gateways: gw }),
    ...(http.length > 0 && { http }),
  };
}

// gateways[rule.Visibility]: a visibility net-istio does not know has no gateways.
function gatewaysOf(gateways: VisibilityGateways, rule: KIngressRule): readonly string[] {
  if (rule.visibility === "ExternalIP") return gateways.ExternalIP;
  if (rule.visibility === "ClusterLocal") return gateways.ClusterLocal;
  return [];
}

/**
 * makeVirtualServiceRoute: a match per distinct host prefix, a weighted destination per split,
 * the path's appended headers as `headers.request.set`, `rewriteHost` as an authority rewrite, and
 * always an empty `retries` to switch off Istio's default two retries.
 */
function makeVirtualServiceRoute(hosts: readonly string[], path: KIngressPath, gateways: readonly string[], names: VirtualServiceNames): IstioHTTPRoute {
  const match = distinctHostPrefixes(hosts, names.clusterDomain).map((h) => makeMatch(h, path, gateways));
  const route = splitsOf(path).map((s) => makeDestination(s, names.clusterDomain));
  const set = stringMap(path.appendHeaders);
  return {
    retries: {},
    ...(match.length > 0 && { match }),
    ...(route.length > 0 && { route }),
    ...(path.rewriteHost && { rewrite: { authority: path.rewriteHost } }),
    ...(set && { headers: { request: { set } } }),
  };
}

// One split: the Revision's Service by its cluster host name; port uint32(IntValue()) (a named
// port is 0, written as `port: {}`); weight int32(percent), absent at 0.
function makeDestination(split: KIngressSplit, clusterDomain: string): HTTPRouteDestination {
  const number = Number(BigInt.asUintN(32, intstrIntValue(split.servicePort)));
  const weight = goInt32(split.percent ?? 0);
  const set = stringMap(split.appendHeaders);
  return {
    destination: { host: `${split.serviceName}.${split.serviceNamespace}.svc.${clusterDomain}`, port: number === 0 ? {} : { number } },
    ...(weight !== 0 && { weight }),
    ...(set && { headers: { request: { set } } }),
  };
}

/** makeMatch: the authority prefix, the path as a URI prefix (none when empty), exact header matches. */
function makeMatch(host: string, path: KIngressPath, gateways: readonly string[]): HTTPMatchRequest {
  const headers: Record<string, StringMatch> = Object.fromEntries(Object.entries(path.headers ?? {}).map(([k, v]) => [k, { exact: v?.exact ?? "" }]));
  const gw = sortedSet(gateways);
  return {
    ...(gw.length > 0 && { gateways: gw }),
    authority: { prefix: host },
    ...(path.path && { uri: { prefix: path.path } }),
    ...(Object.keys(headers).length > 0 && { headers }),
  };
}

// A Go map[string]string for jsonpb: nil or empty is absent; a missing value is "".
function stringMap(m: Readonly<Record<string, string | undefined>> | undefined): Record<string, string> | undefined {
  const entries = Object.entries(m ?? {});
  return entries.length > 0 ? Object.fromEntries(entries.map(([k, v]) => [k, v ?? ""])) : undefined;
}
