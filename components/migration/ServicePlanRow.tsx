"use client";
import Link from "next/link";
import { OpenDraftButton } from "@/components/canvas/OpenDraftButton";
import type { ServicePlan } from "@/lib/migration";
import { MoveControl } from "./MoveControl";

const LAYER: Record<ServicePlan["layer"], string> = { istio: "Istio (net-istio)", "gateway-api": "Gateway API", other: "other" };

function Names({ names, empty }: { names: readonly string[]; empty: string }) {
  if (names.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="list-inside list-disc text-sm">
      {names.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

/** One Knative Service of the planner: a summary line, and (opened) now and after side by side, the checklist and what would be lost. */
export function ServicePlanRow({ plan }: { plan: ServicePlan }) {
  const blocker = plan.checklist.find((c) => !c.ok);
  const verdict = plan.layer === "gateway-api" ? "on the Gateway API" : plan.ready ? "ready to move" : `blocked: ${blocker?.what ?? "?"}`;
  const tone = plan.layer === "gateway-api" ? "text-slate-600" : plan.ready ? "text-emerald-700" : "text-red-700";
  return (
    <li data-plan={`${plan.namespace}/${plan.name}`} data-layer={plan.layer} data-ready={plan.ready} className="rounded border border-slate-200 bg-white">
      <details>
        <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-3">
          <span className="font-medium">
            {plan.namespace}/{plan.name}
          </span>
          <span className="text-sm text-slate-600">
            {LAYER[plan.layer]} <span className="text-slate-500">({plan.classSource === "annotation" ? "its own annotation" : "cluster default"})</span>
          </span>
          <span className={`text-sm ${tone}`}>{verdict}</span>
          {plan.behaviour.length > 0 && <span className="text-sm text-amber-700">hand-written VirtualService on its hosts</span>}
        </summary>
        <div className="space-y-4 border-t border-slate-100 px-4 py-3">
          {plan.kingressClass && (
            <p className="text-sm text-amber-800">
              Its KIngress is still of class {plan.kingressClass}: Knative has not caught up with the Service&apos;s class yet.
            </p>
          )}
          <div className="grid gap-4 md:grid-cols-2">
            <section aria-label="Now">
              <h3 className="text-sm font-semibold">Now: VirtualServices (net-istio)</h3>
              <Names names={plan.virtualServices} empty="None." />
              <h3 className="mt-2 text-sm font-semibold">HTTPRoutes</h3>
              <Names names={plan.httpRoutes} empty="None." />
            </section>
            <section aria-label="After the move">
              <h3 className="text-sm font-semibold">After the move: HTTPRoutes net-gateway-api builds</h3>
              <Names
                names={plan.predictedRoutes.map((r) => `${r.name} → ${r.gateway}`)}
                empty={plan.hasKIngress ? "None." : "Not known until Knative makes its KIngress."}
              />
            </section>
          </div>
          <section aria-label="Readiness">
            <h3 className="text-sm font-semibold">Readiness</h3>
            <ul className="space-y-1 text-sm">
              {plan.checklist.map((c, i) => (
                <li key={i} data-check={c.ok ? "ok" : "failing"}>
                  <span aria-hidden="true" className={c.ok ? "text-emerald-600" : "text-red-600"}>
                    {c.ok ? "✓" : "✗"}
                  </span>{" "}
                  <span className="sr-only">{c.ok ? "passes:" : "fails:"}</span> {c.what}. <span className="text-slate-600">{c.detail}</span>
                </li>
              ))}
            </ul>
          </section>
          {plan.behaviour.length > 0 && (
            <section aria-label="What changes">
              <h3 className="text-sm font-semibold">What the HTTPRoutes will not do</h3>
              {plan.behaviour.map((b) => (
                <div key={b.virtualService} className="text-sm">
                  <p>
                    VirtualService {b.virtualService} (for {b.hosts.join(", ")}):
                  </p>
                  <ul className="list-inside list-disc text-slate-700">
                    {b.lost.map((l) => (
                      <li key={l}>{l}</li>
                    ))}
                  </ul>
                  <p className="mt-1 text-xs text-slate-600">
                    An HTTPRoute of your own can take over part of it
                    {b.suggestion.notes.length > 0 ? ` (${b.suggestion.notes.length} thing${b.suggestion.notes.length === 1 ? "" : "s"} still not)` : ""}:{" "}
                    <OpenDraftButton suggestion={b.suggestion} from={`VirtualService ${b.virtualService}`} />
                  </p>
                </div>
              ))}
            </section>
          )}
          {plan.layer !== "other" && <MoveControl plan={plan} />}
          <Link
            href={`/troubleshoot/ksvc/${encodeURIComponent(plan.namespace)}/${encodeURIComponent(plan.name)}`}
            className="text-sm text-sky-700 hover:underline"
          >
            Its chain →
          </Link>
        </div>
      </details>
    </li>
  );
}
