// Where an Istio destination host points, as a Gateway API backendRef. A Knative Service's own
// host is reached through Knative's local gateway with the Host rewritten to it, as the canvas
// routes to Knative Services (lib/knative/path-routing); any other cluster Service directly.
import type { HTTPBackendRef, HTTPRouteFilter } from "../../gateway/route-types";
import { DEFAULT_LOCAL_GATEWAY, gatewayFor, type GatewayPluginConfig } from "../../knative/gateway-config";
import { HTTP1_PORT } from "../../knative/constants";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export interface SuggestContext {
  /** The VirtualService's namespace: the HTTPRoute's, and where Istio resolves short names. */
  readonly namespace: string;
  readonly clusterDomain: string;
  readonly gateway: GatewayPluginConfig;
  /** Knative Services, "namespace/name". */
  readonly knativeServices: ReadonlySet<string>;
  /** The ports of each Service, "namespace/name". */
  readonly servicePorts: ReadonlyMap<string, readonly number[]>;
  /** What the suggestion could not carry over, in plain words. */
  readonly notes: string[];
}

export interface Target {
  readonly ref: HTTPBackendRef;
  /** The Host rewrite a Knative Service needs (the local gateway routes by Host). */
  readonly hostRewrite?: string;
}

/**
 * The Service an Istio host names: a short name in the VirtualService's namespace, or
 * name.namespace.svc[.clusterDomain]. Other hosts (external names, ServiceEntries) are not
 * cluster Services.
 */
export function serviceOfHost(host: string, namespace: string, clusterDomain: string): { namespace: string; name: string } | undefined {
  const parts = host.split(".");
  if (!parts.every((p) => DNS_LABEL.test(p))) return undefined;
  if (parts.length === 1 && parts[0]) return { namespace, name: parts[0] };
  const [name, ns, svc, ...rest] = parts;
  if (!name || !ns || svc !== "svc") return undefined;
  if (rest.length > 0 && rest.join(".") !== clusterDomain) return undefined;
  return { namespace: ns, name };
}

function portFor(key: string, given: number | undefined, ctx: SuggestContext): number {
  if (given) return given;
  const ports = ctx.servicePorts.get(key) ?? [];
  if (ports.length === 1 && ports[0] !== undefined) return ports[0];
  if (ports.includes(HTTP1_PORT)) return HTTP1_PORT;
  ctx.notes.push(
    `The destination ${key} names no port and the Service ${ports.length === 0 ? "is not in the cluster" : `has ${ports.length} ports`}: the suggestion uses port ${HTTP1_PORT}; check it.`,
  );
  return HTTP1_PORT;
}

/** The backendRef for an Istio destination, or undefined (with a note) when it is not a cluster Service. */
export function targetOf(dest: { host: string; port?: { number?: number }; subset?: string }, ctx: SuggestContext, what: string): Target | undefined {
  const svc = serviceOfHost(dest.host, ctx.namespace, ctx.clusterDomain);
  if (!svc) {
    ctx.notes.push(`${what} goes to ${dest.host}, which is not a Service of this cluster: an HTTPRoute cannot name it (left out).`);
    return undefined;
  }
  if (dest.subset)
    ctx.notes.push(
      `${what} goes to the subset ${dest.subset} of ${svc.namespace}/${svc.name} (a DestinationRule's): the Gateway API has no subsets, so the suggestion sends to the whole Service.`,
    );
  const key = `${svc.namespace}/${svc.name}`;
  const at = (s: { namespace: string; name: string }) => (s.namespace === ctx.namespace ? {} : { namespace: s.namespace });
  if (ctx.knativeServices.has(key)) {
    const local = gatewayFor(ctx.gateway, true).service ?? DEFAULT_LOCAL_GATEWAY.service ?? { namespace: "istio-system", name: "knative-local-gateway" };
    return { ref: { name: local.name, ...at(local), port: HTTP1_PORT }, hostRewrite: `${svc.name}.${svc.namespace}.svc.${ctx.clusterDomain}` };
  }
  return { ref: { name: svc.name, ...at(svc), port: portFor(key, dest.port?.number, ctx) } };
}

/** A Host rewrite as a filter. */
export function hostRewriteFilter(hostname: string): HTTPRouteFilter {
  return { type: "URLRewrite", urlRewrite: { hostname } };
}
