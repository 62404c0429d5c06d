"use client";
import Link from "next/link";
import type { OverviewRow } from "@/lib/chain";
import { HealthBadge } from "./HealthBadge";

/** Every Knative Service and HTTPRoute with the health of its chain, worst first. */
export function ChainOverview({
  rows,
  total,
  open,
}: {
  rows: OverviewRow[];
  total: number;
  open: (row: OverviewRow) => { href?: string; onClick?: () => void };
}) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">
          Chains, worst first: {rows.length} of {total} shown
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">
              Health
            </th>
            <th scope="col" className="px-3 py-2">
              Kind
            </th>
            <th scope="col" className="px-3 py-2">
              Namespace
            </th>
            <th scope="col" className="px-3 py-2">
              Name
            </th>
            <th scope="col" className="px-3 py-2">
              First failing link
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const target = open(r);
            const label = `${r.root.kind === "KnativeService" ? "Knative Service" : "HTTPRoute"} ${r.root.namespace}/${r.root.name}`;
            return (
              <tr key={r.key} data-row={r.key} data-health={r.health} className="border-b border-slate-100 align-top">
                <td className="px-3 py-2">
                  <HealthBadge health={r.health} />
                </td>
                <td className="px-3 py-2 text-slate-600">{r.root.kind === "KnativeService" ? "Knative Service" : "HTTPRoute"}</td>
                <td className="px-3 py-2 text-slate-600">{r.root.namespace}</td>
                <td className="px-3 py-2 font-medium">
                  {target.href ? (
                    <Link href={target.href} className="text-sky-700 hover:underline" aria-label={`Open the chain of ${label}`}>
                      {r.root.name}
                    </Link>
                  ) : (
                    <button type="button" onClick={target.onClick} className="text-sky-700 hover:underline" aria-label={`Open the chain of ${label}`}>
                      {r.root.name}
                    </button>
                  )}
                  {r.knativeService && <span className="ml-2 rounded bg-violet-100 px-1.5 py-0.5 text-xs text-violet-800">Knative: {r.knativeService}</span>}
                  {r.predicted && (
                    <span
                      className="ml-2 rounded border border-dotted border-slate-500 px-1.5 py-0.5 text-xs text-slate-700"
                      title="Not in the folder: what net-gateway-api would create"
                    >
                      predicted
                    </span>
                  )}
                </td>
                <td className="px-3 py-2 text-slate-700">{r.firstFailing ? r.firstFailing.title : <span className="text-slate-500">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
