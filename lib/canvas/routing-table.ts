// The effective routing table of the canvas: for each hostname and each match on it, which rule
// (and so which backends) the Gateway picks across every route on that hostname, and which rules
// never win anything (shadowed). lib/gateway/shadowing decides; this names rules by graph id.
import { describeMatch, findShadowing, routeFullName, ruleKey, type RuleRef } from "../gateway/shadowing";
import type { HTTPRoute } from "../gateway/types.generated";
import type { RouteGraph } from "../graph";

export { describeMatch };

export interface RoutingRow {
  readonly host: string;
  /** e.g. "PathPrefix /api/v1 · GET · 1 header" */
  readonly match: string;
  /** Rule id that declares this match. */
  readonly ruleId: string;
  /** Rule id that actually serves a request made for this match (undefined: 404). */
  readonly winnerId?: string;
  readonly winnerRoute?: string;
  /** "backend 90 %, canary 10 %" of the winning rule. */
  readonly backends: string;
  readonly why: string;
}

export interface RoutingTable {
  readonly rows: RoutingRow[];
  /** Rules that serve none of their own matches on any hostname. */
  readonly shadowed: ReadonlySet<string>;
  /** For each shadowed rule, the rules that win its matches instead: "team/shop rule 1". */
  readonly shadowedBy: ReadonlyMap<string, readonly string[]>;
}

function backendsOf(route: HTTPRoute, rule: number): string {
  const refs = route.spec?.rules?.[rule]?.backendRefs ?? [];
  // A redirect answers by itself: it needs no backend.
  const redirect = route.spec?.rules?.[rule]?.filters?.find((f) => f.type === "RequestRedirect")?.requestRedirect;
  if (redirect) return `redirect (${redirect.statusCode ?? 302})`;
  if (refs.length === 0) return "no backends (the Gateway answers 500)";
  const total = refs.reduce((s, b) => s + (b.weight ?? 1), 0);
  return refs.map((b) => `${b.name}${b.port ? `:${b.port}` : ""} ${total ? Math.round(((b.weight ?? 1) / total) * 1000) / 10 : 0} %`).join(", ");
}

const ruleName = (r: RuleRef) => `${routeFullName(r.route)} rule ${r.rule + 1}`;

export function routingTable(graph: RouteGraph): RoutingTable {
  const idOf = new Map<string, string>();
  graph.entries.forEach((e) => e.ids.rules.forEach((r, i) => idOf.set(ruleKey(e.route, i), r.id)));
  const { rows, shadowed } = findShadowing(graph.entries.map((e) => e.route));
  const id = (route: HTTPRoute, rule: number) => idOf.get(ruleKey(route, rule)) ?? "";
  return {
    rows: rows.map((row) => {
      const ruleId = id(row.route, row.rule);
      const base = { host: row.host, match: row.matchText, ruleId };
      if (row.regex) return { ...base, backends: backendsOf(row.route, row.rule), why: "regular expression: precedence is up to the Gateway implementation" };
      const w = row.winner;
      if (!w) return { ...base, backends: "", why: "no rule matches (404)" };
      const winnerId = id(w.route, w.rule);
      const why =
        winnerId === ruleId ? "this rule wins" : `shadowed by ${ruleName(w)} (${describeMatch(w.route.spec?.rules?.[w.rule]?.matches?.[w.match] ?? {})})`;
      return { ...base, winnerId, winnerRoute: routeFullName(w.route), backends: backendsOf(w.route, w.rule), why };
    }),
    shadowed: new Set(shadowed.map((s) => id(s.rule.route, s.rule.rule))),
    shadowedBy: new Map(shadowed.map((s) => [id(s.rule.route, s.rule.rule), s.by.map(ruleName)] as const)),
  };
}
