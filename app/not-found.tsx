import Link from "next/link";
import { Notice } from "@/components/ui/Notice";

export default function NotFound() {
  return (
    <Notice tone="warn" title="There is no such page">
      <Link className="underline" href="/routes">
        HTTPRoutes
      </Link>{" "}
      ·{" "}
      <Link className="underline" href="/services">
        Knative Services
      </Link>{" "}
      ·{" "}
      <Link className="underline" href="/troubleshoot">
        Troubleshoot
      </Link>
    </Notice>
  );
}
