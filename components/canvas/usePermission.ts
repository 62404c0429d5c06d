"use client";
import { useQuery } from "@tanstack/react-query";
import type { HTTPRoute } from "@/lib/gateway/types.generated";
import { getAccess } from "@/lib/query/api";
import { useClusterContext } from "@/lib/query/cluster-context";

/**
 * May this user change the route? The API server's own access review with the user's
 * credentials (GET /api/access). Not allowed means the canvas opens read-only; the dry-run
 * before every apply still has the last word.
 */
export function usePermission(route: HTTPRoute): { forbidden?: string; checking: boolean } {
  const context = useClusterContext();
  const ref = { kind: "HTTPRoute" as const, namespace: route.metadata.namespace ?? "default", name: route.metadata.name ?? "" };
  const q = useQuery({
    queryKey: ["may-write", context, ref.namespace, ref.name],
    queryFn: async () => {
      const r = await getAccess(ref);
      if (!r.ok) return r.error.type === "Forbidden" ? r.error.message : null;
      return r.value.allowed ? null : (r.value.reason ?? "forbidden");
    },
    staleTime: 60_000,
  });
  return { checking: q.isPending, ...(q.data && { forbidden: q.data }) };
}
