"use client";
import { useCallback, useState } from "react";
import type { Chain } from "@/lib/chain";
import { ChainDetails } from "./ChainDetails";
import { ChainGraph } from "./ChainGraph";
import { HealthBadge } from "./HealthBadge";
import { KIND_LABEL } from "./health";

/** Which ingress the prediction followed, from the kinds it made. */
function predictedIngress(chain: Chain): string {
  const kinds = new Set(chain.nodes.filter((n) => n.predicted).map((n) => n.kind));
  return kinds.has("VirtualService") ? "net-istio" : kinds.has("HTTPRoute") ? "net-gateway-api" : "its ingress";
}

/** One chain: the verdict in words, the graph, and the selected object's conditions. */
export function ChainView({ chain }: { chain: Chain }) {
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const onSelect = useCallback((id: string) => setPicked(id), []);
  // Until the user picks, show the failing object (or the root): that is what they came for.
  const selectedId = picked && chain.nodes.some((n) => n.id === picked) ? picked : (chain.firstFailing?.nodeId ?? chain.nodes[0]?.id);
  const selected = chain.nodes.find((n) => n.id === selectedId);
  const first = chain.firstFailing;
  const byId = new Map(chain.nodes.map((n) => [n.id, n]));

  return (
    <div className="space-y-4" data-chain-health={chain.health}>
      <div
        role="status"
        aria-live="polite"
        className={`rounded-md border px-4 py-3 text-sm ${first ? (first.severity === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-amber-300 bg-amber-50 text-amber-900") : "border-emerald-300 bg-emerald-50 text-emerald-900"}`}
        data-first-finding={first?.code ?? "none"}
      >
        {first ? (
          <>
            <p className="text-xs font-semibold uppercase tracking-wide opacity-80">
              {first.severity === "error" ? "First failing link" : "Worth a look"}:{" "}
              <span className="normal-case tracking-normal">
                {KIND_LABEL[byId.get(first.nodeId)?.kind ?? "Service"]} {byId.get(first.nodeId)?.name}
              </span>
            </p>
            <p className="mt-1 font-medium">{first.title}</p>
            <p className="mt-1">Next: {first.next}</p>
          </>
        ) : (
          <p className="font-medium">
            {chain.predicted ? "Nothing in the folder breaks this chain, as the controllers would build it." : "Every link of the chain is healthy."}
          </p>
        )}
      </div>
      {chain.predicted && (
        <p data-chain-predicted className="rounded-md border border-dashed border-slate-400 bg-slate-50 px-4 py-2 text-sm text-slate-700">
          Dotted objects are not in the folder: they are what Knative and {predictedIngress(chain)} would create from the Knative Service, predicted by the same
          rules their controllers follow. Their conditions appear once the folder is applied to a cluster.
        </p>
      )}

      <div className="flex flex-col gap-4 lg:flex-row">
        <div className="min-w-0 flex-1">
          <ChainGraph chain={chain} selected={selectedId} onSelect={onSelect} />
        </div>
        <div className="w-full shrink-0 lg:w-80">{selected && <ChainDetails chain={chain} node={selected} />}</div>
      </div>

      {chain.findings.length > 0 && (
        <section aria-labelledby="findings-title" className="rounded-md border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="findings-title" className="mb-2 text-sm font-semibold">
            All findings ({chain.findings.length}), the first failing link first
          </h2>
          <ol className="space-y-1 text-sm">
            {chain.findings.map((f) => {
              const n = byId.get(f.nodeId);
              return (
                <li key={`${f.nodeId}${f.code}${f.title}`} data-finding={f.code} className="flex gap-2">
                  <HealthBadge health={f.severity} />
                  <button
                    type="button"
                    className="text-left hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-300"
                    onClick={() => setPicked(f.nodeId)}
                  >
                    <span className="font-medium">{n ? `${KIND_LABEL[n.kind]} ${n.name}` : f.nodeId}:</span> {f.title}
                    {f.symptom && <span className="text-slate-500"> (follows from a failure further along)</span>}
                  </button>
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </div>
  );
}
