"use client";
import { ApplyErrorNotice } from "@/components/apply/ApplyErrorNotice";
import { Notice } from "@/components/ui/Notice";
import { appliedWords, isBusy, PROGRESS, type ApplyState } from "@/lib/apply";

/**
 * The Apply button with everything that decides it: client validation errors, progress,
 * and what the API server said, next to the button the user just pressed.
 */
export function ApplyPanel(props: {
  problems: string[];
  changed: boolean;
  state: ApplyState;
  /** "Service shop/checkout". */
  what: string;
  onApply: () => void;
  /** With the server's confirmation for the ownership conflict shown. */
  onTakeOver: (confirm: string) => void;
}) {
  const { problems, changed, state, onApply, onTakeOver } = props;
  const busy = isBusy(state);
  const invalid = problems.length > 0;
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
        <span role="status" className="text-sm text-slate-600" data-apply-status={state.step}>
          {PROGRESS[state.step] ??
            (state.step === "applied"
              ? appliedWords(state.resourceVersion)
              : !changed
                ? "No change to apply."
                : invalid
                  ? "Fix the problems above to apply."
                  : "")}
        </span>
      </div>
      <ApplyErrorNotice state={state} what={props.what} field="spec.traffic" onRetry={onApply} onTakeOver={onTakeOver} />
    </div>
  );
}
