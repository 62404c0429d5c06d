// Finds an element of the graph by id. The index is built once per graph (graphs are
// immutable, so it never goes stale) and kept in a WeakMap so it dies with the graph.
import { backendFilterId, matchId, ruleFilterId } from "./ids";
import type { RouteGraph } from "./types";

export type Location =
  | { readonly kind: "route"; readonly route: number }
  | { readonly kind: "hostname"; readonly route: number; readonly index: number }
  | { readonly kind: "parent"; readonly route: number; readonly index: number }
  | { readonly kind: "rule"; readonly route: number; readonly rule: number }
  | { readonly kind: "match"; readonly route: number; readonly rule: number; readonly index: number }
  | { readonly kind: "ruleFilter"; readonly route: number; readonly rule: number; readonly index: number }
  | { readonly kind: "backend"; readonly route: number; readonly rule: number; readonly index: number }
  | {
      readonly kind: "backendFilter";
      readonly route: number;
      readonly rule: number;
      readonly backend: number;
      readonly index: number;
    };

const cache = new WeakMap<RouteGraph, Map<string, Location>>();

function buildIndex(graph: RouteGraph): Map<string, Location> {
  const index = new Map<string, Location>();
  graph.entries.forEach(({ route: r, ids }, route) => {
    index.set(ids.route, { kind: "route", route });
    ids.hostnames.forEach((id, i) => index.set(id, { kind: "hostname", route, index: i }));
    ids.parents.forEach((id, i) => index.set(id, { kind: "parent", route, index: i }));
    const rules = r.spec?.rules ?? [];
    ids.rules.forEach((ruleIds, rule) => {
      index.set(ruleIds.id, { kind: "rule", route, rule });
      const body = rules[rule];
      (body?.matches ?? []).forEach((_, i) => index.set(matchId(ruleIds.id, i), { kind: "match", route, rule, index: i }));
      (body?.filters ?? []).forEach((_, i) => index.set(ruleFilterId(ruleIds.id, i), { kind: "ruleFilter", route, rule, index: i }));
      ruleIds.backends.forEach((id, b) => {
        index.set(id, { kind: "backend", route, rule, index: b });
        (body?.backendRefs?.[b]?.filters ?? []).forEach((_, i) =>
          index.set(backendFilterId(id, i), { kind: "backendFilter", route, rule, backend: b, index: i }),
        );
      });
    });
  });
  return index;
}

export function graphIndex(graph: RouteGraph): ReadonlyMap<string, Location> {
  let index = cache.get(graph);
  if (!index) {
    index = buildIndex(graph);
    cache.set(graph, index);
  }
  return index;
}

/** Thrown by edit operations given an id that is not in the graph (or not of the right kind). */
export class UnknownElementError extends Error {
  readonly elementId: string;
  constructor(elementId: string, expected: string) {
    super(`No ${expected} with id "${elementId}" in the route graph`);
    this.name = "UnknownElementError";
    this.elementId = elementId;
  }
}

export function locate<K extends Location["kind"]>(graph: RouteGraph, id: string, kind: K): Extract<Location, { kind: K }> {
  const loc = graphIndex(graph).get(id);
  if (!loc || loc.kind !== kind) throw new UnknownElementError(id, kind);
  return loc as Extract<Location, { kind: K }>;
}

/** The id of the route `namespace/name` in the graph, if it is there. */
export function findRouteId(graph: RouteGraph, namespace: string, name: string): string | undefined {
  return graph.entries.find((e) => (e.route.metadata?.namespace ?? "") === namespace && e.route.metadata?.name === name)?.ids.route;
}
