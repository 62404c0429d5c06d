// Edit operations on a route's hostnames.
import { claim, hostnameIdBase } from "../ids";
import { locate } from "../locate";
import type { RouteGraph } from "../types";
import { addToRouteList, editEntry, entryAt, idPoolOf, removeFromRouteList, replaceAt, replaceEntry } from "./update";

/** Adds `hostname` to the route, at `index` (default: last). */
export function addHostname(graph: RouteGraph, routeId: string, hostname: string, index?: number): RouteGraph {
  const id = claim(idPoolOf(graph), hostnameIdBase(routeId, hostname));
  return addToRouteList(graph, routeId, "hostnames", hostname, id, index);
}

export function removeHostname(graph: RouteGraph, hostnameId: string): RouteGraph {
  const loc = locate(graph, hostnameId, "hostname");
  return removeFromRouteList(graph, loc.route, "hostnames", loc.index);
}

/** Changes a hostname's value; the node keeps its id, so the canvas keeps its selection. */
export function renameHostname(graph: RouteGraph, hostnameId: string, hostname: string): RouteGraph {
  const loc = locate(graph, hostnameId, "hostname");
  return replaceEntry(
    graph,
    loc.route,
    editEntry(entryAt(graph, loc.route), (spec, ids) => ({
      spec: { ...spec, hostnames: replaceAt(spec.hostnames ?? [], loc.index, hostname) },
      ids,
    })),
  );
}
