"use client";
import type { StoreError } from "@/lib/store";
import type { ApplyState } from "./useApplyFlow";

function refusal(e: StoreError, object = "this route"): string {
  switch (e.type) {
    case "Forbidden":
      return `The API server refused: you may not change ${object} (${e.message}).`;
    case "Invalid":
      return `The API server found ${object} invalid: ${e.causes.length ? e.causes.map((c) => `${c.field}: ${c.message}`).join("; ") : e.message}`;
    case "Unreachable":
      return `The cluster did not answer: ${e.message}. Nothing was changed; try again.`;
    default:
      return e.message;
  }
}

/** Dry-run, then apply; progress and the API server's verdict in words, read out as they come. */
export function ApplyBar(props: { state: ApplyState; blocked?: string; dirty: boolean; /** "1 new issue, 1 fixed" (components/impact). */ impact?: string; impactWorsens?: boolean; onDryRun: () => void; onApply: () => void }) {
  const { state } = props;
  const busy = state.step === "dry-running" || state.step === "applying";
  const status =
    // Just applied: say so (the canvas then has no changes, which is the point).
    state.step === "applied" ? `Applied (resourceVersion ${state.resourceVersion}).`
    : props.blocked ? props.blocked
    : state.step === "dry-running" ? "Asking the API server (dry-run)…"
    : state.step === "applying" ? "Applying…"
    : state.step === "dry-run-ok" ? "Dry-run passed: the API server accepts this route."
    : state.step === "refused" ? `${state.by === "dry-run" ? "Dry-run" : "Apply"} refused. ${refusal(state.error, state.object)}${state.object && state.by === "apply" ? " The route was not applied." : ""}`
    : state.step === "conflict" ? "Conflict: see below. Nothing was applied."
    : props.dirty ? "Unsaved changes (kept as a draft in this browser)." : "No changes.";
  const tone = state.step === "refused" || state.step === "conflict" ? "text-red-800" : state.step === "applied" || state.step === "dry-run-ok" ? "text-emerald-800" : "text-slate-700";
  return (
    <div className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-2 py-1.5 text-xs">
      <p role="status" aria-live="polite" className={`flex-1 ${tone}`} data-apply-status={state.step}>
        {status}
        {props.impact && state.step !== "applied" && <span className={`ml-2 ${props.impactWorsens ? "text-amber-900" : "text-emerald-800"}`} data-apply-impact>Predicted impact: {props.impact} (see Diff).</span>}
      </p>
      <button type="button" onClick={props.onDryRun} disabled={busy || !!props.blocked} className="rounded border border-sky-700 px-2 py-1 font-medium text-sky-800 disabled:opacity-40">
        Dry-run
      </button>
      <button type="button" onClick={props.onApply} disabled={busy || !!props.blocked || state.step !== "dry-run-ok"} className="rounded bg-sky-700 px-2 py-1 font-medium text-white disabled:opacity-40">
        Apply
      </button>
    </div>
  );
}
