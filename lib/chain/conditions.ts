// Reading status conditions the same way for every kind: Knative's (status.conditions with
// status.observedGeneration) and Gateway API's (per-condition observedGeneration).
import type { KubeObject } from "../k8s/meta";
import type { ConditionView, Health } from "./types";

interface RawCondition {
  type?: unknown;
  status?: unknown;
  reason?: unknown;
  message?: unknown;
  observedGeneration?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

/** The object's status block, or undefined when no controller has written one. */
export function statusOf(o: KubeObject | undefined): Record<string, unknown> | undefined {
  const s = o?.status;
  return s && typeof s === "object" ? (s as Record<string, unknown>) : undefined;
}

/** Conditions of a raw conditions list, with staleness against the object's generation. */
export function readConditionList(list: unknown, generation: number | undefined, fallbackObserved?: number): ConditionView[] {
  if (!Array.isArray(list)) return [];
  return (list as RawCondition[]).flatMap((c) => {
    const type = str(c.type);
    if (!type) return [];
    const observedGeneration = num(c.observedGeneration) ?? fallbackObserved;
    return [
      {
        type,
        status: str(c.status) ?? "Unknown",
        reason: str(c.reason),
        message: str(c.message),
        observedGeneration,
        stale: generation !== undefined && observedGeneration !== undefined && observedGeneration < generation,
      },
    ];
  });
}

/** status.conditions of an object; Knative puts observedGeneration on the status, not per condition. */
export function conditionsOf(o: KubeObject | undefined): ConditionView[] {
  const s = statusOf(o);
  return readConditionList(s?.conditions, o?.metadata.generation, num(s?.observedGeneration));
}

export function observedGenerationOf(o: KubeObject | undefined): number | undefined {
  return num(statusOf(o)?.observedGeneration);
}

export function findCondition(list: readonly ConditionView[], type: string): ConditionView | undefined {
  return list.find((c) => c.type === type);
}

/** A condition that says something is wrong (False), as opposed to not decided yet. */
export const isFalse = (c: ConditionView | undefined): c is ConditionView => c?.status === "False";
export const isTrue = (c: ConditionView | undefined): boolean => c?.status === "True";

const RANK: Record<Health, number> = { ok: 0, pending: 1, warning: 2, error: 3 };

export function worst(...hs: Health[]): Health {
  return hs.reduce<Health>((a, b) => (RANK[b] > RANK[a] ? b : a), "ok");
}

export function healthRank(h: Health): number {
  return RANK[h];
}

/** Health from the conditions alone: the top condition False is an error, Unknown or absent is pending. */
export function healthOfConditions(list: readonly ConditionView[], top: string): Health {
  const c = findCondition(list, top);
  if (!c) return "pending";
  return c.status === "True" ? "ok" : c.status === "False" ? "error" : "pending";
}

/** "Reason: message" for use inside a sentence. */
export function because(c: ConditionView | undefined): string {
  if (!c) return "";
  // Controllers end messages with a period; the sentence around this adds its own.
  return [c.reason, c.message?.replace(/\.+$/, "")].filter(Boolean).join(": ");
}
