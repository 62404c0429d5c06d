import type { Metadata } from "next";
import { LiveChain } from "@/components/chain/LiveChain";
import { requestSession } from "@/lib/session";

type Params = Promise<{ ns: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  return { title: `${decodeURIComponent(name)} · Knative Service chain · Routeboard` };
}

export default async function KsvcChainPage({ params }: { params: Params }) {
  const { ns, name } = await params;
  const { banner } = await requestSession();
  return (
    <LiveChain
      root={{ kind: "KnativeService", namespace: decodeURIComponent(ns), name: decodeURIComponent(name) }}
      predictControllers={banner.mode === "workspace"}
    />
  );
}
