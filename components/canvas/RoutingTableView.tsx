"use client";
import type { RoutingTable } from "@/lib/canvas/routing-table";

/** Which backends get each hostname and path, and why, across every route on the hostname. */
export function RoutingTableView({ table, ownRules }: { table: RoutingTable; ownRules?: ReadonlySet<string> }) {
  if (table.rows.length === 0) return <p className="text-xs text-slate-600" role="status">No rules yet: every request gets 404.</p>;
  return (
    <table className="w-full text-left text-[11px]" data-routing-table>
      <caption className="sr-only">Effective routing table</caption>
      <thead className="text-slate-500">
        <tr><th scope="col">Host</th><th scope="col">Match</th><th scope="col">Goes to</th><th scope="col">Why</th></tr>
      </thead>
      <tbody>
        {table.rows.map((r, i) => {
          const lost = r.winnerId !== undefined && r.winnerId !== r.ruleId;
          return (
            <tr key={i} className={`border-t border-slate-100 align-top ${lost ? "bg-amber-50" : ""} ${ownRules && !ownRules.has(r.ruleId) ? "text-slate-500" : ""}`} data-row-shadowed={lost ? "true" : "false"}>
              <td className="pr-1 font-mono">{r.host}</td>
              <td className="pr-1 font-mono">{r.match}</td>
              <td className="pr-1">{r.backends}</td>
              <td>{r.why}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
