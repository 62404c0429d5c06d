"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { HTTPRoute } from "@/lib/gateway";
import { elementIdForPath, findLimitViolations, type LimitViolation, type RouteGraph } from "@/lib/graph";
import { getCrd } from "@/lib/query";
import { useClusterContext } from "@/lib/query";
import { validateHTTPRoute, type ValidationError } from "@/lib/validate";
import { forApply } from "@/lib/canvas";

type Crd = Parameters<typeof validateHTTPRoute>[1];

export interface Validation {
  errors: ValidationError[];
  limits: LimitViolation[];
  /** Why validation cannot run (CRD unreadable); the server's dry-run still judges. */
  problem?: string;
}

/** The API server's verdict computed in the browser from the cluster's own CRD, on every edit. */
export function useValidation(graph: RouteGraph, route: HTTPRoute): Validation {
  const context = useClusterContext();
  const crd = useQuery({
    queryKey: ["crd", context, "httproutes.gateway.networking.k8s.io"],
    queryFn: async () => {
      const r = await getCrd("httproutes.gateway.networking.k8s.io");
      if (!r.ok) throw new Error(r.error.message);
      return r.value as unknown as Crd;
    },
    staleTime: Infinity,
  });
  return useMemo(() => {
    const routeId = graph.entries[0]?.ids.route ?? "";
    const limits = findLimitViolations(graph);
    if (!crd.data) return { errors: [], limits, ...(crd.error && { problem: `Cannot read the HTTPRoute CRD: ${crd.error.message}` }) };
    const errors = validateHTTPRoute(forApply(route, undefined), crd.data, { elementIdFor: (p) => elementIdForPath(graph, routeId, p) });
    return { errors, limits };
  }, [graph, route, crd.data, crd.error]);
}
