"use client";
import { useRouter } from "next/navigation";
import { decodeDraft, draftKey, encodeDraft } from "@/lib/canvas";
import type { Suggestion } from "@/lib/migration";
import { useClusterContext } from "@/lib/query";

/**
 * Opens a suggested HTTPRoute on the canvas as a new draft. A draft the user already started
 * under that name is opened as it is, never replaced.
 */
export function OpenDraftButton({ suggestion, from, className = "" }: { suggestion: Suggestion; from: string; className?: string }) {
  const context = useClusterContext();
  const router = useRouter();
  const ns = suggestion.route.metadata.namespace ?? "default";
  const name = suggestion.route.metadata.name ?? "";
  const open = () => {
    const key = draftKey(context, ns, name);
    if (!decodeDraft(window.localStorage.getItem(key)))
      window.localStorage.setItem(key, encodeDraft(suggestion.route, "", new Date(), { from, notes: suggestion.notes }));
    router.push(`/routes/${encodeURIComponent(ns)}/${encodeURIComponent(name)}`);
  };
  return (
    <button
      type="button"
      onClick={open}
      className={`nodrag rounded border border-violet-400 bg-white px-2 py-0.5 font-medium text-violet-900 hover:bg-violet-100 ${className}`}
    >
      Open the suggested HTTPRoute {ns}/{name} as a draft
    </button>
  );
}
