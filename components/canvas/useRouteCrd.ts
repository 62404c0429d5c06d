"use client";
import { useQuery } from "@tanstack/react-query";
import type { CustomResourceDefinition } from "@/lib/validate";
import { getCrd } from "@/lib/query";
import { useClusterContext } from "@/lib/query";

/** The cluster's own HTTPRoute CRD, which the editor validates drafts with as the API server would. */
export function useRouteCrd(): { crd?: CustomResourceDefinition; problem?: string } {
  const context = useClusterContext();
  const q = useQuery({
    queryKey: ["crd", context, "httproutes.gateway.networking.k8s.io"],
    queryFn: async () => {
      const r = await getCrd("httproutes.gateway.networking.k8s.io");
      if (!r.ok) throw new Error(r.error.message);
      return r.value as unknown as CustomResourceDefinition;
    },
    staleTime: Infinity,
  });
  return { ...(q.data && { crd: q.data }), ...(q.error && { problem: `Cannot read the HTTPRoute CRD: ${q.error.message}` }) };
}
