"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Notice } from "@/components/ui/Notice";
import { decodeDraft, draftKey } from "@/lib/canvas";
import type { HTTPRoute } from "@/lib/gateway";
import { getObject } from "@/lib/query";
import { useClusterContext } from "@/lib/query";
import { EditorView } from "./EditorView";

/** Loads one HTTPRoute (or the draft of a new one) and opens it on the canvas. */
export function RouteEditor({ namespace, name }: { namespace: string; name: string }) {
  const context = useClusterContext();
  const q = useQuery({
    queryKey: ["httproute", context, namespace, name],
    queryFn: async () => {
      const r = await getObject({ kind: "HTTPRoute", namespace, name });
      if (r.ok) return { route: r.value as unknown as HTTPRoute };
      if (r.error.type === "NotFound") {
        const draft = decodeDraft(window.localStorage.getItem(draftKey(context, namespace, name)));
        return draft && draft.baseResourceVersion === "" ? { route: draft.route, isNew: true } : { missing: true };
      }
      throw new Error(r.error.type === "Forbidden" ? `You may not read this route: ${r.error.message}` : r.error.message);
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (q.isPending) return <Notice title={`Loading HTTPRoute ${namespace}/${name}…`} />;
  if (q.error)
    return (
      <Notice tone="error" title={`Cannot open HTTPRoute ${namespace}/${name}`}>
        {q.error.message}
      </Notice>
    );
  if (!q.data.route) {
    return (
      <Notice tone="warn" title={`There is no HTTPRoute ${namespace}/${name}`}>
        It may have been deleted.{" "}
        <Link className="underline" href="/routes">
          Back to the routes
        </Link>
        , or{" "}
        <Link className="underline" href="/routes/new">
          start a new route
        </Link>
        .
      </Notice>
    );
  }
  return <EditorView key={`${context}:${namespace}/${name}`} loaded={q.data.route} isNew={q.data.isNew === true} />;
}
