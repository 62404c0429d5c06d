// Canvas gestures as graph edits: each takes a graph and returns the next one, built from the
// pure operations of lib/graph, so undo is just the previous graph.
import type { HTTPPathMatchType, HTTPRouteFilter, HTTPRouteRule } from "../gateway/route-types";
import {
  addBackend,
  addHostname,
  addMatch,
  addRule,
  editMatch,
  moveBackend,
  moveRule,
  removeBackend,
  removeHostname,
  removeRule,
  type RouteGraph,
} from "../graph";
import { graphIndex, locate } from "../graph/locate";
import { editRuleAt } from "../graph/ops/update";
import { dropFor, type PaletteItem } from "./palette";

export const NEW_RULE: HTTPRouteRule = { matches: [{ path: { type: "PathPrefix", value: "/" } }] };

export function ruleOf(graph: RouteGraph, ruleId: string): HTTPRouteRule | undefined {
  const loc = locate(graph, ruleId, "rule");
  return graph.entries[loc.route]?.route.spec?.rules?.[loc.rule];
}

function namespaceOfRule(graph: RouteGraph, ruleId: string): string {
  const loc = locate(graph, ruleId, "rule");
  return graph.entries[loc.route]?.route.metadata?.namespace ?? "";
}

/** Sets (or replaces) the rule filter of the same type; lib/graph has no filter edits yet. */
export function setRuleFilter(graph: RouteGraph, ruleId: string, filter: HTTPRouteFilter): RouteGraph {
  const loc = locate(graph, ruleId, "rule");
  return editRuleAt(graph, loc.route, loc.rule, (rule, ids) => ({
    rule: { ...rule, filters: [...(rule.filters ?? []).filter((f) => f.type !== filter.type), filter] },
    ids,
  }));
}

/** A palette item dropped on a rule: a new backend (and the Host rewrite a Knative Service needs). */
export function dropOnRule(graph: RouteGraph, ruleId: string, item: PaletteItem): { graph: RouteGraph; warnings: string[] } {
  const path = ruleOf(graph, ruleId)?.matches?.[0]?.path?.value ?? "/";
  const drop = dropFor(item, namespaceOfRule(graph, ruleId), path);
  let g = addBackend(graph, ruleId, drop.ref);
  if (drop.ruleFilter) g = setRuleFilter(g, ruleId, drop.ruleFilter);
  return { graph: g, warnings: drop.warnings };
}

/** The path of a rule's first match, edited in place; a rule without matches gets one. */
/** The path match types, in the order a menu offers them. */
export const PATH_TYPES: readonly HTTPPathMatchType[] = ["PathPrefix", "Exact", "RegularExpression"];

export function setRulePath(graph: RouteGraph, ruleId: string, path: { type?: HTTPPathMatchType; value?: string }): RouteGraph {
  const rule = ruleOf(graph, ruleId);
  if ((rule?.matches?.length ?? 0) === 0) {
    return addMatch(graph, ruleId, { path: { type: path.type ?? "PathPrefix", value: path.value ?? "/" } });
  }
  return editMatch(graph, `${ruleId}/match[0]`, { path });
}

/** Hostname connected to a rule of another route: that route now serves the hostname too. */
export function connectHostname(graph: RouteGraph, hostname: string, ruleId: string): RouteGraph {
  const loc = locate(graph, ruleId, "rule");
  const entry = graph.entries[loc.route];
  if (!entry || (entry.route.spec?.hostnames ?? []).includes(hostname)) return graph;
  return addHostname(graph, entry.ids.route, hostname);
}

export function addNewRule(graph: RouteGraph, routeId: string, rule: HTTPRouteRule = NEW_RULE): RouteGraph {
  return addRule(graph, routeId, rule);
}

/** A rule dragged to position `to` in its route. */
export function reorderRule(graph: RouteGraph, ruleId: string, to: number): RouteGraph {
  const loc = locate(graph, ruleId, "rule");
  return to < 0 || to === loc.rule ? graph : moveRule(graph, ruleId, to);
}

export function moveBackendTo(graph: RouteGraph, backendId: string, ruleId: string): RouteGraph {
  const from = locate(graph, backendId, "backend");
  const to = locate(graph, ruleId, "rule");
  return from.route === to.route && from.rule === to.rule ? graph : moveBackend(graph, backendId, ruleId);
}

/** Removes the selected elements (backends first, so a rule and its backends can go together). */
export function deleteElements(graph: RouteGraph, ids: readonly string[]): RouteGraph {
  const order = { backend: 0, rule: 1, hostname: 2 } as const;
  const kinds = ids
    .map((id) => [id, graphIndex(graph).get(id)?.kind] as const)
    .filter((x): x is readonly [string, keyof typeof order] => x[1] === "backend" || x[1] === "rule" || x[1] === "hostname")
    .sort((a, b) => order[a[1]] - order[b[1]]);
  let g = graph;
  for (const [id, kind] of kinds) {
    if (!graphIndex(g).has(id)) continue;
    if (kind === "backend") g = removeBackend(g, id);
    else if (kind === "rule") g = removeRule(g, id);
    else g = removeHostname(g, id);
  }
  return g;
}
