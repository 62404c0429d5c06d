"use client";
import { useMemo } from "react";
import { chainOverview, matchesFilter, type ChainOptions, type ObjectIndex, type OverviewRow } from "@/lib/chain";
import { FilterInput } from "@/components/ui/FilterInput";
import { Notice } from "@/components/ui/Notice";
import { ChainOverview } from "./ChainOverview";

/** The filter and the overview table over an index of objects (live or from a file). */
export function ChainList({
  index,
  options,
  query,
  setQuery,
  open,
  emptyText,
}: {
  index: ObjectIndex;
  /** What the chains may expect from Knative's configuration (none: nothing beyond the objects). */
  options?: ChainOptions;
  query: string;
  setQuery: (q: string) => void;
  open: (row: OverviewRow) => { href?: string; onClick?: () => void };
  emptyText: string;
}) {
  const all = useMemo(() => chainOverview(index, options), [index, options]);
  const rows = useMemo(() => all.filter((r) => matchesFilter(r, query)), [all, query]);
  const counts = useMemo(() => ({ error: all.filter((r) => r.health === "error").length, warning: all.filter((r) => r.health === "warning").length }), [all]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" aria-live="polite">
          {all.length} chains: <span className="font-medium text-red-700">{counts.error} failing</span>,{" "}
          <span className="font-medium text-amber-700">{counts.warning} with warnings</span>
        </p>
        <div>
          <FilterInput
            id="chain-filter"
            label="Filter chains"
            value={query}
            onChange={setQuery}
            placeholder="Filter: name, host, reason, ns:x, is:error, kind:ksvc"
            className="w-96"
          />
        </div>
      </div>
      {all.length === 0 ? (
        <Notice title="No Knative Services or HTTPRoutes">{emptyText}</Notice>
      ) : rows.length === 0 ? (
        <Notice title={`No chains match "${query}"`}>Clear the filter to see all {all.length}.</Notice>
      ) : (
        <ChainOverview rows={rows} total={all.length} open={open} />
      )}
    </div>
  );
}
