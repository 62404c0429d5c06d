import type { Metadata } from "next";
import { Suspense } from "react";
import { LiveOverview } from "@/components/chain/LiveOverview";

export const metadata: Metadata = { title: "Troubleshoot · Routeboard" };

export default function TroubleshootPage() {
  return (
    <Suspense>
      <LiveOverview />
    </Suspense>
  );
}
