"use client";
import { useQuery } from "@tanstack/react-query";
import type { KindKey } from "../store";
import type { WritableNamespaces } from "../store/writable-namespaces";
import { getWritableNamespaces } from "./api";
import { useClusterContext } from "./cluster-context";

/** Where this user may create an object of `kind` (GET /api/access/namespaces); undefined while asking. */
export function useWritableNamespaces(kind: KindKey): { value?: WritableNamespaces; error?: string } {
  const context = useClusterContext();
  const q = useQuery({
    queryKey: ["writable-namespaces", context, kind],
    queryFn: async () => {
      const r = await getWritableNamespaces(kind);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
    staleTime: 60_000,
  });
  return { ...(q.data && { value: q.data }), ...(q.error && { error: q.error.message }) };
}
