"use client";
import Link from "next/link";
import type { OverviewRow } from "@/lib/chain";
import { LiveStatus } from "@/components/ui/LiveStatus";
import { Notice } from "@/components/ui/Notice";
import { useUrlQuery } from "@/components/ui/useUrlQuery";
import { ChainList } from "./ChainList";
import { LiveNotices } from "./LiveNotices";
import { useLiveObjects } from "./useLiveObjects";

export function chainHref(row: OverviewRow): string {
  const kind = row.root.kind === "KnativeService" ? "ksvc" : "httproute";
  return `/troubleshoot/${kind}/${encodeURIComponent(row.root.namespace)}/${encodeURIComponent(row.root.name)}`;
}

/** /troubleshoot: every chain in the cluster with its health, live. */
export function LiveOverview() {
  const live = useLiveObjects();
  const [query, setQuery] = useUrlQuery();
  return (
    <section aria-labelledby="troubleshoot-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="troubleshoot-title" className="text-2xl font-semibold">
            Troubleshoot
          </h1>
          <p className="text-sm text-slate-600">
            Every Knative Service and HTTPRoute, the worst first; open one to see where its chain breaks. No cluster access?{" "}
            <Link href="/troubleshoot/offline" className="text-sky-700 hover:underline">
              Diagnose a kubectl dump offline
            </Link>
            .
          </p>
        </div>
        <LiveStatus connection={live.connection} state={live.state} />
      </div>
      <LiveNotices live={live} />
      {!live.index ? (
        <Notice title="Loading chains…">Reading Knative Services, HTTPRoutes and everything they link to.</Notice>
      ) : (
        <ChainList index={live.index} query={query} setQuery={setQuery} open={(r) => ({ href: chainHref(r) })} emptyText="Create a Knative Service or an HTTPRoute; it appears here by itself." />
      )}
    </section>
  );
}
