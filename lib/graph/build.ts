// HTTPRoute[] ⇄ RouteGraph. The graph holds each route object as it came, so converting back
// is handing the objects out again: lossless by construction, whatever fields they carry.
import type { HTTPRoute } from "../gateway/types.generated";
import { backendIdBase, claim, hostnameIdBase, newIdPool, parentIdBase, routeIdBase, ruleIdBase, type IdPool } from "./ids";
import type { RouteEntry, RouteGraph, RouteIds, RuleIds } from "./types";

/** Mints ids for every element of a route, taking them from `pool`. */
export function mintRouteIds(route: HTTPRoute, pool: IdPool): RouteIds {
  const id = claim(pool, routeIdBase(route));
  const spec = route.spec ?? {};
  return {
    route: id,
    hostnames: (spec.hostnames ?? []).map((h) => claim(pool, hostnameIdBase(id, h))),
    parents: (spec.parentRefs ?? []).map((p) => claim(pool, parentIdBase(id, p))),
    rules: (spec.rules ?? []).map((rule, i): RuleIds => {
      const ruleId = claim(pool, ruleIdBase(id, rule, i));
      return {
        id: ruleId,
        backends: (rule.backendRefs ?? []).map((b) => claim(pool, backendIdBase(ruleId, b))),
      };
    }),
  };
}

export function makeGraph(entries: readonly RouteEntry[]): RouteGraph {
  return Object.freeze({ entries: Object.freeze([...entries]) });
}

export function makeEntry(route: HTTPRoute, ids: RouteIds): RouteEntry {
  return Object.freeze({ route, ids });
}

/**
 * Builds the graph of a set of HTTPRoutes. The routes are kept by reference and never
 * mutated; treat them, and everything the graph hands out, as read-only.
 */
export function fromHTTPRoutes(routes: readonly HTTPRoute[]): RouteGraph {
  const pool = newIdPool();
  return makeGraph(routes.map((route) => makeEntry(route, mintRouteIds(route, pool))));
}

/** The routes the graph compiles to; an untouched route is the very object it came from. */
export function toHTTPRoutes(graph: RouteGraph): HTTPRoute[] {
  return graph.entries.map((e) => e.route);
}
