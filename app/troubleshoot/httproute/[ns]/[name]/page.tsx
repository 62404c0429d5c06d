import type { Metadata } from "next";
import { LiveChain } from "@/components/chain/LiveChain";

type Params = Promise<{ ns: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  return { title: `${decodeURIComponent(name)} · HTTPRoute chain · Routeboard` };
}

export default async function HTTPRouteChainPage({ params }: { params: Params }) {
  const { ns, name } = await params;
  return <LiveChain root={{ kind: "HTTPRoute", namespace: decodeURIComponent(ns), name: decodeURIComponent(name) }} />;
}
