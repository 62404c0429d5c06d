import type { Metadata } from "next";
import { TrafficEditor } from "@/components/traffic/TrafficEditor";

type Params = Promise<{ namespace: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { namespace, name } = await params;
  return { title: `${namespace}/${name} traffic · Routeboard` };
}

export default async function ServiceTrafficPage({ params }: { params: Params }) {
  const { namespace, name } = await params;
  return <TrafficEditor namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} />;
}
