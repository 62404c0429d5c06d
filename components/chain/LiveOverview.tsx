"use client";
import Link from "next/link";
import { PageHeader } from "@/components/ui/PageHeader";
import type { OverviewRow } from "@/lib/chain";
import { LiveStatus } from "@/components/ui/LiveStatus";
import { Notice } from "@/components/ui/Notice";
import { useUrlQuery } from "@/components/ui/useUrlQuery";
import { ChainList } from "./ChainList";
import { LiveNotices } from "./LiveNotices";
import { useChainInputs } from "./useChainInputs";
import { useLiveObjects } from "./useLiveObjects";

export function chainHref(row: OverviewRow): string {
  const kind = row.root.kind === "KnativeService" ? "ksvc" : "httproute";
  return `/troubleshoot/${kind}/${encodeURIComponent(row.root.namespace)}/${encodeURIComponent(row.root.name)}`;
}

const openChain = (row: OverviewRow) => ({ href: chainHref(row) });

/** /troubleshoot: every chain in the cluster with its health, live. */
export function LiveOverview({ predictControllers = false }: { predictControllers?: boolean }) {
  const live = useLiveObjects();
  const [query, setQuery] = useUrlQuery();
  const inputs = useChainInputs(live, { predictControllers });
  return (
    <section aria-labelledby="troubleshoot-title" className="space-y-4">
      <PageHeader id="troubleshoot-title" title="Troubleshoot" actions={<LiveStatus connection={live.connection} state={live.state} />}>
        <p className="text-sm text-slate-600">
          Every Knative Service and HTTPRoute, the worst first; open one to see where its chain breaks. No cluster access?{" "}
          <Link href="/troubleshoot/offline" className="text-sky-700 underline">
            Diagnose a kubectl dump offline
          </Link>
          .
        </p>
      </PageHeader>
      <LiveNotices live={live} />
      {!inputs ? (
        <Notice title="Loading chains…">Reading Knative Services, HTTPRoutes and everything they link to.</Notice>
      ) : (
        <ChainList
          index={inputs.index}
          options={inputs.options}
          query={query}
          setQuery={setQuery}
          open={openChain}
          emptyText="Create a Knative Service or an HTTPRoute; it appears here by itself."
        />
      )}
    </section>
  );
}
