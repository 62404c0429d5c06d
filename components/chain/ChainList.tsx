"use client";
import { useMemo, useRef, useEffect } from "react";
import { chainOverview, matchesFilter, type ObjectIndex, type OverviewRow } from "@/lib/chain";
import { Notice } from "@/components/ui/Notice";
import { ChainOverview } from "./ChainOverview";

/** The filter and the overview table over an index of objects (live or from a file). */
export function ChainList({
  index,
  query,
  setQuery,
  open,
  emptyText,
}: {
  index: ObjectIndex;
  query: string;
  setQuery: (q: string) => void;
  open: (row: OverviewRow) => { href?: string; onClick?: () => void };
  emptyText: string;
}) {
  const all = useMemo(() => chainOverview(index), [index]);
  const rows = useMemo(() => all.filter((r) => matchesFilter(r, query)), [all, query]);
  const input = useRef<HTMLInputElement>(null);
  const counts = useMemo(() => ({ error: all.filter((r) => r.health === "error").length, warning: all.filter((r) => r.health === "warning").length }), [all]);

  // "/" focuses the filter, as on the routes list.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "/" && !["INPUT", "TEXTAREA"].includes(document.activeElement?.tagName ?? "")) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" aria-live="polite">
          {all.length} chains: <span className="font-medium text-red-700">{counts.error} failing</span>, <span className="font-medium text-amber-700">{counts.warning} with warnings</span>
        </p>
        <div>
          <label className="sr-only" htmlFor="chain-filter">
            Filter chains
          </label>
          <input
            id="chain-filter"
            ref={input}
            type="search"
            defaultValue={query}
            placeholder="Filter: name, host, reason, ns:x, is:error, kind:ksvc   ( / )"
            onChange={(e) => setQuery(e.target.value)}
            className="w-96 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-200"
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
