// Which rule serves a request, across all routes on one Gateway, by the Gateway API's
// precedence rules (HTTPRoute spec, `hostnames` and `rules[].matches` docs):
//   1. the route's matching hostname: most characters in a non-wildcard match, then in any match;
//   2. the match: Exact path > PathPrefix with most characters > method > most header matches
//      > most query param matches (RegularExpression paths are implementation-specific; here
//      they rank below prefixes, longer first);
//   3. the oldest route by creationTimestamp, then "{namespace}/{name}" alphabetically;
//   4. within a route, the first rule in list order.
import type { HTTPRouteMatch } from "../gateway/route-types";
import type { HTTPRoute } from "../gateway/types.generated";

export interface SampleRequest {
  readonly host: string;
  readonly path: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
}

export interface RuleHit {
  readonly route: HTTPRoute;
  readonly rule: number;
  readonly match: number;
}

/** [non-wildcard chars, any chars], or undefined when the route does not serve `host`. */
function hostnameScore(route: HTTPRoute, host: string): [number, number] | undefined {
  const hostnames = route.spec?.hostnames ?? [];
  if (hostnames.length === 0) return [0, 0];
  const h = host.toLowerCase();
  let best: [number, number] | undefined;
  for (const name of hostnames.map((n) => n.toLowerCase())) {
    const wildcard = name.startsWith("*.");
    const ok = wildcard ? h.endsWith(name.slice(1)) && h.length > name.length - 1 : h === name;
    if (!ok) continue;
    const score: [number, number] = [wildcard ? 0 : name.length, name.length];
    if (!best || score[0] > best[0] || (score[0] === best[0] && score[1] > best[1])) best = score;
  }
  return best;
}

function regexMatches(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return false;
  }
}

function pathMatches(match: HTTPRouteMatch, path: string): boolean {
  const type = match.path?.type ?? "PathPrefix";
  const value = match.path?.value ?? "/";
  if (type === "Exact") return path === value;
  if (type === "RegularExpression") return regexMatches(value, path);
  // PathPrefix matches whole path elements: /foo matches /foo and /foo/bar, not /foobar.
  const prefix = value.length > 1 && value.endsWith("/") ? value.slice(0, -1) : value;
  return prefix === "/" || path === prefix || path.startsWith(`${prefix}/`);
}

export function matchesRequest(match: HTTPRouteMatch, req: SampleRequest): boolean {
  if (!pathMatches(match, req.path)) return false;
  if (match.method !== undefined && match.method !== req.method) return false;
  const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  for (const h of match.headers ?? []) {
    const v = headers[h.name.toLowerCase()];
    if (v === undefined) return false;
    if ((h.type ?? "Exact") === "Exact" ? v !== h.value : !regexMatches(h.value, v)) return false;
  }
  for (const q of match.queryParams ?? []) {
    const v = req.query?.[q.name];
    if (v === undefined) return false;
    if ((q.type ?? "Exact") === "Exact" ? v !== q.value : !regexMatches(q.value, v)) return false;
  }
  return true;
}

/** Specificity of a match, compared element by element, higher first. */
function specificity(match: HTTPRouteMatch): number[] {
  const type = match.path?.type ?? "PathPrefix";
  const kind = type === "Exact" ? 3 : type === "PathPrefix" ? 2 : 1;
  return [
    kind,
    (match.path?.value ?? "/").length,
    match.method !== undefined ? 1 : 0,
    match.headers?.length ?? 0,
    match.queryParams?.length ?? 0,
  ];
}

interface Candidate {
  readonly hit: RuleHit;
  readonly key: readonly number[];
  readonly created: string;
  readonly fullName: string;
}

function compare(a: Candidate, b: Candidate): number {
  for (let i = 0; i < a.key.length; i++) {
    const d = (b.key[i] ?? 0) - (a.key[i] ?? 0);
    if (d !== 0) return d;
  }
  // A route without a timestamp has not been created yet, so it is the newest.
  if (a.created !== b.created) return a.created === "" ? 1 : b.created === "" ? -1 : a.created < b.created ? -1 : 1;
  if (a.fullName !== b.fullName) return a.fullName < b.fullName ? -1 : 1;
  return a.hit.rule - b.hit.rule || a.hit.match - b.hit.match;
}

interface RankedMatch extends Candidate {
  readonly match: HTTPRouteMatch;
}

/** Every match of every route that serves `host`, best first. */
function ranked(routes: readonly HTTPRoute[], host: string): RankedMatch[] {
  const out: RankedMatch[] = [];
  for (const route of routes) {
    const score = hostnameScore(route, host);
    if (!score) continue;
    const created = route.metadata?.creationTimestamp ?? "";
    const fullName = `${route.metadata?.namespace ?? ""}/${route.metadata?.name ?? ""}`;
    (route.spec?.rules ?? []).forEach((rule, r) => {
      // An absent matches list is defaulted to a single PathPrefix "/" match.
      const matches: readonly HTTPRouteMatch[] = rule.matches ?? [{}];
      matches.forEach((m, i) => out.push({ hit: { route, rule: r, match: i }, key: [...score, ...specificity(m)], created, fullName, match: m }));
    });
  }
  return out.sort(compare);
}

/**
 * A router over `routes`, all taken as attached to the same Gateway listener: for each request,
 * the rule that serves it, or undefined when the Gateway answers 404. The ranking is made once
 * per hostname, so asking about many requests costs a scan each rather than a sort.
 */
export function router(routes: readonly HTTPRoute[]): (req: SampleRequest) => RuleHit | undefined {
  const byHost = new Map<string, RankedMatch[]>();
  return (req) => {
    const host = req.host.toLowerCase();
    let list = byHost.get(host);
    if (!list) byHost.set(host, (list = ranked(routes, host)));
    return list.find((c) => matchesRequest(c.match, req))?.hit;
  };
}

/** The rule that serves one request among `routes` (see router). */
export function winningRule(routes: readonly HTTPRoute[], req: SampleRequest): RuleHit | undefined {
  return router(routes)(req);
}
