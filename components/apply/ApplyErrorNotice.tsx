"use client";
import { Notice } from "@/components/ui/Notice";
import { failureDetails, failureTitle, ownershipWords, RETRY, STALE, takeOverWords, type ApplyState } from "@/lib/apply";

/**
 * How an apply ended when it did not apply, next to the button the user pressed: the API
 * server's refusal with each field it names, no answer with a retry, or another manager's
 * ownership with the one explicit way to take it over. A stale conflict (someone changed the
 * object) is the page's to show with its diff of theirs, unless `showStale`: then a retry on
 * the version the page now shows.
 */
export function ApplyErrorNotice(props: {
  state: ApplyState;
  /** "this route", "Service shop/checkout". */
  what: string;
  /** The field an ownership conflict is about ("spec.traffic"). */
  field: string;
  /** The verb of the take-over button ("apply", "move"). */
  verb?: string;
  onRetry: () => void;
  onTakeOver?: (confirm: string) => void;
  showStale?: boolean;
}) {
  const { state, what, field } = props;
  if (state.step === "unreachable") {
    return (
      <Notice tone="error" title={`No answer (${state.stage === "dry-run" ? "dry-run" : "apply"}): nothing is known to have changed`}>
        <p>{state.message}</p>
        <button
          type="button"
          onClick={props.onRetry}
          className="mt-2 rounded border border-red-400 bg-white px-3 py-1 text-sm font-medium text-red-900 hover:bg-red-50"
        >
          {RETRY}
        </button>
      </Notice>
    );
  }
  if (state.step === "refused") {
    const details = failureDetails(state.error);
    return (
      <Notice tone="error" title={failureTitle(state.error, state.stage, state.object ?? what)}>
        {details.length === 1 ? (
          <p>{details[0]}</p>
        ) : (
          <ul className="list-disc pl-5">
            {details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </Notice>
    );
  }
  if (state.step === "conflict" && state.error.stale && props.showStale) {
    return (
      <Notice tone="warn" title={STALE.title(what)}>
        <p>Nothing was changed. The page now shows their version; look at it, then try again.</p>
        <button
          type="button"
          onClick={props.onRetry}
          className="mt-2 rounded border border-amber-500 bg-white px-3 py-1 text-sm font-medium text-amber-900 hover:bg-amber-100"
        >
          {RETRY}
        </button>
      </Notice>
    );
  }
  if (state.step === "conflict" && !state.error.stale) {
    const confirm = state.error.confirm;
    return (
      <Notice tone="warn" title={`Another tool manages ${field}`}>
        <p>{ownershipWords(state.error, field)}</p>
        {confirm && props.onTakeOver && (
          <button
            type="button"
            onClick={() => props.onTakeOver?.(confirm)}
            className="mt-2 rounded border border-amber-500 bg-white px-3 py-1 text-sm font-medium text-amber-900 hover:bg-amber-100"
          >
            {takeOverWords(field, props.verb)}
          </button>
        )}
      </Notice>
    );
  }
  return null;
}
