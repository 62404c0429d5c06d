import type { ConditionSummary } from "../gateway/parent-status";
import { defaultTraffic, type KnativeService } from "../knative";
import { trafficSummary } from "./revisions";

export interface ServiceRow {
  key: string;
  namespace: string;
  name: string;
  url?: string;
  ready?: ConditionSummary;
  /** spec.traffic: what the owner asked for. */
  wanted: string;
  /** status.traffic: what Knative routes now (absent until its controller has reconciled). */
  routed?: string;
}

/** One row of /services. */
export function serviceRow(ksvc: KnativeService): ServiceRow {
  const c = ksvc.status?.conditions?.find((x) => x.type === "Ready");
  const ready: ConditionSummary | undefined = c
    ? {
        status: c.status === "True" || c.status === "False" ? c.status : "Unknown",
        reason: c.reason,
        message: c.message,
        stale: (ksvc.status?.observedGeneration ?? 0) < (ksvc.metadata.generation ?? 0),
      }
    : undefined;
  const namespace = ksvc.metadata.namespace ?? "";
  const name = ksvc.metadata.name ?? "";
  const status = ksvc.status?.traffic;
  return {
    key: `${namespace}/${name}`,
    namespace,
    name,
    ...(ksvc.status?.url ? { url: ksvc.status.url } : {}),
    ...(ready ? { ready } : {}),
    wanted: trafficSummary(defaultTraffic(ksvc.spec?.traffic, { inService: true })),
    ...(status && status.length > 0 ? { routed: trafficSummary(status) } : {}),
  };
}

export function byKey(a: ServiceRow, b: ServiceRow): number {
  return a.key.localeCompare(b.key);
}
