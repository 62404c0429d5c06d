"use client";
import Link from "next/link";
import { useMemo } from "react";
import { PageHeader } from "@/components/ui/PageHeader";
import type { HTTPRoute } from "@/lib/gateway";
import { byNamespaceAndName, matchesQuery, summarizeRoute } from "@/lib/gateway";
import { useLiveKinds } from "@/lib/query";
import { ConditionBadge } from "@/components/ui/ConditionBadge";
import { FilterInput } from "@/components/ui/FilterInput";
import { LiveStatus } from "@/components/ui/LiveStatus";
import { Notice } from "@/components/ui/Notice";
import { useUrlQuery } from "@/components/ui/useUrlQuery";

export function RoutesTable() {
  const { snapshots, connection, error } = useLiveKinds(["HTTPRoute"]);
  const snap = snapshots[0];
  const [query, setQuery] = useUrlQuery();

  const all = useMemo(() => (snap?.items ?? []).map((o) => summarizeRoute(o as unknown as HTTPRoute)).sort(byNamespaceAndName), [snap]);
  const rows = useMemo(() => all.filter((r) => matchesQuery(r, query)), [all, query]);

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

      {!snap ? (
        <Notice title="Loading HTTPRoutes…" />
      ) : snap.state === "ready" && all.length === 0 ? (
        <Notice title="No HTTPRoutes in this cluster yet">Create one with kubectl, or from a Knative Service; it appears here by itself.</Notice>
      ) : all.length > 0 && rows.length === 0 ? (
        <Notice title={`No HTTPRoutes match "${query}"`}>Clear the filter to see all {all.length}.</Notice>
      ) : rows.length > 0 ? (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">HTTPRoutes, {rows.length} shown</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Namespace
                </th>
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-3 py-2">
                  Hostnames
                </th>
                <th scope="col" className="px-3 py-2">
                  Parent
                </th>
                <th scope="col" className="px-3 py-2">
                  Accepted
                </th>
                <th scope="col" className="px-3 py-2">
                  Resolved refs
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Rules
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const parents = r.parents.length > 0 ? r.parents : [undefined];
                return parents.map((p, i) => (
                  <tr key={`${r.key}#${i}`} data-route={r.key} className={i === parents.length - 1 ? "border-b border-slate-100" : ""}>
                    {i === 0 && (
                      <>
                        <td rowSpan={parents.length} className="px-3 py-2 align-top text-slate-600">
                          {r.namespace}
                        </td>
                        <td rowSpan={parents.length} className="px-3 py-2 align-top font-medium">
                          <Link
                            href={`/routes/${encodeURIComponent(r.namespace)}/${encodeURIComponent(r.name)}`}
                            className="text-sky-800 underline-offset-2 hover:underline"
                          >
                            {r.name}
                          </Link>
                          {r.ownedByKIngress && (
                            <span
                              title="Generated by net-gateway-api from a Knative KIngress"
                              className="ml-2 rounded bg-violet-100 px-1.5 py-0.5 text-xs text-violet-800"
                            >
                              Knative
                            </span>
                          )}
                        </td>
                        <td rowSpan={parents.length} className="px-3 py-2 align-top">
                          {r.hostnames.length ? (
                            r.hostnames.map((h, k) => (
                              <span key={h}>
                                {k > 0 && ", "}
                                <Link href={`/hosts/${encodeURIComponent(h)}`} className="hover:underline">
                                  {h}
                                </Link>
                              </span>
                            ))
                          ) : (
                            <span className="text-slate-500">any host</span>
                          )}
                        </td>
                      </>
                    )}
                    <td className="px-3 py-2 align-top">{p ? p.label : <span className="text-slate-500">none</span>}</td>
                    <td className="px-3 py-2 align-top">{p && <ConditionBadge type="Accepted" c={p.accepted} pending={p.pending} />}</td>
                    <td className="px-3 py-2 align-top">{p && <ConditionBadge type="ResolvedRefs" c={p.resolvedRefs} pending={p.pending} />}</td>
                    {i === 0 && (
                      <td rowSpan={parents.length} className="px-3 py-2 text-right align-top tabular-nums">
                        {r.ruleCount}
                      </td>
                    )}
                  </tr>
                ));
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {all.length > 0 && (
        <p className="text-xs text-slate-500" aria-live="polite">
          {rows.length} of {all.length} routes
        </p>
      )}
    </section>
  );
}
