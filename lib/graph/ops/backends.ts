// Add, remove, move backends between rules (across routes too) and set their weights.
import type { HTTPBackendRef } from "../../gateway/route-types";
import { MAX_WEIGHT, tooFineWords, wholeFactor } from "../../gateway/weights";
import { backendIdBase, claim } from "../ids";
import { locate } from "../locate";
import type { RouteGraph } from "../types";
import { editRuleAt, entryAt, idPoolOf, insertAt, moveItem, removeAt, replaceAt, withList } from "./update";

export function addBackend(graph: RouteGraph, ruleId: string, ref: HTTPBackendRef, index?: number): RouteGraph {
  const loc = locate(graph, ruleId, "rule");
  const id = claim(idPoolOf(graph), backendIdBase(ruleId, ref));
  return editRuleAt(graph, loc.route, loc.rule, (rule, ids) => ({
    rule: { ...rule, backendRefs: insertAt(rule.backendRefs ?? [], index, ref) },
    ids: { ...ids, backends: insertAt(ids.backends, index, id) },
  }));
}

export function removeBackend(graph: RouteGraph, backendId: string): RouteGraph {
  const loc = locate(graph, backendId, "backend");
  return editRuleAt(graph, loc.route, loc.rule, (rule, ids) => ({
    rule: withList(rule, "backendRefs", removeAt(rule.backendRefs ?? [], loc.index)),
    ids: { ...ids, backends: removeAt(ids.backends, loc.index) },
  }));
}

export function setWeight(graph: RouteGraph, backendId: string, weight: number): RouteGraph {
  const loc = locate(graph, backendId, "backend");
  return editRuleAt(graph, loc.route, loc.rule, (rule, ids) => {
    const refs = rule.backendRefs ?? [];
    const ref = refs[loc.index];
    if (!ref) return { rule, ids };
    return { rule: { ...rule, backendRefs: replaceAt(refs, loc.index, { ...ref, weight }) }, ids };
  });
}

/**
 * A weight as typed: a whole number is set as it is; a fraction multiplies every weight of the
 * rule (an unset one counts as 1) by the power of ten that makes it whole, so the shares are
 * exactly as typed; where that would pass the Gateway API's largest weight, the reason.
 */
export function setTypedWeight(graph: RouteGraph, backendId: string, typed: number): { graph: RouteGraph; scaledBy?: number } | { reason: string } {
  if (Number.isInteger(typed)) return { graph: setWeight(graph, backendId, typed) };
  const f = wholeFactor(typed);
  const loc = locate(graph, backendId, "backend");
  const weights = (entryAt(graph, loc.route).route.spec?.rules?.[loc.rule]?.backendRefs ?? []).map((r, i) =>
    i === loc.index ? Math.round(typed * (f ?? 1)) : (r.weight ?? 1) * (f ?? 1),
  );
  if (!f || weights.some((w) => w > MAX_WEIGHT)) return { reason: tooFineWords(typed) };
  const next = editRuleAt(graph, loc.route, loc.rule, (rule, ids) => ({
    rule: { ...rule, backendRefs: (rule.backendRefs ?? []).map((r, i) => ({ ...r, weight: weights[i] ?? 1 })) },
    ids,
  }));
  return { graph: next, scaledBy: f };
}

/**
 * Moves a backend to rule `toRuleId` at `index` (default: last), keeping its id. Moving into
 * a route of another namespace pins the ref's namespace, so it still names the same Service
 * (the API server will then want a ReferenceGrant, which the validator reports).
 */
export function moveBackend(graph: RouteGraph, backendId: string, toRuleId: string, index?: number): RouteGraph {
  const from = locate(graph, backendId, "backend");
  const to = locate(graph, toRuleId, "rule");
  if (from.route === to.route && from.rule === to.rule) {
    return editRuleAt(graph, from.route, from.rule, (rule, ids) => ({
      rule: { ...rule, backendRefs: moveItem(rule.backendRefs ?? [], from.index, index ?? Infinity) },
      ids: { ...ids, backends: moveItem(ids.backends, from.index, index ?? Infinity) },
    }));
  }
  const source = entryAt(graph, from.route);
  const ref = source.route.spec?.rules?.[from.rule]?.backendRefs?.[from.index];
  if (!ref) return graph;
  const sourceNs = source.route.metadata?.namespace;
  const targetNs = entryAt(graph, to.route).route.metadata?.namespace;
  const moved = ref.namespace === undefined && sourceNs !== targetNs && sourceNs !== undefined ? { ...ref, namespace: sourceNs } : ref;

  const removed = removeBackend(graph, backendId);
  return editRuleAt(removed, to.route, to.rule, (rule, ids) => ({
    rule: { ...rule, backendRefs: insertAt(rule.backendRefs ?? [], index, moved) },
    ids: { ...ids, backends: insertAt(ids.backends, index, backendId) },
  }));
}
