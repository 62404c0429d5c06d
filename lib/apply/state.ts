// The one apply flow every editing page runs — dry-run, impact, apply — and how it ends:
// applied, refused, unreachable or in conflict. A pure reducer: pages dispatch what happened,
// and read one vocabulary of states (lib/apply/words says them in plain words).
import type { KubeObject } from "../k8s/meta";
import type { StoreError } from "../store/types";

export type ApplyStage = "dry-run" | "apply";
export type ConflictError = Extract<StoreError, { type: "Conflict" }>;
export type RefusalError = Exclude<StoreError, { type: "Conflict" | "Unreachable" }>;

export type ApplyState =
  | { step: "idle" }
  | { step: "dry-running" }
  /** The API server accepts the change as it was when judged (`forKey`). */
  | { step: "dry-run-ok"; forKey: string }
  | { step: "applying" }
  | { step: "applied"; resourceVersion: string; forKey: string }
  /** The API server said no; `object` names what it refused when it is not the edited object itself. */
  | { step: "refused"; stage: ApplyStage; error: RefusalError; object?: string }
  /** No answer (Routeboard's server restarted, the cluster is down): nothing known to be written; retry. */
  | { step: "unreachable"; stage: ApplyStage; message: string }
  /** Someone else changed the object, or owns the fields: the page shows theirs; nothing was written. */
  | { step: "conflict"; stage: ApplyStage; error: ConflictError; theirs?: KubeObject };

export type ApplyEvent =
  | { type: "start"; stage: ApplyStage }
  | { type: "passed"; key: string }
  | { type: "applied"; resourceVersion: string; key: string }
  | { type: "failed"; stage: ApplyStage; error: StoreError; object?: string }
  /** In a conflict: the object as it is in the cluster now. */
  | { type: "theirs"; theirs: KubeObject }
  /** The change now is `key`: a verdict on another one no longer holds. */
  | { type: "edited"; key: string }
  /** What a verdict was judged with changed (the ReferenceGrants beside a route): it no longer holds; an apply stays done. */
  | { type: "invalidated" }
  | { type: "reset" };

export const IDLE: ApplyState = { step: "idle" };

export const isBusy = (s: ApplyState): boolean => s.step === "dry-running" || s.step === "applying";

export function failedState(stage: ApplyStage, error: StoreError, object?: string): ApplyState {
  if (error.type === "Conflict") return { step: "conflict", stage, error };
  if (error.type === "Unreachable") return { step: "unreachable", stage, message: error.message };
  return { step: "refused", stage, error, ...(object !== undefined && { object }) };
}

export function applyReducer(s: ApplyState, e: ApplyEvent): ApplyState {
  switch (e.type) {
    case "start":
      return { step: e.stage === "dry-run" ? "dry-running" : "applying" };
    case "passed":
      return s.step === "dry-running" ? { step: "dry-run-ok", forKey: e.key } : s;
    case "applied":
      return s.step === "applying" ? { step: "applied", resourceVersion: e.resourceVersion, forKey: e.key } : s;
    case "failed":
      // Busy, or in a conflict whose follow-up read failed in turn.
      return isBusy(s) || s.step === "conflict" ? failedState(e.stage, e.error, e.object) : s;
    case "theirs":
      return s.step === "conflict" ? { ...s, theirs: e.theirs } : s;
    case "edited":
      // A conflict waits for the user's choice; a request under way ends on its own.
      if (s.step === "dry-run-ok" || s.step === "applied") return s.forKey === e.key ? s : IDLE;
      return s.step === "refused" || s.step === "unreachable" ? IDLE : s;
    case "invalidated":
      return s.step === "dry-run-ok" || s.step === "refused" || s.step === "unreachable" ? IDLE : s;
    case "reset":
      return IDLE;
  }
}
