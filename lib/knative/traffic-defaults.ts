import type { TrafficTarget } from "./types";

/**
 * Knative's defaulting webhook for spec.traffic (route_defaults.go): inside a Knative Service an
 * empty list becomes 100% to the latest revision; latestRevision defaults to
 * `revisionName == ""`; a missing percent becomes 0. Returns new objects; the input is untouched.
 */
export function defaultTraffic(traffic: readonly TrafficTarget[] | undefined, opts: { inService: boolean }): TrafficTarget[] {
  const list = traffic ?? [];
  if (list.length === 0 && opts.inService) return [{ percent: 100, latestRevision: true }];
  return list.map(defaultTarget);
}

export function defaultTarget(tt: TrafficTarget): TrafficTarget {
  return {
    ...tt,
    latestRevision: tt.latestRevision ?? (tt.revisionName ?? "") === "",
    percent: tt.percent ?? 0,
  };
}
