"use client";
import { useState } from "react";
import type { KnativeService, TrafficTarget } from "@/lib/knative";
import type { KubeObject } from "@/lib/k8s/meta";
import { callAction } from "@/lib/query/api";
import type { StoreError } from "@/lib/store";
import { submitTraffic } from "./actions";

export type ApplyPhase =
  | { step: "idle" }
  | { step: "dry-run" }
  | { step: "applying" }
  | { step: "applied"; resourceVersion: string }
  | { step: "failed"; stage: "dry-run" | "apply"; error: StoreError };

/**
 * The apply flow after client validation: server-side dry-run, then server-side apply, each
 * step reported. A failed dry-run stops before anything is written.
 */
export function useTrafficApply(onApplied: (ksvc: KnativeService) => void) {
  const [phase, setPhase] = useState<ApplyPhase>({ step: "idle" });

  const fail = (stage: "dry-run" | "apply", error: StoreError): ApplyPhase => {
    const p: ApplyPhase = { step: "failed", stage, error };
    setPhase(p);
    return p;
  };

  /**
   * Runs the flow and returns how it ended, so the caller can look into a conflict. `confirm`:
   * the confirmation the server issued with an ownership conflict, when the user chose to take
   * spec.traffic over (the server alone decides to force).
   */
  const run = async (base: KnativeService, traffic: TrafficTarget[], confirm?: string): Promise<ApplyPhase> => {
    const submission = {
      namespace: base.metadata.namespace ?? "",
      name: base.metadata.name ?? "",
      resourceVersion: base.metadata.resourceVersion ?? "",
      before: base.spec?.traffic,
      traffic,
    };
    setPhase({ step: "dry-run" });
    const c = confirm ? { confirm } : {};
    const dry = await callAction(() => submitTraffic(submission, { dryRun: true, ...c }));
    if (!dry.ok) return fail("dry-run", dry.error);
    setPhase({ step: "applying" });
    const done = await callAction(() => submitTraffic(submission, { dryRun: false, ...c }));
    if (!done.ok) return fail("apply", done.error);
    const obj: KubeObject = done.value;
    const p: ApplyPhase = { step: "applied", resourceVersion: obj.metadata.resourceVersion ?? "" };
    setPhase(p);
    onApplied(obj as unknown as KnativeService);
    return p;
  };

  return { phase, run, fail, reset: () => setPhase({ step: "idle" }) };
}
