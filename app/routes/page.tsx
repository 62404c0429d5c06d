import type { Metadata } from "next";
import { Suspense } from "react";
import { RoutesTable } from "@/components/routes/RoutesTable";
import { firstRoutes, type HTTPRoute } from "@/lib/gateway";
import { requestSession } from "@/lib/session";
import { loadWithin } from "@/lib/store";

export const metadata: Metadata = { title: "HTTPRoutes · Routeboard" };

/** Rows rendered on the server: more than a screen, a small part of a large cluster. */
const FIRST_ROWS = 60;

export default async function RoutesPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const [{ store }, params] = await Promise.all([requestSession(), searchParams]);
  const q = typeof params.q === "string" ? params.q : "";
  const snap = store && (await loadWithin(store, "HTTPRoute", 1500));
  const initial = snap ? { ...firstRoutes(snap.items as unknown as HTTPRoute[], q, FIRST_ROWS), query: q } : undefined;
  return (
    <Suspense>
      <RoutesTable initial={initial} />
    </Suspense>
  );
}
