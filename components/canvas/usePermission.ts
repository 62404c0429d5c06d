"use client";
import { useQuery } from "@tanstack/react-query";
import { dryRunObject } from "@/components/apply/actions";
import { forApply } from "@/lib/canvas/manifest";
import type { HTTPRoute } from "@/lib/gateway/types.generated";
import type { KubeObject } from "@/lib/k8s/meta";
import { useClusterContext } from "@/lib/query/cluster-context";

/**
 * May this user change the route? Asked the only way that is exact: a server-side dry-run of
 * the unchanged route with the user's credentials. Forbidden means the canvas opens read-only.
 */
export function usePermission(route: HTTPRoute): { forbidden?: string; checking: boolean } {
  const context = useClusterContext();
  const q = useQuery({
    queryKey: ["may-write", context, route.metadata.namespace, route.metadata.name],
    queryFn: async () => {
      const r = await dryRunObject(forApply(route, undefined) as unknown as KubeObject);
      return !r.ok && r.error.type === "Forbidden" ? r.error.message : null;
    },
    staleTime: 60_000,
  });
  return { checking: q.isPending, ...(q.data && { forbidden: q.data }) };
}
