"use client";
import { useCallback, useEffect, useReducer } from "react";
import type { KubeObject } from "@/lib/k8s";
import { applyReducer, IDLE, runApply, type ApplyMode, type RunOutcome, type Submit } from "@/lib/apply";

/**
 * The apply flow of one editing page. `key` identifies the change being edited (its spec, as
 * JSON): a dry-run or apply verdict holds for the key it judged, and any edit clears it.
 */
export function useApply(key: string) {
  const [state, dispatch] = useReducer(applyReducer, IDLE);
  useEffect(() => dispatch({ type: "edited", key }), [key]);
  const run = useCallback(
    (submit: Submit, mode: ApplyMode, appliedKey?: (stored: KubeObject) => string): Promise<RunOutcome> => runApply(submit, mode, key, dispatch, appliedKey),
    [key],
  );
  const reset = useCallback(() => dispatch({ type: "reset" }), []);
  return { state, dispatch, run, reset };
}
