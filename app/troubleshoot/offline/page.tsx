import type { Metadata } from "next";
import { OfflineTroubleshoot } from "@/components/chain/OfflineTroubleshoot";

export const metadata: Metadata = { title: "Troubleshoot offline · Routeboard" };

export default function OfflinePage() {
  return <OfflineTroubleshoot />;
}
