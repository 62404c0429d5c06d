import type { Metadata } from "next";
import { NewRouteForm } from "@/components/routes/NewRouteForm";

export const metadata: Metadata = { title: "New HTTPRoute · Routeboard" };

export default function NewRoutePage() {
  return <NewRouteForm />;
}
