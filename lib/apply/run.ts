// Runs one pass of the apply flow against a submit function (a server action), dispatching
// each step. A submit that throws — the server restarted, the network went — ends as
// "unreachable", never as a page stuck at "applying".
import type { KubeObject } from "../k8s/meta";
import type { Result, StoreError } from "../store/types";
import type { ApplyEvent, ApplyStage } from "./state";

/** A failing result may name what was refused, when it is not the edited object (a ReferenceGrant). */
export type SubmitResult = Result<KubeObject> | { ok: false; error: StoreError; object?: string };
export type Submit = (dryRun: boolean) => Promise<SubmitResult>;

/** dry-run: only ask; apply: only write; dry-run-then-apply: ask, and write when the answer is yes. */
export type ApplyMode = "dry-run" | "apply" | "dry-run-then-apply";

async function attempt(submit: Submit, dryRun: boolean): Promise<SubmitResult> {
  try {
    return await submit(dryRun);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: { type: "Unreachable", message: `Routeboard's server did not answer (${detail}). Reload the page to see whether anything changed.` },
    };
  }
}

/** The stage a failure happened in and how it ended, or the stored object. */
export type RunOutcome = { ok: true; value: KubeObject; stage: ApplyStage } | { ok: false; error: StoreError; stage: ApplyStage };

/**
 * `appliedKey`: the key of the stored object, when the page takes it (with the server's
 * defaults) as its new state, so "applied" holds for what the page then shows.
 */
export async function runApply(
  submit: Submit,
  mode: ApplyMode,
  key: string,
  dispatch: (e: ApplyEvent) => void,
  appliedKey?: (stored: KubeObject) => string,
): Promise<RunOutcome> {
  const stages: ApplyStage[] = mode === "dry-run-then-apply" ? ["dry-run", "apply"] : [mode];
  let last: RunOutcome | undefined;
  for (const stage of stages) {
    dispatch({ type: "start", stage });
    const r = await attempt(submit, stage === "dry-run");
    if (!r.ok) {
      dispatch({ type: "failed", stage, error: r.error, ...("object" in r && r.object !== undefined && { object: r.object }) });
      return { ok: false, error: r.error, stage };
    }
    dispatch(
      stage === "dry-run"
        ? { type: "passed", key }
        : { type: "applied", resourceVersion: r.value.metadata.resourceVersion ?? "", key: appliedKey ? appliedKey(r.value) : key },
    );
    last = { ok: true, value: r.value, stage };
  }
  if (!last) throw new Error("runApply: no stage");
  return last;
}
