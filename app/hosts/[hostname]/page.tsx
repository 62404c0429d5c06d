import type { Metadata } from "next";
import { HostCanvas } from "@/components/canvas/HostCanvas";

type Params = Promise<{ hostname: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).hostname)} · Routeboard` };
}

export default async function HostPage({ params }: { params: Params }) {
  return <HostCanvas hostname={decodeURIComponent((await params).hostname)} />;
}
