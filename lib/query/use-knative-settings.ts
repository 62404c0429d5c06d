"use client";
import { useQuery } from "@tanstack/react-query";
import type { KnativeSettings } from "../knative/settings";
import { getKnativeSettings } from "./api";
import { useClusterContext } from "./cluster-context";

/** Knative's configuration in effect on the server's store (GET /api/knative-settings); undefined while loading. */
export function useKnativeSettings(): { settings?: KnativeSettings; error?: string } {
  const context = useClusterContext();
  const q = useQuery({
    queryKey: ["knative-settings", context],
    queryFn: async () => {
      const r = await getKnativeSettings();
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
    staleTime: 60_000,
  });
  return { ...(q.data && { settings: q.data }), ...(q.error && { error: q.error.message }) };
}
