"use client";
import { useState } from "react";
import { Notice } from "@/components/ui/Notice";
import { GATEWAY_API_INGRESS_CLASS, ISTIO_INGRESS_CLASS } from "@/lib/knative/constants";
import type { ServicePlan } from "@/lib/migration";
import { callAction } from "@/lib/query/api";
import { READ_ONLY_REASON, useWriteAccess } from "@/lib/query/use-write-access";
import type { StoreError } from "@/lib/store";
import { submitIngressClass } from "./actions";

type Phase = { step: "idle" } | { step: "dry-run" } | { step: "applying" } | { step: "moved"; to: string; resourceVersion: string } | { step: "failed"; stage: "dry-run" | "apply"; error: StoreError };

const WORD: Record<string, string> = { [GATEWAY_API_INGRESS_CLASS]: "the Gateway API", [ISTIO_INGRESS_CLASS]: "Istio" };

/** Move one Service to the Gateway API (dry-run, then apply), and the way back to Istio. */
export function MoveControl({ plan }: { plan: ServicePlan }) {
  const access = useWriteAccess({ kind: "KnativeService", namespace: plan.namespace, name: plan.name });
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const target = plan.layer === "gateway-api" ? ISTIO_INGRESS_CLASS : GATEWAY_API_INGRESS_CLASS;
  const busy = phase.step === "dry-run" || phase.step === "applying";

  const move = async (to: string, confirm?: string) => {
    const submission = { namespace: plan.namespace, name: plan.name, resourceVersion: plan.resourceVersion, ingressClass: to };
    const c = confirm ? { confirm } : {};
    setPhase({ step: "dry-run" });
    const dry = await callAction(() => submitIngressClass(submission, { dryRun: true, ...c }));
    if (!dry.ok) return setPhase({ step: "failed", stage: "dry-run", error: dry.error });
    setPhase({ step: "applying" });
    const done = await callAction(() => submitIngressClass(submission, { dryRun: false, ...c }));
    if (!done.ok) return setPhase({ step: "failed", stage: "apply", error: done.error });
    setPhase({ step: "moved", to, resourceVersion: done.value.metadata.resourceVersion ?? "" });
  };

  if (access.forbidden) {
    return (
      <p data-read-only className="text-sm text-slate-600">
        Read-only: {access.forbidden === READ_ONLY_REASON ? READ_ONLY_REASON : `the API server says your credentials may not change this Service (${access.forbidden}).`}
      </p>
    );
  }
  const blocked = plan.layer === "istio" && !plan.ready;
  return (
    <div className="space-y-2" aria-live="polite">
      {phase.step === "moved" ? (
        <Notice title={`Moved to ${WORD[phase.to]} (resourceVersion ${phase.resourceVersion})`}>
          Knative rewrites the KIngress with the new class; the chain switches when the new controller has programmed it.{" "}
          <button type="button" className="underline" onClick={() => void move(phase.to === GATEWAY_API_INGRESS_CLASS ? ISTIO_INGRESS_CLASS : GATEWAY_API_INGRESS_CLASS)}>
            {phase.to === GATEWAY_API_INGRESS_CLASS ? "Move back to Istio" : "Move to the Gateway API again"}
          </button>
        </Notice>
      ) : (
        <button type="button" disabled={busy || access.checking || blocked} onClick={() => void move(target)} className="rounded bg-sky-700 px-3 py-1.5 text-sm text-white disabled:bg-slate-300">
          {busy ? (phase.step === "dry-run" ? "Checking with the API server (dry-run)…" : "Applying…") : target === GATEWAY_API_INGRESS_CLASS ? "Move to the Gateway API" : "Move back to Istio"}
        </button>
      )}
      {blocked && <p className="text-sm text-slate-600">Fix what the checklist names first: the move is made once every item holds.</p>}
      {phase.step === "failed" && (
        <Notice tone="error" title={phase.stage === "dry-run" ? "The API server refused the move (dry-run): nothing was changed" : "The move was not applied"}>
          {phase.error.message}
          {phase.error.type === "Conflict" && phase.error.confirm && (
            <>
              {" "}
              <button type="button" className="underline" onClick={() => void move(target, phase.error.type === "Conflict" ? phase.error.confirm : undefined)}>
                Take over the annotation and move
              </button>
            </>
          )}
        </Notice>
      )}
    </div>
  );
}
