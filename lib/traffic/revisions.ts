import type { ConditionSummary } from "../gateway/parent-status";
import { CONFIGURATION_LABEL, SERVICE_LABEL } from "../knative/constants";
import type { KnativeService, Revision } from "../knative";

/** One row of the revision list: what a user needs to pick a canary. */
export interface RevisionRow {
  name: string;
  ready?: ConditionSummary;
  created?: string;
  image: string;
  /** Percent this revision receives now (status.traffic, as Knative resolved it). */
  percentNow: number;
  /** Tags pointing at it now. */
  tagsNow: string[];
  generation?: number;
}

function readyOf(rev: Revision): ConditionSummary | undefined {
  const c = rev.status?.conditions?.find((x) => x.type === "Ready");
  if (!c) return undefined;
  const status = c.status === "True" || c.status === "False" ? c.status : "Unknown";
  return { status, reason: c.reason, message: c.message, stale: false };
}

/**
 * The Service's revisions (by the service label, or by the configuration label for older
 * ones), newest first, with the traffic each gets now.
 */
export function revisionRows(ksvc: KnativeService, revisions: readonly Revision[]): RevisionRow[] {
  const name = ksvc.metadata.name ?? "";
  const ns = ksvc.metadata.namespace ?? "";
  const now = ksvc.status?.traffic ?? [];
  return revisions
    .filter((r) => r.metadata.namespace === ns && (r.metadata.labels?.[SERVICE_LABEL] === name || r.metadata.labels?.[CONFIGURATION_LABEL] === name))
    .map((r): RevisionRow => {
      const rn = r.metadata.name ?? "";
      const mine = now.filter((t) => t.revisionName === rn);
      const gen = Number(r.metadata.labels?.["serving.knative.dev/configurationGeneration"]);
      return {
        name: rn,
        ready: readyOf(r),
        created: r.metadata.creationTimestamp,
        image: r.spec?.containers?.[0]?.image ?? "",
        percentNow: mine.reduce((a, t) => a + (t.percent ?? 0), 0),
        tagsNow: mine.map((t) => t.tag ?? "").filter((t) => t !== ""),
        ...(Number.isFinite(gen) ? { generation: gen } : {}),
      };
    })
    .sort((a, b) => (b.generation ?? 0) - (a.generation ?? 0) || b.name.localeCompare(a.name));
}

/** "3d", "5h", "12m", "40s": the age of an object, as kubectl prints it (roughly). */
export function formatAge(created: string | undefined, now: number): string {
  if (!created) return "—";
  const s = Math.max(0, Math.floor((now - Date.parse(created)) / 1000));
  if (!Number.isFinite(s)) return "—";
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/** A one-line summary of a traffic list: "hello-00002 75 %, hello-00003 25 % (canary)". */
export function trafficSummary(traffic: readonly { revisionName?: string; latestRevision?: boolean; percent?: number; tag?: string }[]): string {
  if (traffic.length === 0) return "@latest 100 %";
  return traffic.map((t) => `${t.revisionName || "@latest"} ${t.percent ?? 0} %${t.tag ? ` (${t.tag})` : ""}`).join(", ");
}
