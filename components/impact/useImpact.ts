"use client";
import { useMemo } from "react";
import { useSettledValue } from "@/components/ui/useSettledValue";
import { impactOf, type Impact } from "@/lib/gateway";
import type { PredictOptions } from "@/lib/gateway";
import type { KubeObject } from "@/lib/k8s";

export interface ImpactInput {
  readonly before: readonly KubeObject[];
  readonly after: readonly KubeObject[];
  readonly edited: readonly { readonly namespace: string; readonly name: string }[];
  readonly options?: PredictOptions;
}

/** How long typing or a slider must pause before the impact is computed again. */
const SETTLE_MS = 250;

/**
 * The predicted status before and after an edit (two predictions over every live object, 100 ms
 * and more on a busy Gateway), computed once typing pauses: a slider or a keystroke never waits
 * for it. Undefined while the objects
 * are still loading, or when `input` is undefined (nothing changed).
 */
export function useImpact(input: ImpactInput | undefined): { impact?: Impact; pending: boolean } {
  const deferred = useSettledValue(input, SETTLE_MS);
  const impact = useMemo(() => (deferred ? impactOf(deferred.before, deferred.after, deferred.edited, deferred.options) : undefined), [deferred]);
  return { ...(impact && { impact }), pending: deferred !== input };
}
