"use client";
import { useState } from "react";
import type { RoutingTable } from "@/lib/canvas";

/** Rows drawn at first: a hostname with hundreds of rules would otherwise cost its canvas a second to open. */
const FIRST_ROWS = 100;

/** Which backends get each hostname and path, and why, across every route on the hostname. */
export function RoutingTableView({
  table,
  ownRules,
  tested,
}: {
  table: RoutingTable;
  ownRules?: ReadonlySet<string>;
  /** The rule a tested request went to. */ tested?: string;
}) {
  const [all, setAll] = useState(false);
  if (table.rows.length === 0)
    return (
      <p className="text-xs text-slate-600" role="status">
        No rules yet: every request gets 404.
      </p>
    );
  const rows = all ? table.rows : table.rows.slice(0, FIRST_ROWS);
  const lostCount = table.rows.filter((r) => r.winnerId !== undefined && r.winnerId !== r.ruleId).length;
  return (
    <>
      {lostCount > 0 && (
        <p className="mb-1 text-[11px] text-amber-900" data-shadowed-count>
          {lostCount} match{lostCount === 1 ? "" : "es"} served by another rule (highlighted).
        </p>
      )}
      <table className="w-full text-left text-[11px]" data-routing-table>
        <caption className="sr-only">Effective routing table</caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col">Host</th>
            <th scope="col">Match</th>
            <th scope="col">Goes to</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const lost = r.winnerId !== undefined && r.winnerId !== r.ruleId;
            const hit = tested !== undefined && r.ruleId === tested;
            return (
              <tr
                key={i}
                className={`border-t border-slate-100 align-top ${lost ? "bg-amber-50" : hit ? "bg-sky-50" : ""} ${ownRules && !ownRules.has(r.ruleId) ? "text-slate-500" : ""}`}
                data-row-shadowed={lost ? "true" : "false"}
                {...(hit && { "data-row-tested": "true" })}
              >
                <td className="pr-1 font-mono">{r.host}</td>
                <td className="pr-1 font-mono">{r.match}</td>
                <td className="pr-1">{r.backends}</td>
                <td>{r.why}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length < table.rows.length && (
        <button type="button" className="mt-1 rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50" onClick={() => setAll(true)}>
          Show all {table.rows.length} rows ({table.rows.length - rows.length} more)
        </button>
      )}
    </>
  );
}
