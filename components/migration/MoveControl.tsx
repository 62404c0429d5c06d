"use client";
import { useState } from "react";
import { ApplyErrorNotice } from "@/components/apply/ApplyErrorNotice";
import { useApply } from "@/components/apply/useApply";
import { Notice } from "@/components/ui/Notice";
import { isBusy, PROGRESS } from "@/lib/apply";
import { GATEWAY_API_INGRESS_CLASS, ISTIO_INGRESS_CLASS } from "@/lib/knative";
import type { ServicePlan } from "@/lib/migration";
import { READ_ONLY_REASON, useWriteAccess } from "@/lib/query";
import { submitIngressClass } from "./actions";

const WORD: Record<string, string> = { [GATEWAY_API_INGRESS_CLASS]: "the Gateway API", [ISTIO_INGRESS_CLASS]: "Istio" };

/** Move one Service to the Gateway API (dry-run, then apply), and the way back to Istio. */
export function MoveControl({ plan }: { plan: ServicePlan }) {
  const access = useWriteAccess({ kind: "KnativeService", namespace: plan.namespace, name: plan.name });
  const target = plan.layer === "gateway-api" ? ISTIO_INGRESS_CLASS : GATEWAY_API_INGRESS_CLASS;
  // The class last asked for: the applied state is about it.
  const [asked, setAsked] = useState(target);
  const flow = useApply(`${plan.namespace}/${plan.name}`);
  const busy = isBusy(flow.state);

  const move = (to: string, confirm?: string) => {
    setAsked(to);
    const submission = { namespace: plan.namespace, name: plan.name, resourceVersion: plan.resourceVersion, ingressClass: to };
    return flow.run((dryRun) => submitIngressClass(submission, { dryRun, ...(confirm && { confirm }) }), "dry-run-then-apply");
  };

  if (access.forbidden) {
    return (
      <p data-read-only className="text-sm text-slate-600">
        Read-only:{" "}
        {access.forbidden === READ_ONLY_REASON ? READ_ONLY_REASON : `the API server says your credentials may not change this Service (${access.forbidden}).`}
      </p>
    );
  }
  const blocked = plan.layer === "istio" && !plan.ready;
  const back = asked === GATEWAY_API_INGRESS_CLASS ? ISTIO_INGRESS_CLASS : GATEWAY_API_INGRESS_CLASS;
  return (
    <div className="space-y-2" aria-live="polite">
      {flow.state.step === "applied" ? (
        <Notice title={`Moved to ${WORD[asked]} (resourceVersion ${flow.state.resourceVersion})`}>
          Knative rewrites the KIngress with the new class; the chain switches when the new controller has programmed it.{" "}
          <button type="button" className="underline" onClick={() => void move(back)}>
            {asked === GATEWAY_API_INGRESS_CLASS ? "Move back to Istio" : "Move to the Gateway API again"}
          </button>
        </Notice>
      ) : (
        <button
          type="button"
          disabled={busy || access.checking || blocked}
          onClick={() => void move(target)}
          className="rounded bg-sky-700 px-3 py-1.5 text-sm text-white disabled:bg-slate-300"
        >
          {PROGRESS[flow.state.step] ?? (target === GATEWAY_API_INGRESS_CLASS ? "Move to the Gateway API" : "Move back to Istio")}
        </button>
      )}
      {blocked && <p className="text-sm text-slate-600">Fix what the checklist names first: the move is made once every item holds.</p>}
      <ApplyErrorNotice
        state={flow.state}
        what={`Service ${plan.namespace}/${plan.name}`}
        field="the annotation"
        verb="move"
        onRetry={() => void move(asked)}
        onTakeOver={(confirm) => void move(asked, confirm)}
        showStale
      />
    </div>
  );
}
