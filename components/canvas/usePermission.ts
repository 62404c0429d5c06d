"use client";
import type { HTTPRoute } from "@/lib/gateway";
import { useWriteAccess } from "@/lib/query";

/** May this user change the route? (lib/query/use-write-access) */
export function usePermission(route: HTTPRoute): { forbidden?: string; checking: boolean } {
  return useWriteAccess({ kind: "HTTPRoute", namespace: route.metadata.namespace ?? "default", name: route.metadata.name ?? "" });
}
