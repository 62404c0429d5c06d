// What a hand-written VirtualService on a Knative Service's hosts does that the HTTPRoutes
// net-gateway-api builds will not: retries, timeouts, fault injection, mirroring, CORS, header and
// query matches, rewrites. In plain words, one line per behaviour, naming the VirtualService.
import type { HandWritten } from "./hand-written";
import type { Suggestion, VirtualServiceResource } from "./suggest";

type IstioHTTP = NonNullable<NonNullable<VirtualServiceResource["spec"]>["http"]>[number];

export interface BehaviourDiff {
  /** "team-a/legacy-hello". */
  readonly virtualService: string;
  /** The Knative hosts it also serves. */
  readonly hosts: readonly string[];
  /** What it does that the HTTPRoutes will not, one behaviour per line. */
  readonly lost: readonly string[];
  /** The HTTPRoute that would carry most of it over, to open on the canvas as a draft. */
  readonly suggestion: Suggestion;
}

function lostBehaviour(routes: readonly IstioHTTP[]): string[] {
  const out = new Set<string>();
  for (const r of routes) {
    if ((r.retries?.attempts ?? 0) > 0)
      out.add(
        `retries a failed request ${r.retries?.attempts} times${r.retries?.perTryTimeout ? ` (${r.retries.perTryTimeout} each)` : ""}${r.retries?.retryOn ? ` on ${r.retries.retryOn}` : ""}; HTTPRoutes do not retry`,
      );
    if (r.timeout) out.add(`times requests out after ${r.timeout}; net-gateway-api's HTTPRoutes set no timeout (or 0s, none)`);
    if (r.fault?.delay) out.add("injects delays (fault.delay); the Gateway API has no fault injection");
    if (r.fault?.abort) out.add("aborts requests on purpose (fault.abort); the Gateway API has no fault injection");
    for (const host of [r.mirror?.host, ...(r.mirrors ?? []).map((m) => m.destination?.host)].filter((h): h is string => !!h))
      out.add(`mirrors traffic to ${host}; the HTTPRoutes do not (RequestMirror would have to be added by hand)`);
    if (r.corsPolicy) out.add("answers CORS itself (corsPolicy); the HTTPRoutes do not");
    if (r.rewrite?.uri || r.rewrite?.authority)
      out.add(`rewrites the ${r.rewrite.uri ? `path to ${r.rewrite.uri}` : `authority to ${r.rewrite.authority}`}; the HTTPRoutes forward requests unchanged`);
    for (const m of r.match ?? []) {
      if (m.headers) out.add("routes by request headers of its own; the HTTPRoutes match only Knative's tag header");
      if (m.queryParams) out.add("routes by query parameters; the HTTPRoutes do not");
      if (m.method) out.add("routes by method; the HTTPRoutes take every method");
      if (m.uri?.regex) out.add(`routes by a regular expression on the path (${m.uri.regex}); the HTTPRoutes match path prefixes`);
    }
  }
  return [...out];
}

/** What each hand-written VirtualService does that net-gateway-api's HTTPRoutes will not. */
export function handWrittenBehaviour(handWritten: readonly HandWritten[]): BehaviourDiff[] {
  return handWritten.map((h) => {
    const lost = lostBehaviour(h.virtualService.spec?.http ?? []);
    return {
      virtualService: h.key,
      hosts: h.hosts,
      lost:
        lost.length > 0 ? lost : ["routes these hosts by rules of its own, which Istio merges with net-istio's; after the move only the HTTPRoutes route them"],
      suggestion: h.suggestion,
    };
  });
}
