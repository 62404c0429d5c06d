// The HTTPRoute a hand-written VirtualService would be, as a draft for the canvas: its hosts,
// its rules in order, its destinations as backendRefs, and in plain words everything it does
// that the suggestion could not carry over. A suggestion, not a prediction: nobody's controller
// makes it, and the user reviews it before anything is applied.
import type { HTTPRouteFilter, HTTPRouteMatch, HTTPRouteRule, ParentReference } from "../../gateway/route-types";
import type { HTTPRoute } from "../../gateway/types.generated";
import { gatewayFor } from "../../knative/gateway-config";
import { DEFAULT_CLUSTER_DOMAIN } from "../../knative/network-config";
import { hostRewriteFilter, serviceOfHost, type SuggestContext } from "./backends";
import { backendRefsOf, corsFilter, headerFilters, mirrorFilters, redirectFilter, rewriteFilter, timeoutsOf, unsupported } from "./actions";
import type { IstioHTTP, VirtualServiceResource } from "./istio-types";
import { convertMatch } from "./matches";
import { orderNotes } from "./order";

export interface SuggestOptions {
  readonly gateway?: SuggestContext["gateway"];
  readonly clusterDomain?: string;
  readonly knativeServices?: ReadonlySet<string>;
  readonly servicePorts?: ReadonlyMap<string, readonly number[]>;
  /** HTTPRoutes that exist, "namespace/name": the suggestion takes a name none of them has. */
  readonly takenNames?: ReadonlySet<string>;
}

export interface Suggestion {
  readonly route: HTTPRoute;
  /** What the HTTPRoute will not do that the VirtualService does, one line each. */
  readonly notes: readonly string[];
}

const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const RULE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function hostnamesOf(vs: VirtualServiceResource, ctx: SuggestContext): { hostnames: string[]; clusterLocal: boolean; external: boolean } {
  const hostnames: string[] = [];
  let clusterLocal = false;
  let external = false;
  for (const h of vs.spec?.hosts ?? []) {
    const svc = serviceOfHost(h, ctx.namespace, ctx.clusterDomain);
    const host = svc ? `${svc.name}.${svc.namespace}.svc.${ctx.clusterDomain}` : h.toLowerCase();
    if (!HOSTNAME.test(host) || /^[\d.]+$/.test(host)) {
      ctx.notes.push(
        h === "*"
          ? "The VirtualService serves every host (*): the suggestion lists no hostnames, so it takes every host its Gateway listener allows."
          : `The host ${h} is not a hostname an HTTPRoute takes: left out.`,
      );
      continue;
    }
    if (svc) clusterLocal = true;
    else external = true;
    if (!hostnames.includes(host)) hostnames.push(host);
  }
  return { hostnames, clusterLocal, external };
}

function parentRefsOf(vs: VirtualServiceResource, clusterLocal: boolean, external: boolean, ctx: SuggestContext): ParentReference[] {
  const gateways = vs.spec?.gateways ?? [];
  if (gateways.length === 0 || gateways.every((g) => g === "mesh"))
    ctx.notes.push("The VirtualService applies inside the mesh only (gateways: mesh); an HTTPRoute on a Gateway serves requests at the Gateway instead.");
  const entries = [...(external || !clusterLocal ? [gatewayFor(ctx.gateway, false)] : []), ...(clusterLocal ? [gatewayFor(ctx.gateway, true)] : [])];
  return entries.map((g) => ({ group: "gateway.networking.k8s.io", kind: "Gateway", namespace: g.namespace, name: g.name }));
}

/** The matches of one Istio route, split where one URL rewrite per prefix needs its own rule. */
function matchGroups(r: IstioHTTP, what: string, ctx: SuggestContext): { matches: HTTPRouteMatch[]; prefix: boolean }[] {
  const matches = (r.match ?? []).map((m) => convertMatch(m, what, ctx));
  const isPrefix = (m: HTTPRouteMatch) => m.path?.type === "PathPrefix";
  const rewritesPath = r.rewrite?.uri !== undefined || r.redirect?.prefixRewrite !== undefined;
  // ReplacePrefixMatch needs exactly one PathPrefix match in its rule (the CRD's rule).
  if (rewritesPath && matches.length > 1 && matches.some(isPrefix)) return matches.map((m) => ({ matches: [m], prefix: isPrefix(m) }));
  return [{ matches, prefix: matches.length === 1 && matches.every(isPrefix) }];
}

function rulesOf(r: IstioHTTP, index: number, ctx: SuggestContext, names: Set<string>): HTTPRouteRule[] {
  const what = `Route ${index + 1}${r.name ? ` (${r.name})` : ""}`;
  if (r.delegate) {
    ctx.notes.push(
      `${what} delegates to the VirtualService ${r.delegate.namespace ?? ctx.namespace}/${r.delegate.name}: HTTPRoutes cannot delegate; left out.`,
    );
    return [];
  }
  unsupported(r, what, ctx);
  const { refs, hostRewrites } = r.redirect || r.directResponse ? { refs: [], hostRewrites: [] } : backendRefsOf(r, what, ctx);
  if (r.directResponse) ctx.notes.push(`${what} answers ${r.directResponse.status} itself: an HTTPRoute cannot, and a rule with no backend answers 500.`);
  const oneHost = hostRewrites.length > 0 && hostRewrites.every((h) => h === hostRewrites[0]) ? hostRewrites[0] : undefined;
  // Several Knative Services in one split: each backend rewrites its own Host.
  const backendRefs =
    oneHost !== undefined || hostRewrites.every((h) => h === undefined)
      ? refs
      : refs.map((ref, i) => {
          const h = hostRewrites[i];
          return h ? { ...ref, filters: [...(ref.filters ?? []), hostRewriteFilter(h)] } : ref;
        });
  if (oneHost === undefined && hostRewrites.some((h) => h !== undefined))
    ctx.notes.push(
      `${what} splits across several Knative Services: each backend rewrites its own Host, which Gateways support per backend only as an implementation-specific feature.`,
    );
  return matchGroups(r, what, ctx).map(({ matches, prefix }) => {
    const filters: HTTPRouteFilter[] = [
      ...headerFilters(r.headers),
      ...[r.redirect ? redirectFilter(r, prefix, what, ctx) : rewriteFilter(r, prefix, oneHost, what, ctx)].filter(
        (f): f is HTTPRouteFilter => f !== undefined,
      ),
      ...mirrorFilters(r, what, ctx),
      ...[corsFilter(r, what, ctx)].filter((f): f is HTTPRouteFilter => f !== undefined),
    ];
    const timeouts = r.redirect ? undefined : timeoutsOf(r, what, ctx);
    let name = r.name
      ?.toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "");
    if (name && !RULE_NAME.test(name)) name = undefined;
    for (let n = 2; name && names.has(name); n++) name = `${r.name?.toLowerCase()}-${n}`.replace(/[^a-z0-9-]+/g, "-");
    if (name) names.add(name);
    return {
      ...(name && { name }),
      ...(matches.length > 0 && { matches }),
      ...(filters.length > 0 && { filters }),
      ...(backendRefs.length > 0 && { backendRefs }),
      ...(timeouts && { timeouts }),
    };
  });
}

function freeName(namespace: string, name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(`${namespace}/${name}`)) return name;
  for (let n = 1; ; n++) {
    const candidate = `${name}-httproute${n > 1 ? `-${n}` : ""}`;
    if (!taken.has(`${namespace}/${candidate}`)) return candidate;
  }
}

/** The HTTPRoute suggested for a hand-written VirtualService, and what it leaves behind. */
export function suggestHTTPRoute(vs: VirtualServiceResource, opts: SuggestOptions = {}): Suggestion {
  const namespace = vs.metadata.namespace ?? "default";
  const notes: string[] = [];
  const ctx: SuggestContext = {
    namespace,
    clusterDomain: opts.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN,
    gateway: opts.gateway ?? {},
    knativeServices: opts.knativeServices ?? new Set(),
    servicePorts: opts.servicePorts ?? new Map(),
    notes,
  };
  const { hostnames, clusterLocal, external } = hostnamesOf(vs, ctx);
  const parentRefs = parentRefsOf(vs, clusterLocal, external, ctx);
  const names = new Set<string>();
  const rules = (vs.spec?.http ?? []).flatMap((r, i) => rulesOf(r, i, ctx, names));
  if (vs.spec?.tcp?.length || vs.spec?.tls?.length)
    notes.push("The VirtualService also routes TCP or TLS: HTTPRoutes route HTTP only (TCPRoute and TLSRoute would be their equivalents).");
  const route: HTTPRoute = {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { name: freeName(namespace, vs.metadata.name ?? "virtualservice", opts.takenNames ?? new Set()), namespace },
    spec: { parentRefs, ...(hostnames.length > 0 && { hostnames }), rules },
  };
  return { route, notes: [...new Set([...notes, ...orderNotes(route, hostnames)])] };
}
