// Rules no request ever reaches, on the chain: for each listener, the routes attached to it
// compete by the Gateway API's precedence (lib/gateway/shadowing), and a rule that never wins
// any of its matches there is shadowed. With a prediction, the routes of a listener are those it
// accepts; without one, the routes that name the same Gateway.
import type { StatusPrediction } from "../gateway/predict";
import { describeMatch, findShadowing, routeFullName, ruleKey, type RuleRef } from "../gateway/shadowing";
import type { HTTPRoute } from "../gateway/types.generated";
import type { ChainBuilder } from "./builder";
import type { ObjectIndex } from "./objects";
import type { ChainNode } from "./types";

export interface ShadowedRule {
  readonly rule: number;
  /** "Gateway infra/gw, listener http". */
  readonly where: string[];
  readonly by: RuleRef[];
}

type ByRoute = ReadonlyMap<string, readonly ShadowedRule[]>;

interface Group {
  readonly where: string;
  readonly routes: HTTPRoute[];
}

function groups(index: ObjectIndex, prediction: StatusPrediction | undefined): Group[] {
  const routes = index.all("HTTPRoute") as unknown as HTTPRoute[];
  if (prediction) {
    const byName = new Map(routes.map((r) => [routeFullName(r), r]));
    return prediction.gateways.flatMap((g) =>
      g.listeners
        .filter((l) => l.routes.length > 0)
        .map((l) => ({ where: `Gateway ${g.namespace}/${g.name}, listener ${l.name}`, routes: l.routes.flatMap((n) => byName.get(n) ?? []) })),
    );
  }
  const byGateway = new Map<string, HTTPRoute[]>();
  for (const r of routes) {
    const ns = r.metadata?.namespace ?? "default";
    const gws = new Set((r.spec?.parentRefs ?? []).filter((p) => (p.kind ?? "Gateway") === "Gateway").map((p) => `${p.namespace ?? ns}/${p.name}`));
    for (const gw of gws) (byGateway.get(gw) ?? byGateway.set(gw, []).get(gw))?.push(r);
  }
  return [...byGateway].map(([gw, rs]) => ({ where: `Gateway ${gw}`, routes: rs }));
}

function compute(index: ObjectIndex, prediction: StatusPrediction | undefined): ByRoute {
  const out = new Map<string, Map<number, { where: string[]; by: Map<string, RuleRef> }>>();
  for (const g of groups(index, prediction)) {
    for (const {
      rule: { route: r, rule },
      by,
    } of findShadowing(g.routes).shadowed) {
      const route = routeFullName(r);
      const rules = out.get(route) ?? out.set(route, new Map()).get(route);
      const entry = rules?.get(rule) ?? { where: [], by: new Map<string, RuleRef>() };
      rules?.set(rule, entry);
      entry.where.push(g.where);
      for (const r of by) entry.by.set(ruleKey(r.route, r.rule), r);
    }
  }
  return new Map(
    [...out].map(([route, rules]) => [route, [...rules].sort(([a], [b]) => a - b).map(([rule, e]) => ({ rule, where: e.where, by: [...e.by.values()] }))]),
  );
}

// The overview resolves hundreds of chains over one index: shadowing is computed once per index.
const cache = new WeakMap<ObjectIndex, WeakMap<object, ByRoute>>();
const NO_PREDICTION = {};

export function shadowedRules(index: ObjectIndex, prediction: StatusPrediction | undefined): ByRoute {
  const perIndex = cache.get(index) ?? cache.set(index, new WeakMap()).get(index);
  const k = prediction ?? NO_PREDICTION;
  const hit = perIndex?.get(k);
  if (hit) return hit;
  const value = compute(index, prediction);
  perIndex?.set(k, value);
  return value;
}

const ruleText = (route: HTTPRoute, rule: number) => {
  const m = route.spec?.rules?.[rule]?.matches?.[0];
  const more = (route.spec?.rules?.[rule]?.matches?.length ?? 0) > 1 ? ", …" : "";
  return `rule ${rule + 1} (${describeMatch(m ?? {})}${more})`;
};

/** A warning on the route's node for each of its rules that no request reaches. */
export function shadowFindings(b: ChainBuilder, index: ObjectIndex, route: HTTPRoute, node: ChainNode): void {
  for (const s of shadowedRules(index, b.options.prediction).get(routeFullName(route)) ?? []) {
    const winners = s.by.map((w) => `${w.route === route ? "its own" : `HTTPRoute ${routeFullName(w.route)}`} ${ruleText(w.route, w.rule)}`);
    b.finding({
      code: "RuleShadowed",
      severity: "warning",
      nodeId: node.id,
      title: `No request reaches ${ruleText(route, s.rule)} of HTTPRoute ${route.metadata?.name ?? ""} on ${s.where.join(" and ")}: ${winners.length ? `${winners.join(" and ")} win${winners.length === 1 ? "s" : ""} every request it matches` : "other rules win every request it matches"}.`,
      next: "By the Gateway API's precedence (exact path, longest prefix, method, headers, query, then the oldest route) the other rule comes first. Make this rule's match more specific, move it before the other rule if both are in the same route, or remove it if it is no longer needed.",
    });
  }
}
