import type { Metadata } from "next";
import { Suspense } from "react";
import { RoutesTable } from "@/components/routes/RoutesTable";

export const metadata: Metadata = { title: "HTTPRoutes · Routeboard" };

export default function RoutesPage() {
  return (
    <Suspense>
      <RoutesTable />
    </Suspense>
  );
}
