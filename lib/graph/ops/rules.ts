// Add, remove and reorder the rules of a route.
import type { HTTPRouteRule } from "../../gateway/route-types";
import { backendIdBase, claim, ruleIdBase } from "../ids";
import { locate } from "../locate";
import type { RouteGraph, RuleIds } from "../types";
import { editEntry, editRoute, entryAt, idPoolOf, insertAt, moveItem, removeAt, replaceEntry } from "./update";

/** Adds `rule` at `index` (default: last). Its id is derived from its name, else its position. */
export function addRule(graph: RouteGraph, routeId: string, rule: HTTPRouteRule, index?: number): RouteGraph {
  const pool = idPoolOf(graph);
  return editRoute(graph, routeId, (spec, ids) => {
    const rules = spec.rules ?? [];
    const at = index === undefined ? rules.length : Math.max(0, Math.min(index, rules.length));
    const id = claim(pool, ruleIdBase(routeId, rule, at));
    const ruleIds: RuleIds = {
      id,
      backends: (rule.backendRefs ?? []).map((b) => claim(pool, backendIdBase(id, b))),
    };
    return {
      spec: { ...spec, rules: insertAt(rules, at, rule) },
      ids: { ...ids, rules: insertAt(ids.rules, at, ruleIds) },
    };
  });
}

/**
 * Removes a rule. The list is kept even when it becomes empty: an absent `rules` would be
 * defaulted by the API server to a catch-all rule, while `[]` is refused, which is the honest
 * outcome of deleting the last rule.
 */
export function removeRule(graph: RouteGraph, ruleId: string): RouteGraph {
  const loc = locate(graph, ruleId, "rule");
  return replaceEntry(
    graph,
    loc.route,
    editEntry(entryAt(graph, loc.route), (spec, ids) => ({
      spec: { ...spec, rules: removeAt(spec.rules ?? [], loc.rule) },
      ids: { ...ids, rules: removeAt(ids.rules, loc.rule) },
    })),
  );
}

/** Moves a rule to position `toIndex` in its route (list order breaks precedence ties). */
export function moveRule(graph: RouteGraph, ruleId: string, toIndex: number): RouteGraph {
  const loc = locate(graph, ruleId, "rule");
  return replaceEntry(
    graph,
    loc.route,
    editEntry(entryAt(graph, loc.route), (spec, ids) => ({
      spec: { ...spec, rules: moveItem(spec.rules ?? [], loc.rule, toIndex) },
      ids: { ...ids, rules: moveItem(ids.rules, loc.rule, toIndex) },
    })),
  );
}
