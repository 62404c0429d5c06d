// Add or remove whole routes (a "New route" on the canvas, or the parts of a split).
import type { HTTPRoute } from "../../gateway/types.generated";
import { makeEntry, makeGraph, mintRouteIds } from "../build";
import { locate } from "../locate";
import type { RouteGraph } from "../types";
import { idPoolOf, insertAt, removeAt } from "./update";

export function addRoute(graph: RouteGraph, route: HTTPRoute, index?: number): RouteGraph {
  const entry = makeEntry(route, mintRouteIds(route, idPoolOf(graph)));
  return makeGraph(insertAt(graph.entries, index, entry));
}

export function removeRoute(graph: RouteGraph, routeId: string): RouteGraph {
  return makeGraph(removeAt(graph.entries, locate(graph, routeId, "route").route));
}
