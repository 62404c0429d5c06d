"use client";
import { Notice } from "@/components/ui/Notice";
import type { StoreError } from "@/lib/store";
import type { ApplyPhase } from "./useTrafficApply";

const PROGRESS: Partial<Record<ApplyPhase["step"], string>> = {
  "dry-run": "Checking with the API server (dry-run)…",
  applying: "Applying…",
};

function ErrorText({ error }: { error: StoreError }) {
  if (error.type === "Invalid")
    return (
      <>
        <p>{error.message}</p>
        {error.causes.length > 0 && (
          <ul className="mt-1 list-disc pl-5">
            {error.causes.map((c, i) => (
              <li key={i}>
                <span className="font-mono">{c.field}</span>: {c.message}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  return <p>{error.message}</p>;
}

const TITLES: Record<StoreError["type"], string> = {
  Invalid: "The API server refused the traffic",
  Conflict: "Conflict",
  Forbidden: "You are not allowed to change this Service",
  NotFound: "The Service no longer exists",
  Unreachable: "The cluster is unreachable",
  Failed: "The API server failed",
};

/**
 * The Apply button with everything that decides it: client validation errors, progress,
 * and what the API server said, next to the button the user just pressed.
 */
export function ApplyPanel(props: {
  problems: string[];
  changed: boolean;
  phase: ApplyPhase;
  onApply: () => void;
  /** With the server's confirmation for the conflict shown. */
  onTakeOver: (confirm: string | undefined) => void;
}) {
  const { problems, changed, phase, onApply, onTakeOver } = props;
  const busy = phase.step === "dry-run" || phase.step === "applying";
  const invalid = problems.length > 0;
  const ownership = phase.step === "failed" && phase.error.type === "Conflict" && !phase.error.stale ? phase.error : undefined;
  return (
    <div className="flex flex-col gap-2" data-apply-panel>
      {invalid && (
        <Notice tone="error" title="Knative would refuse this traffic">
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Notice>
      )}
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={onApply}
          disabled={invalid || !changed || busy}
          className="rounded bg-sky-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-700 disabled:cursor-not-allowed disabled:bg-slate-300"
        >
          Apply
        </button>
        <span role="status" className="text-sm text-slate-600">
          {PROGRESS[phase.step] ?? (phase.step === "applied" ? `Applied (resourceVersion ${phase.resourceVersion}).` : !changed ? "No change to apply." : invalid ? "Fix the problems above to apply." : "")}
        </span>
      </div>
      {ownership && (
        <Notice tone="warn" title="Another tool manages spec.traffic">
          <p>
            {ownership.conflicts.map((c) => `${c.field || "spec.traffic"} is managed by “${c.manager}”`).join("; ")}. Applying takes spec.traffic over: Routeboard will own it and
            that tool's next apply of different traffic will conflict in turn.
          </p>
          <button type="button" onClick={() => onTakeOver(ownership.confirm)} disabled={busy} className="mt-2 rounded border border-amber-500 bg-white px-3 py-1 text-sm font-medium text-amber-900 hover:bg-amber-100">
            Take over spec.traffic and apply
          </button>
        </Notice>
      )}
      {phase.step === "failed" && phase.error.type !== "Conflict" && (
        <Notice tone="error" title={`${TITLES[phase.error.type]} (${phase.stage === "dry-run" ? "dry-run, nothing was changed" : "apply"})`}>
          <ErrorText error={phase.error} />
        </Notice>
      )}
    </div>
  );
}
