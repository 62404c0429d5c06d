"use client";
import Link from "next/link";
import { useMemo } from "react";
import { resolveChain, type ChainRoot } from "@/lib/chain";
import { LiveStatus } from "@/components/ui/LiveStatus";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { ChainView } from "./ChainView";
import { KIND_LABEL } from "./health";
import { LiveNotices } from "./LiveNotices";
import { useChainInputs } from "./useChainInputs";
import { useLiveObjects } from "./useLiveObjects";

/** The chain of one Knative Service or HTTPRoute, recomputed in the browser on every change. */
export function LiveChain({ root, predictControllers = false }: { root: ChainRoot; predictControllers?: boolean }) {
  const live = useLiveObjects();
  const inputs = useChainInputs(live, { predictControllers });
  const chain = useMemo(() => (inputs ? resolveChain(inputs.index, root, inputs.options) : undefined), [inputs, root]);
  const title = `${KIND_LABEL[root.kind]} ${root.namespace}/${root.name}`;
  return (
    <section aria-labelledby="chain-title" className="space-y-4">
      <PageHeader
        id="chain-title"
        title={title}
        back={
          <Link href="/troubleshoot" className="text-sky-700 hover:underline">
            ← All chains
          </Link>
        }
        actions={<LiveStatus connection={live.connection} state={live.state} />}
      >
        <p className="text-sm text-slate-600">
          {root.kind === "KnativeService"
            ? "Service → Configuration → Revisions; Route → KIngress → HTTPRoutes → Gateways → GatewayClass (on net-istio: → VirtualServices → Istio Gateways → their Services); backends."
            : "HTTPRoute → Gateways (listeners) → GatewayClass; backends."}{" "}
          Click an object (or Tab, Enter) for its conditions.
        </p>
      </PageHeader>
      <LiveNotices live={live} />
      {!chain ? (
        <Notice title="Loading the chain…">Reading every kind of the chain from the cluster.</Notice>
      ) : !chain.found ? (
        <Notice tone="warn" title={`There is no ${title}`}>
          It may have been deleted, or the name is misspelt.{" "}
          <Link href="/troubleshoot" className="underline">
            See every chain
          </Link>
          . This page keeps watching and shows it if it appears.
        </Notice>
      ) : (
        <ChainView chain={chain} />
      )}
    </section>
  );
}
