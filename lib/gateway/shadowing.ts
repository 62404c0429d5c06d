// Shadowed rules: for each match of each rule, the request it stands for, and which rule of
// which route the Gateway API's precedence picks for that request among routes attached to the
// same listener. A rule that never wins any of its own matches, on any of its hostnames, is
// shadowed: no request ever reaches it. Regular expressions cannot be sampled, and their
// precedence is implementation-specific, so a rule with one is never called shadowed.
import type { HTTPRouteMatch } from "./route-types";
import type { HTTPRoute } from "./types.generated";
import { createRouter, type SampleRequest } from "./match/rank";

/** The host rows of a route without hostnames are listed under. */
export const ANY_HOST = "(any hostname)";

/** One rule of one route: rule numbers from 0 here. */
export interface RuleRef {
  readonly route: HTTPRoute;
  readonly rule: number;
}

export interface ShadowRow {
  readonly host: string;
  readonly route: HTTPRoute;
  readonly rule: number;
  /** Index into the rule's matches (0 for a rule without matches). */
  readonly match: number;
  readonly matchText: string;
  /** The rule that serves a request made for this match (undefined: 404, or a regular expression). */
  readonly winner?: RuleRef & { readonly match: number };
  /** A regular expression: the row could not be judged. */
  readonly regex: boolean;
}

export interface ShadowedRule {
  readonly rule: RuleRef;
  /** The rules that win its matches instead. */
  readonly by: readonly RuleRef[];
}

export interface Shadowing {
  readonly rows: readonly ShadowRow[];
  /** The rules that never win any of their matches, in row order. */
  readonly shadowed: readonly ShadowedRule[];
}

export const routeFullName = (r: HTTPRoute): string => `${r.metadata?.namespace ?? ""}/${r.metadata?.name ?? ""}`;
export const ruleKey = (r: HTTPRoute, rule: number): string => `${routeFullName(r)}#${rule}`;

/** "PathPrefix /api/v1 · GET · 1 header" */
export function describeMatch(m: HTTPRouteMatch): string {
  const parts = [`${m.path?.type ?? "PathPrefix"} ${m.path?.value ?? "/"}`];
  if (m.method) parts.push(m.method);
  const h = m.headers?.length ?? 0;
  const q = m.queryParams?.length ?? 0;
  if (h) parts.push(`${h} header${h > 1 ? "s" : ""}`);
  if (q) parts.push(`${q} query param${q > 1 ? "s" : ""}`);
  return parts.join(" · ");
}

/** A concrete host for a hostname pattern: `*.example.com` → `a.example.com`. */
function sampleHost(host: string): string {
  if (host === ANY_HOST) return "any.example";
  return host.startsWith("*.") ? `a${host.slice(1)}` : host;
}

/** A request this match accepts, or undefined when none can be made up (regular expressions). */
function sampleRequest(host: string, m: HTTPRouteMatch): SampleRequest | undefined {
  if ((m.path?.type ?? "PathPrefix") === "RegularExpression") return undefined;
  if ([...(m.headers ?? []), ...(m.queryParams ?? [])].some((x) => x.type === "RegularExpression")) return undefined;
  return {
    host: sampleHost(host),
    path: m.path?.value ?? "/",
    ...(m.method !== undefined && { method: m.method }),
    headers: Object.fromEntries((m.headers ?? []).map((x) => [x.name, x.value])),
    query: Object.fromEntries((m.queryParams ?? []).map((x) => [x.name, x.value])),
  };
}

/**
 * Shadowing among `routes`, all taken as attached to the same listener with their own hostnames.
 * Rows come by hostname (sorted), then in the routes' order, then rule and match order.
 */
export function findShadowing(routes: readonly HTTPRoute[]): Shadowing {
  const route = createRouter(routes.map((r) => ({ route: r, hostnames: r.spec?.hostnames?.length ? r.spec.hostnames : "any" })));
  const hosts = [...new Set(routes.flatMap((r) => (r.spec?.hostnames?.length ? r.spec.hostnames : [ANY_HOST])))].sort();
  const rows: ShadowRow[] = [];
  const wins = new Set<string>();
  const all = new Map<string, RuleRef>();
  const beaten = new Map<string, Map<string, RuleRef>>();
  for (const host of hosts) {
    for (const r of routes) {
      const hn = r.spec?.hostnames ?? [];
      // A route without hostnames serves every host; its rows are listed once, under "any".
      if (hn.length === 0 ? host !== ANY_HOST : !hn.includes(host)) continue;
      (r.spec?.rules ?? []).forEach((rule, i) => {
        const key = ruleKey(r, i);
        all.set(key, { route: r, rule: i });
        const matches: readonly HTTPRouteMatch[] = rule.matches?.length ? rule.matches : [{}];
        matches.forEach((m, mi) => {
          const req = sampleRequest(host, m);
          const base = { host, route: r, rule: i, match: mi, matchText: describeMatch(m) };
          if (!req) {
            wins.add(key);
            rows.push({ ...base, regex: true });
            return;
          }
          const hit = route(req).hit;
          const winner = hit && { route: hit.route, rule: hit.rule, match: hit.match };
          if (hit && hit.route === r && hit.rule === i) wins.add(key);
          else if (hit) (beaten.get(key) ?? beaten.set(key, new Map()).get(key))?.set(ruleKey(hit.route, hit.rule), { route: hit.route, rule: hit.rule });
          rows.push({ ...base, regex: false, ...(winner && { winner }) });
        });
      });
    }
  }
  // Only rules that never win: a rule beaten on one hostname but winning on another is not shadowed.
  const shadowed = [...all].filter(([k]) => !wins.has(k)).map(([k, rule]) => ({ rule, by: [...(beaten.get(k)?.values() ?? [])] }));
  return { rows, shadowed };
}
