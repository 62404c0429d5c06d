"use client";
import { useQuery } from "@tanstack/react-query";
import type { ObjectRef } from "../store";
import { getAccess } from "./api";
import { useClusterContext } from "./cluster-context";
import { useReadOnly } from "./read-only";

export const READ_ONLY_REASON = "Routeboard runs read-only here (ROUTEBOARD_READ_ONLY): it makes no changes.";

/**
 * May this user change the object? Read-only mode says no at once; otherwise the API server's
 * own access review with the user's credentials (GET /api/access). Editing pages open read-only
 * when not, and say why; the dry-run before every apply still has the last word.
 */
export function useWriteAccess(ref: ObjectRef): { forbidden?: string; checking: boolean } {
  const context = useClusterContext();
  const readOnly = useReadOnly();
  const q = useQuery({
    queryKey: ["may-write", context, ref.kind, ref.namespace, ref.name],
    queryFn: async () => {
      const r = await getAccess(ref);
      if (!r.ok) return r.error.type === "Forbidden" ? r.error.message : null;
      return r.value.allowed ? null : (r.value.reason ?? "forbidden");
    },
    staleTime: 60_000,
    enabled: !readOnly,
  });
  if (readOnly) return { checking: false, forbidden: READ_ONLY_REASON };
  return { checking: q.isPending, ...(q.data && { forbidden: q.data }) };
}
