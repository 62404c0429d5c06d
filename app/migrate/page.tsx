import type { Metadata } from "next";
import { Suspense } from "react";
import { MigrationPlanner } from "@/components/migration/MigrationPlanner";

export const metadata: Metadata = { title: "Migrate to the Gateway API · Routeboard" };

export default function MigratePage() {
  return (
    <Suspense>
      <MigrationPlanner />
    </Suspense>
  );
}
