import type { TrafficTarget } from "../knative";

// Knative's TrafficTarget field order (route_types.go); the API server stores JSON in the
// order it was sent, so without this two equal splits would diff on key order alone.
const ORDER = ["tag", "revisionName", "configurationName", "latestRevision", "percent", "url"] as const;

/** The same target with its keys in Knative's order; unknown keys keep their place after. */
export function canonicalTarget(t: TrafficTarget): TrafficTarget {
  const out: Record<string, unknown> = {};
  for (const k of ORDER) if (t[k] !== undefined) out[k] = t[k];
  for (const [k, v] of Object.entries(t)) if (!(k in out)) out[k] = v;
  return out as TrafficTarget;
}

export function canonicalTraffic(list: readonly TrafficTarget[] | undefined): TrafficTarget[] {
  return (list ?? []).map(canonicalTarget);
}
