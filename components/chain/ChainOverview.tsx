"use client";
import Link from "next/link";
import { memo, useCallback } from "react";
import { useWindowRows } from "@/components/ui/useWindowRows";
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
  const keyOf = useCallback((i: number) => rows[i]?.key ?? String(i), [rows]);
  // A screen of chains at a time: 6,500 rows would otherwise all be in the DOM.
  const { ref, items, padTop, padBottom, measure } = useWindowRows<HTMLTableElement>(rows.length, 41, keyOf);
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white shadow-sm">
      <table ref={ref} className="w-full min-w-[56rem] table-fixed text-left text-sm" aria-rowcount={rows.length + 1}>
        <caption className="sr-only">
          Chains, worst first: {rows.length} of {total} shown
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr aria-rowindex={1}>
            <th scope="col" className="px-3 py-2 w-[12%]">
              Health
            </th>
            <th scope="col" className="px-3 py-2 w-[12%]">
              Kind
            </th>
            <th scope="col" className="px-3 py-2 w-[14%]">
              Namespace
            </th>
            <th scope="col" className="px-3 py-2 w-[30%]">
              Name
            </th>
            <th scope="col" className="px-3 py-2 w-[32%]">
              First failing link
            </th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
          {items.map((item) => {
            const r = rows[item.index];
            return r ? <ChainRow key={item.key} row={r} index={item.index} open={open} measure={measure} /> : null;
          })}
          {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
        </tbody>
      </table>
    </div>
  );
}

// Memoised: a row whose chain kept its identity is not drawn again.
const ChainRow = memo(function ChainRow({
  row: r,
  index,
  open,
  measure,
}: {
  row: OverviewRow;
  index: number;
  open: (row: OverviewRow) => { href?: string; onClick?: () => void };
  measure: (el: Element | null) => void;
}) {
  const target = open(r);
  const label = `${r.root.kind === "KnativeService" ? "Knative Service" : "HTTPRoute"} ${r.root.namespace}/${r.root.name}`;
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} data-row={r.key} data-health={r.health} className="border-b border-slate-100 align-top">
      <td className="px-3 py-2">
        <HealthBadge health={r.health} />
      </td>
      <td className="px-3 py-2 text-slate-600">{r.root.kind === "KnativeService" ? "Knative Service" : "HTTPRoute"}</td>
      <td className="px-3 py-2 text-slate-600 break-words">{r.root.namespace}</td>
      <td className="px-3 py-2 font-medium break-words">
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
      <td className="px-3 py-2 text-slate-700 break-words">{r.firstFailing ? r.firstFailing.title : <span className="text-slate-500">—</span>}</td>
    </tr>
  );
});
