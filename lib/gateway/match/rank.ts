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

interface Ranked {
  readonly hit: RuleHit;
  readonly vhost: readonly [number, number];
  readonly key: readonly number[];
  readonly created: string;
  readonly fullName: string;
  readonly m: HTTPRouteMatch;
}

function createdMs(ts: string): number {
  const t = Date.parse(ts);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

function compareMatches(a: Ranked, b: Ranked): number {
  for (let i = 0; i < a.key.length; i++) {
    const d = (b.key[i] ?? 0) - (a.key[i] ?? 0);
    if (d !== 0) return d;
  }
  // A route without a timestamp has not been created yet, so it is the newest.
  if (a.created !== b.created) {
    if (a.created === "") return 1;
    if (b.created === "") return -1;
    const d = createdMs(a.created) - createdMs(b.created);
    if (d !== 0) return d;
  }
  if (a.fullName !== b.fullName) return a.fullName < b.fullName ? -1 : 1;
  return a.hit.rule - b.hit.rule || a.hit.match - b.hit.match;
}

const vhostOrder = (a: Ranked, b: Ranked) => b.vhost[0] - a.vhost[0] || b.vhost[1] - a.vhost[1];

/** Every match of every route serving `host`, best virtual host first, then best match first. */
function ranked(entries: readonly RouteEntry[], host: string): Ranked[] {
  const out: Ranked[] = [];
  for (const e of entries) {
    const hs = hostScore(e.hostnames, host);
    if (!hs) continue;
    const created = e.route.metadata?.creationTimestamp ?? "";
    const fullName = `${e.route.metadata?.namespace ?? ""}/${e.route.metadata?.name ?? ""}`;
    (e.route.spec?.rules ?? []).forEach((rule, r) => {
      if (e.dropped?.has(r)) return;
      // An absent or empty matches list is a single PathPrefix "/" match.
      const matches: readonly HTTPRouteMatch[] = rule.matches?.length ? rule.matches : [{}];
      matches.forEach((m, i) =>
        out.push({ hit: { route: e.route, rule: r, match: i, hostname: hs.hostname }, vhost: hs.score, key: specificity(m), created, fullName, m }),
      );
    });
  }
  return out.sort((a, b) => vhostOrder(a, b) || compareMatches(a, b));
}

/**
 * A router over routes attached to one listener: for each request, the rule that serves it.
 * The ranking is made once per host, so many requests cost a scan each rather than a sort.
 */
export function createRouter(entries: readonly RouteEntry[]): (req: SampleRequest) => RouterAnswer {
  const byHost = new Map<string, Ranked[]>();
  return (req) => {
    const host = normalizeHost(req.host);
    let list = byHost.get(host);
    if (!list) byHost.set(host, (list = ranked(entries, host)));
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
