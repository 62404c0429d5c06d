"use server";
// The canvas's writes: one HTTPRoute, and the ReferenceGrants it offers. Nothing else.
import type { KubeObject } from "@/lib/k8s";
import { noWriter, requestWriter } from "@/lib/session";
import type { Result } from "@/lib/store";
import { writeGrants, writeRoute } from "@/lib/writes";

/** Dry-run or apply an HTTPRoute: { namespace, name, resourceVersion, spec, labels?, annotations? }, { dryRun, confirm? }. */
export async function submitRoute(route: unknown, step: unknown): Promise<Result<KubeObject>> {
  const w = await requestWriter();
  return "problem" in w ? noWriter(w) : writeRoute(w.store, w.who, route, step);
}

/** Dry-run or apply the ReferenceGrants this route (as for submitRoute) still needs for its Services in other namespaces. */
export async function submitGrants(grants: unknown, step: unknown): Promise<Result<KubeObject[]>> {
  const w = await requestWriter();
  return "problem" in w ? noWriter(w) : writeGrants(w.store, w.who, grants, step);
}
