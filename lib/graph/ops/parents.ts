// Attach a route to, or detach it from, a parent (normally a Gateway, optionally a listener).
import type { ParentReference } from "../../gateway/route-types";
import { claim, parentIdBase } from "../ids";
import { locate } from "../locate";
import type { RouteGraph } from "../types";
import { addToRouteList, idPoolOf, removeFromRouteList } from "./update";

export function attachParent(graph: RouteGraph, routeId: string, ref: ParentReference, index?: number): RouteGraph {
  const id = claim(idPoolOf(graph), parentIdBase(routeId, ref));
  return addToRouteList(graph, routeId, "parentRefs", ref, id, index);
}

export function detachParent(graph: RouteGraph, parentId: string): RouteGraph {
  const loc = locate(graph, parentId, "parent");
  return removeFromRouteList(graph, loc.route, "parentRefs", loc.index);
}
