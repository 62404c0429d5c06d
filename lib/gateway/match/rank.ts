// Which rule serves a request among the routes attached to one listener, by the Gateway API's
// precedence (HTTPRoute `hostnames` and `rules[].matches` docs):
//   1. hostname: the routes whose matching hostname has the most characters in a non-wildcard
//      match, then in any match (the "virtual host": route hostnames already narrowed to the
//      listener's); only rules of those routes compete;
//   2. the match: Exact path > PathPrefix with most characters > method > most header matches >
//      most query param matches (RegularExpression paths are implementation-specific; here they
//      rank below prefixes);
//   3. the oldest route by creationTimestamp, then "{namespace}/{name}" alphabetically;
//   4. within a route, the first matching rule in list order.
import { RE2JS } from "@bufbuild/re2";
import { hostMatches } from "../listeners";
import type { HTTPRouteMatch } from "../route-types";
import type { HTTPRoute } from "../types.generated";

export interface SampleRequest {
  readonly host: string;
  /** The path, without the query string. */
  readonly path: string;
  /** Undefined matches no method match (matchRequest sends GET when none is given). */
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Query parameters; a repeated one matches on its first value. */
  readonly query?: Readonly<Record<string, string | readonly string[]>>;
}

/** A route attached to the listener, with the hostnames it serves there ("any": no restriction). */
export interface RouteEntry {
  readonly route: HTTPRoute;
  readonly hostnames: readonly string[] | "any";
  /** Rules dropped as invalid: they never match. */
  readonly dropped?: ReadonlySet<number>;
}

export interface RuleHit {
  readonly route: HTTPRoute;
  readonly rule: number;
  readonly match: number;
  /** The hostname of the route that matched the Host ("any" for a route without one). */
  readonly hostname: string;
}

export interface RouterAnswer {
  /** The rule that serves the request; undefined: 404. */
  readonly hit?: RuleHit;
  /**
   * The rule a data plane that ranks every route's rules together (no virtual hosts) would pick,
   * when it differs from `hit`: the spec text allows that reading, so this is implementation-specific.
   */
  readonly fallthrough?: RuleHit;
  /** A RegularExpression match took part in the decision (implementation-specific). */
  readonly regex: boolean;
}

const regexCache = new Map<string, RE2JS | null>();

/** Full match of an RE2 pattern (Envoy's dialect); an invalid pattern matches nothing. */
export function regexMatches(pattern: string, value: string): boolean {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    try {
      re = RE2JS.compile(pattern);
    } catch {
      re = null;
    }
    regexCache.set(pattern, re);
  }
  return re?.matches(value) ?? false;
}

/** The prefix a PathPrefix value stands for: a trailing "/" is ignored ("/" itself matches everything). */
export function prefixOf(value: string): string {
  return value.length > 1 && value.endsWith("/") ? value.replace(/\/+$/, "") : value;
}

export function pathMatches(match: HTTPRouteMatch, path: string): boolean {
  const type = match.path?.type ?? "PathPrefix";
  const value = match.path?.value ?? "/";
  if (type === "Exact") return path === value;
  if (type === "RegularExpression") return regexMatches(value, path);
  // PathPrefix matches whole path elements: /foo matches /foo, /foo/ and /foo/bar, not /foobar.
  const prefix = prefixOf(value);
  return prefix === "/" || path === prefix || path.startsWith(`${prefix}/`);
}

/** The first entry of each name counts; later ones with an equivalent name are ignored. */
function firstOfEach<T extends { readonly name: string }>(items: readonly T[] | undefined, fold: (n: string) => string): T[] {
  const seen = new Set<string>();
  return (items ?? []).filter((x) => !seen.has(fold(x.name)) && seen.add(fold(x.name)));
}

const lower = (s: string) => s.toLowerCase();
const same = (s: string) => s;

export function matchesRequest(match: HTTPRouteMatch, req: SampleRequest): boolean {
  if (!pathMatches(match, req.path)) return false;
  if (match.method !== undefined && match.method !== req.method) return false;
  const headers = new Map(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  for (const h of firstOfEach(match.headers, lower)) {
    const v = headers.get(h.name.toLowerCase());
    if (v === undefined) return false;
    if ((h.type ?? "Exact") === "Exact" ? v !== h.value : !regexMatches(h.value, v)) return false;
  }
  for (const q of firstOfEach(match.queryParams, same)) {
    const raw = req.query?.[q.name];
    const v = typeof raw === "string" ? raw : raw?.[0];
    if (v === undefined) return false;
    if ((q.type ?? "Exact") === "Exact" ? v !== q.value : !regexMatches(q.value, v)) return false;
  }
  return true;
}

/** Specificity of a match, compared element by element, higher first. */
export function specificity(match: HTTPRouteMatch): number[] {
  const type = match.path?.type ?? "PathPrefix";
  return [
    type === "Exact" ? 3 : type === "PathPrefix" ? 2 : 1,
    (match.path?.value ?? "/").length,
    match.method !== undefined ? 1 : 0,
    firstOfEach(match.headers, lower).length,
    firstOfEach(match.queryParams, same).length,
  ];
}

export function usesRegex(match: HTTPRouteMatch): boolean {
  return match.path?.type === "RegularExpression" || [...(match.headers ?? []), ...(match.queryParams ?? [])].some((x) => x.type === "RegularExpression");
}

/** [non-wildcard characters, characters] of the best hostname of `hostnames` matching `host`. */
export function hostScore(hostnames: readonly string[] | "any", host: string): { score: [number, number]; hostname: string } | undefined {
  if (hostnames === "any") return { score: [0, 0], hostname: "any" };
  let best: { score: [number, number]; hostname: string } | undefined;
  for (const name of hostnames) {
    const n = name.toLowerCase();
    if (!hostMatches(n, host)) continue;
    const score: [number, number] = [n.startsWith("*.") ? 0 : n.length, n.length];
    if (!best || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1])) best = { score, hostname: name };
  }
  return best;
}

/** One match of one rule of one route, with what ranks it among all matches on the listener. */
interface MatchItem {
  readonly rule: number;
  readonly match: number;
  readonly key: readonly number[];
  readonly created: string;
  /** creationTimestamp in ms (NaN when it does not parse). */
  readonly createdAt: number;
  readonly fullName: string;
  readonly m: HTTPRouteMatch;
}

interface Ranked {
  readonly hit: RuleHit;
  readonly vhost: readonly [number, number];
  readonly m: HTTPRouteMatch;
  /** Place of the match in the listener's match order (compareMatches), whatever the host. */
  readonly order: number;
}

function compareMatches(a: MatchItem, b: MatchItem): number {
  for (let i = 0; i < a.key.length; i++) {
    const d = (b.key[i] ?? 0) - (a.key[i] ?? 0);
    if (d !== 0) return d;
  }
  // A route without a timestamp has not been created yet, so it is the newest.
  if (a.created !== b.created) {
    if (a.created === "") return 1;
    if (b.created === "") return -1;
    const d = (Number.isNaN(a.createdAt) ? Infinity : a.createdAt) - (Number.isNaN(b.createdAt) ? Infinity : b.createdAt);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  if (a.fullName !== b.fullName) return a.fullName < b.fullName ? -1 : 1;
  return a.rule - b.rule || a.match - b.match;
}

const vhostOrder = (a: Ranked, b: Ranked) => b.vhost[0] - a.vhost[0] || b.vhost[1] - a.vhost[1];

/** Every match of each entry, and the place of each in the order of all of them, made once. */
function matchOrder(entries: readonly RouteEntry[]): { items: readonly (readonly MatchItem[])[]; order: ReadonlyMap<MatchItem, number> } {
  const items = entries.map((e) => {
    const created = e.route.metadata?.creationTimestamp ?? "";
    const base = { created, createdAt: Date.parse(created), fullName: `${e.route.metadata?.namespace ?? ""}/${e.route.metadata?.name ?? ""}` };
    return (e.route.spec?.rules ?? []).flatMap((rule, r) => {
      if (e.dropped?.has(r)) return [];
      // An absent or empty matches list is a single PathPrefix "/" match.
      const matches: readonly HTTPRouteMatch[] = rule.matches?.length ? rule.matches : [{}];
      return matches.map((m, i): MatchItem => ({ ...base, rule: r, match: i, key: specificity(m), m }));
    });
  });
  const sorted = items.flat().sort(compareMatches);
  return { items, order: new Map(sorted.map((x, i) => [x, i])) };
}

/** Every match of the candidate entries serving `host`, best virtual host first, then best match first. */
function ranked(entries: readonly RouteEntry[], candidates: readonly number[], host: string, byMatch: ReturnType<typeof matchOrder>): Ranked[] {
  const out: Ranked[] = [];
  for (const i of candidates) {
    const e = entries[i];
    const hs = e && hostScore(e.hostnames, host);
    if (!e || !hs) continue;
    for (const x of byMatch.items[i] ?? [])
      out.push({ hit: { route: e.route, rule: x.rule, match: x.match, hostname: hs.hostname }, vhost: hs.score, m: x.m, order: byMatch.order.get(x) ?? 0 });
  }
  return out.sort((a, b) => vhostOrder(a, b) || a.order - b.order);
}

const HOSTS_KEPT = 4096;

/**
 * The entries that may serve a host, without looking at the others: those with the host itself
 * among their hostnames, those with a wildcard over one of its parent domains ("*.example.com"
 * covers "a.example.com" and "a.b.example.com"), and those with no hostnames. By index into `entries`.
 */
function hostIndex(entries: readonly RouteEntry[]): (host: string) => number[] {
  const exact = new Map<string, number[]>();
  const wildcard = new Map<string, number[]>();
  const any: number[] = [];
  const add = (m: Map<string, number[]>, k: string, i: number) => (m.get(k) ?? m.set(k, []).get(k))?.push(i);
  entries.forEach((e, i) => {
    if (e.hostnames === "any") return void any.push(i);
    for (const name of new Set(e.hostnames.map(lower))) add(name.startsWith("*.") ? wildcard : exact, name.startsWith("*.") ? name.slice(1) : name, i);
  });
  return (host) => {
    const picked = new Set<number>([...any, ...(exact.get(host) ?? [])]);
    // Each ".suffix" of the host with at least one character before it.
    for (let dot = host.indexOf(".", 1); dot > 0; dot = host.indexOf(".", dot + 1)) for (const i of wildcard.get(host.slice(dot)) ?? []) picked.add(i);
    return [...picked];
  };
}

/**
 * A router over routes attached to one listener: for each request, the rule that serves it.
 * The ranking is made once per host, over the routes that can serve it (hostIndex), so many
 * requests cost a scan each rather than a sort.
 */
export function createRouter(entries: readonly RouteEntry[]): (req: SampleRequest) => RouterAnswer {
  const candidates = hostIndex(entries);
  const byMatch = matchOrder(entries);
  const byHost = new Map<string, Ranked[]>();
  return (req) => {
    const host = normalizeHost(req.host);
    let list = byHost.get(host);
    if (!list) {
      // Hosts are unbounded (the request tester takes any): forget them all rather than grow.
      if (byHost.size >= HOSTS_KEPT) byHost.clear();
      byHost.set(host, (list = ranked(entries, candidates(host), host, byMatch)));
    }
    const top = list[0]?.vhost;
    const inVhost = list.filter((c) => top !== undefined && c.vhost[0] === top[0] && c.vhost[1] === top[1]);
    const winner = inVhost.find((c) => matchesRequest(c.m, req));
    // Read literally, hostname precedence only orders matching rules: a lower virtual host then serves.
    const flat = winner ? undefined : list.find((c) => matchesRequest(c.m, req));
    const regex = inVhost.some((c) => usesRegex(c.m) && matchesRequest(c.m, req)) || (winner !== undefined && usesRegex(winner.m));
    return {
      ...(winner && { hit: winner.hit }),
      ...(flat && { fallthrough: flat.hit }),
      regex,
    };
  };
}

/** A Host header as hostnames are matched: lower case, without a port. */
export function normalizeHost(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  const colon = h.lastIndexOf(":");
  return colon >= 0 && /^\d*$/.test(h.slice(colon + 1)) ? h.slice(0, colon) : h;
}
