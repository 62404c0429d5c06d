"use client";
import type { Chain, ChainNode } from "@/lib/chain";
import { HealthBadge } from "./HealthBadge";
import { KIND_LABEL } from "./health";

function statusTone(s: string): string {
  return s === "True" ? "text-emerald-700" : s === "False" ? "text-red-700" : "text-amber-700";
}

/** The selected object's conditions and what was found about it. */
export function ChainDetails({ chain, node }: { chain: Chain; node: ChainNode }) {
  const findings = chain.findings.filter((f) => f.nodeId === node.id);
  return (
    <section
      aria-labelledby="node-details-title"
      className="space-y-3 rounded-md border border-slate-200 bg-white p-4 text-sm shadow-sm"
      data-details={node.id}
    >
      <div className="flex items-start justify-between gap-2">
        <div>
          <p className="text-xs uppercase tracking-wide text-slate-500">{KIND_LABEL[node.kind]}</p>
          <h2 id="node-details-title" className="break-all text-base font-semibold">
            {node.namespace ? `${node.namespace}/` : ""}
            {node.name}
          </h2>
        </div>
        <HealthBadge health={node.health} />
      </div>
      {node.missing ? (
        <p className="text-slate-600">This object does not exist (or this context may not read it). The chain expects it here.</p>
      ) : (
        <p className="text-xs text-slate-500">
          generation {node.generation ?? "–"}
          {node.observedGeneration !== undefined && `, status observed generation ${node.observedGeneration}`}
        </p>
      )}
      {node.facts.length > 0 && (
        <ul className="list-inside list-disc text-xs text-slate-700">
          {node.facts.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {findings.map((f) => (
        <div
          key={`${f.code}${f.title}`}
          className={`rounded border px-3 py-2 text-xs ${f.severity === "error" ? "border-red-200 bg-red-50" : "border-amber-200 bg-amber-50"}`}
        >
          <p className="font-medium">{f.title}</p>
          <p className="mt-1">Next: {f.next}</p>
        </div>
      ))}
      {!node.missing &&
        (node.conditions.length === 0 ? (
          <p className="text-slate-600">No conditions: no controller has written this object&apos;s status.</p>
        ) : (
          <table className="w-full table-fixed text-left text-xs">
            <caption className="sr-only">Conditions of {node.name}</caption>
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="w-28 py-1 pr-2">
                  Type
                </th>
                <th scope="col" className="w-16 py-1 pr-2">
                  Status
                </th>
                <th scope="col" className="py-1">
                  Reason and message
                </th>
              </tr>
            </thead>
            <tbody>
              {node.conditions.map((c) => (
                <tr key={c.type} className="border-t border-slate-100 align-top" data-condition={c.type} {...(c.predicted && { "data-predicted": "" })}>
                  <td className="py-1 pr-2 font-medium [overflow-wrap:anywhere]">{c.type}</td>
                  <td className={`py-1 pr-2 font-medium ${statusTone(c.status)}`}>{c.status}</td>
                  <td className="py-1 [overflow-wrap:anywhere]">
                    {c.reason && <span className="font-medium">{c.reason}</span>}
                    {c.message && <span className="text-slate-600"> — {c.message}</span>}
                    {c.observedGeneration !== undefined && <span className="text-slate-500"> (gen {c.observedGeneration})</span>}
                    {c.stale && <span className="ml-1 rounded bg-amber-100 px-1 text-amber-800">stale</span>}
                    {c.predicted && (
                      <span
                        className="ml-1 rounded bg-sky-100 px-1 text-sky-800"
                        title="No controller has written this: it is what a conformant Gateway API implementation must write for these objects."
                      >
                        predicted
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
