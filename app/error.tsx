"use client";
import { Notice } from "@/components/ui/Notice";

/** A page that failed to render: said in plain words, with a way to try again. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Notice tone="error" title="This page could not be shown">
      <p>{error.message || "Routeboard's server did not answer."}</p>
      <button type="button" onClick={reset} className="mt-2 rounded border border-red-300 bg-white px-3 py-1 text-sm">
        Try again
      </button>
    </Notice>
  );
}
