// "Rebase onto theirs": someone changed the route in the cluster since the canvas loaded it.
// Keep their version of every spec field the user did not touch, and the user's version of
// every field the user changed; fields both changed differently are reported, ours kept.
import type { HTTPRoute } from "../gateway/types.generated";

export interface RebaseResult {
  readonly route: HTTPRoute;
  /** spec fields changed both here and in the cluster, to different values. */
  readonly bothChanged: string[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function rebase(base: HTTPRoute, ours: HTTPRoute, theirs: HTTPRoute): RebaseResult {
  const merged: Record<string, unknown> = { ...theirs.spec };
  const removed = new Set<string>();
  const bothChanged: string[] = [];
  const b = (base.spec ?? {}) as Record<string, unknown>;
  const o = (ours.spec ?? {}) as Record<string, unknown>;
  const t = (theirs.spec ?? {}) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(o)])) {
    if (same(o[key], b[key])) continue;
    if (!same(t[key], b[key]) && !same(t[key], o[key])) bothChanged.push(key);
    if (o[key] === undefined) removed.add(key);
    else merged[key] = o[key];
  }
  const spec = Object.fromEntries(Object.entries(merged).filter(([k]) => !removed.has(k)));
  return { route: { ...theirs, spec: spec as HTTPRoute["spec"] }, bothChanged: bothChanged.sort() };
}
