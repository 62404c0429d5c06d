import type { Metadata } from "next";
import { Suspense } from "react";
import { LiveOverview } from "@/components/chain/LiveOverview";
import { requestSession } from "@/lib/session";

export const metadata: Metadata = { title: "Troubleshoot · Routeboard" };

export default async function TroubleshootPage() {
  // A workspace folder holds Knative Services, not what the controllers make of them: predict that.
  const { banner } = await requestSession();
  return (
    <Suspense>
      <LiveOverview predictControllers={banner.mode === "workspace"} />
    </Suspense>
  );
}
