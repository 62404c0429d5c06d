// What a hand-written VirtualService on a Knative Service's hosts does that the HTTPRoutes
// net-gateway-api builds will not: retries, timeouts, fault injection, mirroring, CORS, header and
// query matches, rewrites. In plain words, one line per behaviour, naming the VirtualService.
import { hostMatches } from "../gateway/listeners";
import { INGRESS_LABEL } from "../knative/constants";
import type { KubeObject } from "../k8s/meta";

/** The fields of a VirtualService's HTTP route that hand-written ones use and net-istio's never set. */
interface HandHTTPRoute {
  readonly match?: readonly { readonly headers?: object; readonly queryParams?: object; readonly method?: object; readonly uri?: { readonly regex?: string } }[];
  readonly retries?: { readonly attempts?: number; readonly perTryTimeout?: string; readonly retryOn?: string };
  readonly timeout?: string;
  readonly fault?: { readonly delay?: object; readonly abort?: object };
  readonly mirror?: { readonly host?: string };
  readonly mirrors?: readonly { readonly destination?: { readonly host?: string } }[];
  readonly corsPolicy?: object;
  readonly rewrite?: { readonly uri?: string; readonly authority?: string };
}

interface VirtualServiceLike {
  readonly metadata: KubeObject["metadata"];
  readonly spec?: { readonly hosts?: readonly string[]; readonly http?: readonly HandHTTPRoute[] };
}

export interface BehaviourDiff {
  /** "team-a/legacy-hello". */
  readonly virtualService: string;
  /** The Knative hosts it also serves. */
  readonly hosts: readonly string[];
  /** What it does that the HTTPRoutes will not, one behaviour per line. */
  readonly lost: readonly string[];
}

function lostBehaviour(routes: readonly HandHTTPRoute[]): string[] {
  const out = new Set<string>();
  for (const r of routes) {
    if ((r.retries?.attempts ?? 0) > 0) out.add(`retries a failed request ${r.retries?.attempts} times${r.retries?.perTryTimeout ? ` (${r.retries.perTryTimeout} each)` : ""}${r.retries?.retryOn ? ` on ${r.retries.retryOn}` : ""}; HTTPRoutes do not retry`);
    if (r.timeout) out.add(`times requests out after ${r.timeout}; net-gateway-api's HTTPRoutes set no timeout (or 0s, none)`);
    if (r.fault?.delay) out.add("injects delays (fault.delay); the Gateway API has no fault injection");
    if (r.fault?.abort) out.add("aborts requests on purpose (fault.abort); the Gateway API has no fault injection");
    for (const host of [r.mirror?.host, ...(r.mirrors ?? []).map((m) => m.destination?.host)].filter((h): h is string => !!h)) out.add(`mirrors traffic to ${host}; the HTTPRoutes do not (RequestMirror would have to be added by hand)`);
    if (r.corsPolicy) out.add("answers CORS itself (corsPolicy); the HTTPRoutes do not");
    if (r.rewrite?.uri || r.rewrite?.authority) out.add(`rewrites the ${r.rewrite.uri ? `path to ${r.rewrite.uri}` : `authority to ${r.rewrite.authority}`}; the HTTPRoutes forward requests unchanged`);
    for (const m of r.match ?? []) {
      if (m.headers) out.add("routes by request headers of its own; the HTTPRoutes match only Knative's tag header");
      if (m.queryParams) out.add("routes by query parameters; the HTTPRoutes do not");
      if (m.method) out.add("routes by method; the HTTPRoutes take every method");
      if (m.uri?.regex) out.add(`routes by a regular expression on the path (${m.uri.regex}); the HTTPRoutes match path prefixes`);
    }
  }
  return [...out];
}

const hostMatch = (a: string, b: string) => hostMatches(a, b) || hostMatches(b, a);

/**
 * The VirtualServices not written by net-istio for this KIngress that serve one of `hosts`, with
 * what each does that the HTTPRoutes will not (only those that do something).
 */
export function handWrittenBehaviour(virtualServices: readonly KubeObject[], kingressName: string, hosts: readonly string[]): BehaviourDiff[] {
  const out: BehaviourDiff[] = [];
  for (const o of virtualServices as readonly VirtualServiceLike[]) {
    if (o.metadata.labels?.[INGRESS_LABEL] === kingressName) continue;
    const shared = (o.spec?.hosts ?? []).filter((h) => hosts.some((k) => hostMatch(h, k)));
    if (shared.length === 0) continue;
    const lost = lostBehaviour(o.spec?.http ?? []);
    out.push({ virtualService: `${o.metadata.namespace ?? "default"}/${o.metadata.name ?? ""}`, hosts: shared, lost: lost.length > 0 ? lost : ["routes these hosts by rules of its own, which Istio merges with net-istio's; after the move only the HTTPRoutes route them"] });
  }
  return out;
}
