"use server";
// The traffic page's one write: a Knative Service's spec.traffic (and its rollback record).
import type { KubeObject } from "@/lib/k8s";
import { noWriter, requestWriter } from "@/lib/session";
import type { Result } from "@/lib/store";
import { writeTraffic } from "@/lib/writes";

/** Dry-run or apply: { namespace, name, resourceVersion, before, traffic }, { dryRun, confirm? }. */
export async function submitTraffic(submission: unknown, step: unknown): Promise<Result<KubeObject>> {
  const w = await requestWriter();
  return "problem" in w ? noWriter(w) : writeTraffic(w.store, w.who, submission, step);
}
