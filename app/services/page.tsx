import type { Metadata } from "next";
import { ServicesTable } from "@/components/services/ServicesTable";

export const metadata: Metadata = { title: "Knative Services · Routeboard" };

export default function ServicesPage() {
  return <ServicesTable />;
}
