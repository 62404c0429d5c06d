"use client";
import { appliedWords, DRY_RUN_OK, failureDetails, failureTitle, PROGRESS, RETRY, type ApplyState } from "@/lib/apply";

/** The flow's state as one line, in the words every page uses (lib/apply). */
function statusLine(state: ApplyState, blocked: string | undefined, dirty: boolean): string {
  // Just applied: say so (the canvas then has no changes, which is the point).
  if (state.step === "applied") return appliedWords(state.resourceVersion);
  if (blocked) return blocked;
  const progress = PROGRESS[state.step];
  if (progress) return progress;
  if (state.step === "dry-run-ok") return DRY_RUN_OK;
  if (state.step === "refused") return `${failureTitle(state.error, state.stage, state.object ?? "this route")}: ${failureDetails(state.error).join("; ")}`;
  if (state.step === "unreachable") return `No answer (${state.stage}): ${state.message}`;
  if (state.step === "conflict") return "Conflict: see below. Nothing was applied.";
  return dirty ? "Unsaved changes (kept as a draft in this browser)." : "No changes.";
}

/** Dry-run, then apply; progress and the API server's verdict in words, read out as they come. */
export function ApplyBar(props: {
  state: ApplyState;
  blocked?: string;
  dirty: boolean;
  /** "1 new issue, 1 fixed" (components/impact). */
  impact?: string;
  impactWorsens?: boolean;
  onDryRun: () => void;
  onApply: () => void;
  onRetry: () => void;
}) {
  const { state } = props;
  const busy = state.step === "dry-running" || state.step === "applying";
  const tone =
    state.step === "refused" || state.step === "conflict" || state.step === "unreachable"
      ? "text-red-800"
      : state.step === "applied" || state.step === "dry-run-ok"
        ? "text-emerald-800"
        : "text-slate-700";
  return (
    <div className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-2 py-1.5 text-xs">
      <p role="status" aria-live="polite" className={`flex-1 ${tone}`} data-apply-status={state.step}>
        {statusLine(state, props.blocked, props.dirty)}
        {props.impact && state.step !== "applied" && (
          <span className={`ml-2 ${props.impactWorsens ? "text-amber-900" : "text-emerald-800"}`} data-apply-impact>
            Predicted impact: {props.impact} (see Diff).
          </span>
        )}
      </p>
      {state.step === "unreachable" && (
        <button type="button" onClick={props.onRetry} className="rounded border border-red-700 px-2 py-1 font-medium text-red-800">
          {RETRY}
        </button>
      )}
      <button
        type="button"
        onClick={props.onDryRun}
        aria-keyshortcuts="Control+Enter"
        disabled={busy || !!props.blocked}
        className="rounded border border-sky-700 px-2 py-1 font-medium text-sky-800 disabled:opacity-40"
      >
        Dry-run
      </button>
      <button
        type="button"
        onClick={props.onApply}
        disabled={busy || !!props.blocked || state.step !== "dry-run-ok"}
        className="rounded bg-sky-700 px-2 py-1 font-medium text-white disabled:opacity-40"
      >
        Apply
      </button>
    </div>
  );
}
