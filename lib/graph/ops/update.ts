// Copy-on-write helpers shared by the edit operations. Each returns a new object and leaves
// its input alone; everything not on the edited path is shared, not copied.
import type { HTTPRouteRule } from "../../gateway/route-types";
import type { HTTPRoute } from "../../gateway/types.generated";
import { makeEntry, makeGraph } from "../build";
import { newIdPool, type IdPool } from "../ids";
import { graphIndex, locate } from "../locate";
import type { RouteEntry, RouteGraph, RouteIds, RuleIds } from "../types";

export type Spec = HTTPRoute["spec"];

/** `obj` with `key` set to `value`, or without `key` when `value` is undefined. */
export function withField<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  const copy = { ...obj };
  if (value === undefined) Reflect.deleteProperty(copy, key);
  else copy[key] = value;
  return copy;
}

/** A list field: dropped when it becomes empty, so removing the last item leaves no `[]`. */
export function withList<T extends object, K extends keyof T>(obj: T, key: K, list: T[K] & readonly unknown[]): T {
  return withField(obj, key, list.length > 0 ? list : undefined);
}

export function insertAt<T>(list: readonly T[], index: number | undefined, item: T): T[] {
  const at = index === undefined ? list.length : Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), item, ...list.slice(at)];
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return [...list.slice(0, index), ...list.slice(index + 1)];
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const item = list[from];
  if (item === undefined) return [...list];
  return insertAt(removeAt(list, from), to, item);
}

export function idPoolOf(graph: RouteGraph): IdPool {
  return newIdPool(graphIndex(graph).keys());
}

export function entryAt(graph: RouteGraph, index: number): RouteEntry {
  const entry = graph.entries[index];
  if (!entry) throw new RangeError(`no route at ${index}`);
  return entry;
}

export function replaceEntries(graph: RouteGraph, changes: ReadonlyMap<number, RouteEntry>): RouteGraph {
  return makeGraph(graph.entries.map((e, i) => changes.get(i) ?? e));
}

export function replaceEntry(graph: RouteGraph, index: number, entry: RouteEntry): RouteGraph {
  return replaceEntries(graph, new Map([[index, entry]]));
}

/** Edits the spec and ids of the route with id `routeId`. */
export function editRoute(
  graph: RouteGraph,
  routeId: string,
  edit: (spec: Spec, ids: RouteIds, entry: RouteEntry) => { spec: Spec; ids: RouteIds },
): RouteGraph {
  const index = locate(graph, routeId, "route").route;
  return replaceEntry(graph, index, editEntry(entryAt(graph, index), edit));
}

export function editEntry(entry: RouteEntry, edit: (spec: Spec, ids: RouteIds, entry: RouteEntry) => { spec: Spec; ids: RouteIds }): RouteEntry {
  const { spec, ids } = edit(entry.route.spec ?? {}, entry.ids, entry);
  return makeEntry({ ...entry.route, spec }, ids);
}

/** Replaces one rule (and its ids) in place. */
export function editRuleAt(
  graph: RouteGraph,
  route: number,
  rule: number,
  edit: (rule: HTTPRouteRule, ids: RuleIds) => { rule: HTTPRouteRule; ids: RuleIds },
): RouteGraph {
  const entry = entryAt(graph, route);
  return replaceEntry(
    graph,
    route,
    editEntry(entry, (spec, ids) => {
      const rules = spec.rules ?? [];
      const old = rules[rule];
      const oldIds = ids.rules[rule];
      if (!old || !oldIds) throw new RangeError(`no rule ${rule} in ${ids.route}`);
      const next = edit(old, oldIds);
      return {
        spec: { ...spec, rules: replaceAt(rules, rule, next.rule) },
        ids: { ...ids, rules: replaceAt(ids.rules, rule, next.ids) },
      };
    }),
  );
}

/** The route-level lists that run parallel to an id list. */
const ROUTE_LISTS = { hostnames: "hostnames", parentRefs: "parents" } as const;
type RouteListKey = keyof typeof ROUTE_LISTS;

/** Inserts `item` (with id `id`) into a route-level list such as `spec.hostnames`. */
export function addToRouteList<K extends RouteListKey>(
  graph: RouteGraph,
  routeId: string,
  key: K,
  item: NonNullable<Spec[K]>[number],
  id: string,
  index?: number,
): RouteGraph {
  return editRoute(graph, routeId, (spec, ids) => ({
    spec: { ...spec, [key]: insertAt<typeof item>(spec[key] ?? [], index, item) },
    ids: { ...ids, [ROUTE_LISTS[key]]: insertAt(ids[ROUTE_LISTS[key]], index, id) },
  }));
}

/** Removes item `index` of a route-level list; an emptied list is dropped. */
export function removeFromRouteList<K extends RouteListKey>(graph: RouteGraph, route: number, key: K, index: number): RouteGraph {
  return replaceEntry(
    graph,
    route,
    editEntry(entryAt(graph, route), (spec, ids) => ({
      // Same element type in and out; TypeScript cannot see that through the indexed access.
      spec: withList(spec, key, removeAt<unknown>(spec[key] ?? [], index) as Spec[K] & unknown[]),
      ids: { ...ids, [ROUTE_LISTS[key]]: removeAt(ids[ROUTE_LISTS[key]], index) },
    })),
  );
}
