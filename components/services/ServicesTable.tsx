"use client";
import Link from "next/link";
import { useMemo } from "react";
import { ConditionBadge } from "@/components/ui/ConditionBadge";
import { LiveStatus } from "@/components/ui/LiveStatus";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import type { KnativeService } from "@/lib/knative";
import { useLiveKinds } from "@/lib/query";
import { byKey, serviceRow } from "@/lib/traffic";

/** Every Knative Service with the traffic it asks for and the traffic Knative routes now. */
export function ServicesTable() {
  const { snapshots, connection, error } = useLiveKinds(["KnativeService"]);
  const snap = snapshots[0];
  const rows = useMemo(() => (snap?.items ?? []).map((o) => serviceRow(o as unknown as KnativeService)).sort(byKey), [snap]);
  return (
    <section aria-labelledby="services-title" className="space-y-4">
      <PageHeader id="services-title" title="Knative Services" actions={<LiveStatus connection={connection} state={snap?.state} />}>
        <p className="text-sm text-slate-600">Traffic splits of every Knative Service; open one to move its sliders.</p>
      </PageHeader>
      {error && (
        <Notice tone="error" title="Routeboard's server did not answer">
          {error.message}
        </Notice>
      )}
      {snap?.state === "not-installed" && (
        <Notice tone="warn" title="Knative Serving is not installed in this cluster">
          {snap.message}
        </Notice>
      )}
      {(snap?.state === "forbidden" || snap?.state === "unreachable") && (
        <Notice tone="error" title="Knative Services cannot be read">
          {snap.message}
        </Notice>
      )}
      {!snap ? (
        <Notice title="Loading Knative Services…" />
      ) : snap.state === "ready" && rows.length === 0 ? (
        <Notice title="No Knative Services in this cluster yet" />
      ) : rows.length > 0 ? (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Knative Services, {rows.length}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Namespace
                </th>
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-3 py-2">
                  Ready
                </th>
                <th scope="col" className="px-3 py-2">
                  Traffic (spec)
                </th>
                <th scope="col" className="px-3 py-2">
                  Routed now (status)
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-service={r.key} className="border-b border-slate-100">
                  <td className="px-3 py-2 text-slate-600">{r.namespace}</td>
                  <td className="px-3 py-2 font-medium">
                    <Link href={`/services/${encodeURIComponent(r.namespace)}/${encodeURIComponent(r.name)}`} className="text-sky-800 hover:underline">
                      {r.name}
                    </Link>
                    {r.url && <div className="font-mono text-xs font-normal text-slate-500">{r.url}</div>}
                  </td>
                  <td className="px-3 py-2">
                    <ConditionBadge type="Ready" c={r.ready} pending={!r.ready} />
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{r.wanted}</td>
                  <td className="px-3 py-2 font-mono text-xs text-slate-600">{r.routed ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
