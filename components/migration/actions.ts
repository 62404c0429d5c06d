"use server";
// The migration planner's one write: a Knative Service's ingress-class annotation.
import type { KubeObject } from "@/lib/k8s";
import { noWriter, requestWriter } from "@/lib/session";
import type { Result } from "@/lib/store";
import { writeIngressClass } from "@/lib/writes";

/** Dry-run or apply: { namespace, name, resourceVersion, ingressClass }, { dryRun, confirm? }. */
export async function submitIngressClass(submission: unknown, step: unknown): Promise<Result<KubeObject>> {
  const w = await requestWriter();
  return "problem" in w ? noWriter(w) : writeIngressClass(w.store, w.who, submission, step);
}
