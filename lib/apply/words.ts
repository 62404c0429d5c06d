// The apply flow in words, the same on every page: progress, success, and each way it can end.
import type { ApplyStage, ApplyState, ConflictError } from "./state";
import type { StoreError } from "../store/types";

export const PROGRESS: Partial<Record<ApplyState["step"], string>> = {
  "dry-running": "Checking with the API server (dry-run)…",
  applying: "Applying…",
};

export const appliedWords = (resourceVersion: string) => `Applied (resourceVersion ${resourceVersion}).`;
export const DRY_RUN_OK = "Dry-run passed: the API server accepts this change.";
export const RETRY = "Try again";

const stageWords = (stage: ApplyStage) => (stage === "dry-run" ? "dry-run: nothing was changed" : "apply: nothing was changed");

/** A headline for how the flow ended, naming `what` ("this route", "Service shop/checkout"). */
export function failureTitle(error: StoreError, stage: ApplyStage, what: string): string {
  const title: Record<StoreError["type"], string> = {
    Invalid: `The API server refused ${what}`,
    Forbidden: `You may not change ${what}`,
    NotFound: `${what[0]?.toUpperCase() ?? ""}${what.slice(1)} no longer exists`,
    Unreachable: "No answer",
    Failed: "The API server failed",
    Conflict: `Conflict on ${what}`,
  };
  return `${title[error.type]} (${stageWords(stage)})`;
}

/** The details: the server's message, and for Invalid each field it names. */
export function failureDetails(error: StoreError): string[] {
  if (error.type === "Invalid" && error.causes.length > 0) return error.causes.map((c) => `${c.field}: ${c.message}`);
  return [error.message];
}

/** Another field manager owns what the change sets: who, and what taking it over means. */
export function ownershipWords(error: ConflictError, field: string): string {
  const owners = error.conflicts.map((c) => `${c.field || field} is managed by “${c.manager}”`).join("; ");
  return `${owners}. Applying takes ${field} over: Routeboard will own it, and that tool's next apply of different values will conflict in turn.`;
}

export const takeOverWords = (field: string, verb = "apply") => `Take over ${field} and ${verb}`;

/** Someone changed the object since the page loaded it. */
export const STALE = {
  title: (what: string) => `${what[0]?.toUpperCase() ?? ""}${what.slice(1)} was changed by someone else since you loaded it`,
  rebase: "Rebase onto theirs",
  overwrite: "Apply over their change",
  discard: "Discard mine, load theirs",
} as const;
