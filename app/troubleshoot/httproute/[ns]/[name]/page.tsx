import type { Metadata } from "next";
import { LiveChain } from "@/components/chain/LiveChain";
import { requestSession } from "@/lib/session";

type Params = Promise<{ ns: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  return { title: `${decodeURIComponent(name)} · HTTPRoute chain · Routeboard` };
}

export default async function HTTPRouteChainPage({ params }: { params: Params }) {
  const { ns, name } = await params;
  // In a workspace folder, net-gateway-api's HTTPRoutes are predicted (see the overview).
  const { banner } = await requestSession();
  return (
    <LiveChain
      root={{ kind: "HTTPRoute", namespace: decodeURIComponent(ns), name: decodeURIComponent(name) }}
      predictControllers={banner.mode === "workspace"}
    />
  );
}
