// JSON paths inside an HTTPRoute (as the API server and the validator write them, e.g.
// `spec.rules[2].matches[0].path.value`) ⇄ graph element ids. A path maps to the deepest
// element that contains it, so an error on any field can be pinned on a node.
import { backendFilterId, matchId, ruleFilterId } from "./ids";
import { graphIndex } from "./locate";
import type { RouteGraph } from "./types";

export type PathSegment = string | number;

/** Parses `a.b[2].c`, also `$.a`, `.a` and `a["key"]` / `a[key]` for map keys. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const re = /\[(\d+)\]|\[["']?([^\]"']*)["']?\]|([^.[\]]+)/g;
  for (const m of path.replace(/^\$/, "").matchAll(re)) {
    if (m[1] !== undefined) segments.push(Number(m[1]));
    else if (m[2] !== undefined) segments.push(m[2]);
    else if (m[3] !== undefined) segments.push(m[3]);
  }
  return segments;
}

export function formatPath(segments: readonly PathSegment[]): string {
  return segments.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/** The id of the element that holds `path` in the route `routeId`, or undefined if no such route. */
export function elementIdForPath(graph: RouteGraph, routeId: string, path: string): string | undefined {
  const loc = graphIndex(graph).get(routeId);
  if (!loc || loc.kind !== "route") return undefined;
  const { route, ids } = graph.entries[loc.route] ?? {};
  if (!route || !ids) return undefined;
  const [root, list, i, sub, j, subsub, k] = parsePath(path);
  if (root !== "spec" || typeof i !== "number") return ids.route;
  if (list === "hostnames") return ids.hostnames[i] ?? ids.route;
  if (list === "parentRefs") return ids.parents[i] ?? ids.route;
  if (list !== "rules") return ids.route;
  const rule = ids.rules[i];
  const body = route.spec?.rules?.[i];
  if (!rule || !body) return ids.route;
  if (typeof j !== "number") return rule.id;
  if (sub === "matches") return j < (body.matches?.length ?? 0) ? matchId(rule.id, j) : rule.id;
  if (sub === "filters") return j < (body.filters?.length ?? 0) ? ruleFilterId(rule.id, j) : rule.id;
  if (sub !== "backendRefs") return rule.id;
  const backend = rule.backends[j];
  if (!backend) return rule.id;
  if (subsub === "filters" && typeof k === "number" && k < (body.backendRefs?.[j]?.filters?.length ?? 0)) {
    return backendFilterId(backend, k);
  }
  return backend;
}

export interface ElementPath {
  readonly routeId: string;
  /** The element's own path in its route; "" for the route itself. */
  readonly path: string;
}

/** Where an element lives: its route and its JSON path there. Undefined for unknown ids. */
export function pathForElementId(graph: RouteGraph, id: string): ElementPath | undefined {
  const loc = graphIndex(graph).get(id);
  const entry = loc && graph.entries[loc.route];
  if (!loc || !entry) return undefined;
  const at = (...segments: PathSegment[]): ElementPath => ({
    routeId: entry.ids.route,
    path: formatPath(segments),
  });
  switch (loc.kind) {
    case "route":
      return at();
    case "hostname":
      return at("spec", "hostnames", loc.index);
    case "parent":
      return at("spec", "parentRefs", loc.index);
    case "rule":
      return at("spec", "rules", loc.rule);
    case "match":
      return at("spec", "rules", loc.rule, "matches", loc.index);
    case "ruleFilter":
      return at("spec", "rules", loc.rule, "filters", loc.index);
    case "backend":
      return at("spec", "rules", loc.rule, "backendRefs", loc.index);
    case "backendFilter":
      return at("spec", "rules", loc.rule, "backendRefs", loc.backend, "filters", loc.index);
  }
}
