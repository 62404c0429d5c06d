"use client";
import Link from "next/link";
import { useMemo } from "react";
import { PageHeader } from "@/components/ui/PageHeader";
import type { HTTPRoute, RouteSummary } from "@/lib/gateway";
import type { KubeObject } from "@/lib/k8s";
import { byNamespaceAndName, matchesQuery, summarizeRoute } from "@/lib/gateway";
import { useLiveKinds } from "@/lib/query";
import { FilterInput } from "@/components/ui/FilterInput";
import { LiveStatus } from "@/components/ui/LiveStatus";
import { Notice } from "@/components/ui/Notice";
import { useUrlQuery } from "@/components/ui/useUrlQuery";
import { RouteRows } from "./RouteRows";

// Summaries by object: an object the live stream left alone keeps its summary, and its row is not drawn again.
const summaries = new WeakMap<KubeObject, RouteSummary>();
function summaryOf(o: KubeObject): RouteSummary {
  let s = summaries.get(o);
  if (!s) summaries.set(o, (s = summarizeRoute(o as unknown as HTTPRoute)));
  return s;
}

/** The first screen of rows, rendered on the server for the filter it was asked with. */
export interface FirstRoutes {
  rows: RouteSummary[];
  total: number;
  matching: number;
  query: string;
}

export function RoutesTable({ initial }: { initial?: FirstRoutes }) {
  const { snapshots, connection, error } = useLiveKinds(["HTTPRoute"]);
  const snap = snapshots[0];
  const [query, setQuery] = useUrlQuery();

  const all = useMemo(() => (snap?.items ?? []).map(summaryOf).sort(byNamespaceAndName), [snap]);
  const rows = useMemo(() => all.filter((r) => matchesQuery(r, query)), [all, query]);
  // What the table shows: the live list, or until it is here the server's first screen (same
  // order, same filter) standing in for it.
  const view: Omit<FirstRoutes, "query"> | undefined = snap
    ? { rows, total: all.length, matching: rows.length }
    : initial?.query === query
      ? initial
      : undefined;

  return (
    <section aria-labelledby="routes-title" className="space-y-4">
      <PageHeader
        id="routes-title"
        title="HTTPRoutes"
        actions={
          <>
            <Link href="/routes/new" className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800">
              New route
            </Link>
            <LiveStatus connection={connection} state={snap?.state} />
            <FilterInput id="route-filter" label="Filter routes" value={query} onChange={setQuery} placeholder="Filter: name, host, gateway, ns:team-a" />
          </>
        }
      >
        <p className="text-sm text-slate-600">Every HTTPRoute in every namespace, updated live.</p>
      </PageHeader>

      {error && (
        <Notice tone="error" title="Routeboard's server did not answer">
          {error.message}
        </Notice>
      )}
      {connection === "lost" && (
        <Notice tone="error" title="Lost the connection to Routeboard's server">
          Reconnecting by itself; what you see may be out of date.
        </Notice>
      )}
      {snap?.state === "unreachable" && (
        <Notice tone="error" title="The cluster is unreachable">
          {snap.message} — retrying by itself{snap.items.length > 0 ? "; the list below is what was last seen." : "."}
        </Notice>
      )}
      {snap?.state === "not-installed" && (
        <Notice tone="warn" title="The Gateway API is not installed in this cluster">
          {snap.message}. Install its CRDs (gateway.networking.k8s.io) to use HTTPRoutes.
        </Notice>
      )}
      {snap?.state === "forbidden" && (
        <Notice tone="warn" title="This context may not list HTTPRoutes in all namespaces">
          {snap.message}
        </Notice>
      )}

      {!view ? (
        <Notice title="Loading HTTPRoutes…" />
      ) : view.total === 0 ? (
        // The server's first screen exists only for a list that was read: empty means empty.
        (!snap || snap.state === "ready") && (
          <Notice title="No HTTPRoutes in this cluster yet">Create one with kubectl, or from a Knative Service; it appears here by itself.</Notice>
        )
      ) : view.matching === 0 ? (
        <Notice title={`No HTTPRoutes match "${query}"`}>Clear the filter to see all {view.total}.</Notice>
      ) : (
        <RouteRows rows={view.rows} />
      )}
      {view && view.total > 0 && (
        <p className="text-xs text-slate-500" aria-live="polite">
          {view.rows.length < view.matching
            ? `The first ${view.rows.length} of ${view.matching} routes; loading the rest…`
            : `${view.matching} of ${view.total} routes`}
        </p>
      )}
    </section>
  );
}
