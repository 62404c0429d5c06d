// Stable element ids. An id is minted once, from what the element is (route namespace/name, a
// rule's name or its position when loaded, a backend's target) and then travels with the
// element through reorders and moves, so a selection, an error or a diff keeps pointing at the
// same thing. Ids are opaque: callers compare them, never parse them.
import type { HTTPBackendRef, HTTPRouteRule, ParentReference } from "../gateway/route-types";
import type { HTTPRoute } from "../gateway/types.generated";

/** The set of ids already taken, so new ones can be made unique. */
export interface IdPool {
  has(id: string): boolean;
  add(id: string): void;
}

export function newIdPool(taken: Iterable<string> = []): IdPool {
  const set = new Set(taken);
  return { has: (id) => set.has(id), add: (id) => void set.add(id) };
}

/** Returns `base`, or `base~2`, `base~3`... whichever is free, and takes it. */
export function claim(pool: IdPool, base: string): string {
  let id = base;
  for (let n = 2; pool.has(id); n++) id = `${base}~${n}`;
  pool.add(id);
  return id;
}

export function routeIdBase(route: HTTPRoute): string {
  return `httproute:${route.metadata?.namespace ?? ""}/${route.metadata?.name ?? ""}`;
}

export function hostnameIdBase(routeId: string, hostname: string): string {
  return `${routeId}/hostname:${hostname}`;
}

export function parentIdBase(routeId: string, ref: ParentReference): string {
  const kind = ref.kind && ref.kind !== "Gateway" ? `${ref.kind}:` : "";
  const ns = ref.namespace ? `${ref.namespace}/` : "";
  const section = ref.sectionName ? `#${ref.sectionName}` : "";
  const port = ref.port !== undefined ? `:${ref.port}` : "";
  return `${routeId}/parent:${kind}${ns}${ref.name}${section}${port}`;
}

/** Named rules are keyed by name (unique within a route); others by position when minted. */
export function ruleIdBase(routeId: string, rule: HTTPRouteRule, index: number): string {
  return rule.name ? `${routeId}/rule:${rule.name}` : `${routeId}/rule[${index}]`;
}

export function backendIdBase(ruleId: string, ref: HTTPBackendRef): string {
  const kind = ref.kind && ref.kind !== "Service" ? `${ref.kind}:` : "";
  const ns = ref.namespace ? `${ref.namespace}/` : "";
  const port = ref.port !== undefined ? `:${ref.port}` : "";
  return `${ruleId}/backend:${kind}${ns}${ref.name}${port}`;
}

// Matches and filters have no identity of their own beyond their place in their rule.
export function matchId(ruleId: string, index: number): string {
  return `${ruleId}/match[${index}]`;
}

export function ruleFilterId(ruleId: string, index: number): string {
  return `${ruleId}/filter[${index}]`;
}

export function backendFilterId(backendId: string, index: number): string {
  return `${backendId}/filter[${index}]`;
}

export function edgeId(source: string, target: string): string {
  return `${source}->${target}`;
}
