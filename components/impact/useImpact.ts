"use client";
import { useDeferredValue, useMemo } from "react";
import { impactOf, type Impact } from "@/lib/gateway";
import type { PredictOptions } from "@/lib/gateway";
import type { KubeObject } from "@/lib/k8s";

export interface ImpactInput {
  readonly before: readonly KubeObject[];
  readonly after: readonly KubeObject[];
  readonly edited: readonly { readonly namespace: string; readonly name: string }[];
  readonly options?: PredictOptions;
}

/**
 * The predicted status before and after an edit (two predictions over every live object), a
 * frame behind typing: a slider or a keystroke never waits for it. Undefined while the objects
 * are still loading, or when `input` is undefined (nothing changed).
 */
export function useImpact(input: ImpactInput | undefined): { impact?: Impact; pending: boolean } {
  const deferred = useDeferredValue(input);
  const impact = useMemo(() => (deferred ? impactOf(deferred.before, deferred.after, deferred.edited, deferred.options) : undefined), [deferred]);
  return { ...(impact && { impact }), pending: deferred !== input };
}
