// Status conditions as the controllers write them (Knative: status.observedGeneration;
// Gateway API: observedGeneration on each condition).
const T = "2026-11-25T12:00:00Z";

export interface Cond {
  type: string;
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
}

export function knativeStatus(conds: Cond[], extra: Record<string, unknown> = {}, observedGeneration = 1) {
  return { observedGeneration, conditions: conds.map((c) => ({ lastTransitionTime: T, ...c })), ...extra };
}

export function gwConditions(conds: Cond[], observedGeneration = 1) {
  return conds.map((c) => ({
    lastTransitionTime: T,
    observedGeneration,
    reason: c.reason ?? (c.status === "True" ? c.type : "Unknown"),
    message: c.message ?? "",
    ...c,
  }));
}

export const ok = (...types: string[]): Cond[] => types.map((type) => ({ type, status: "True" }));
