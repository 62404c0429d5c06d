import type { Metadata } from "next";
import { RouteEditor } from "@/components/canvas/RouteEditor";

type Params = Promise<{ namespace: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { namespace, name } = await params;
  return { title: `${namespace}/${name} · Routeboard` };
}

export default async function RoutePage({ params }: { params: Params }) {
  const { namespace, name } = await params;
  return <RouteEditor namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} />;
}
