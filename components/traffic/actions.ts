"use server";
// Dry-run and apply of a Knative Service's spec.traffic with the user's own credentials. Its
// own action (not components/apply's) because the user may choose to take spec.traffic over
// from another field manager, and that choice must be dry-run too before it is applied.
import type { KnativeService, TrafficTarget } from "@/lib/knative";
import { validateTraffic } from "@/lib/knative";
import type { KubeObject } from "@/lib/k8s/meta";
import { applyObject, dryRunObject } from "@/components/apply/actions";
import type { Result } from "@/lib/store";
import { trafficApplyBody } from "@/lib/traffic/rollback";

export interface TrafficSubmission {
  namespace: string;
  name: string;
  /** The version the user edited; a newer one in the cluster makes the API server refuse. */
  resourceVersion: string;
  /** spec.traffic of that version, recorded for "Roll back". */
  before: TrafficTarget[] | undefined;
  traffic: TrafficTarget[];
}

export async function submitTraffic(s: TrafficSubmission, opts: { dryRun: boolean; force: boolean }): Promise<Result<KubeObject>> {
  if (!s || typeof s.name !== "string" || !s.name || typeof s.namespace !== "string" || !s.namespace || typeof s.resourceVersion !== "string" || !Array.isArray(s.traffic)) {
    return { ok: false, error: { type: "Invalid", message: "expected a Service's namespace, name, resourceVersion and traffic", causes: [] } };
  }
  // The webhook's rules again, server-side: no test or real path may skip them.
  const problems = validateTraffic(s.traffic, { inService: true });
  if (problems.length > 0) {
    return { ok: false, error: { type: "Invalid", message: "the traffic is not valid for Knative", causes: problems.map((p) => ({ field: p.path, message: p.message })) } };
  }
  const base: KnativeService = {
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: { name: s.name, namespace: s.namespace, resourceVersion: s.resourceVersion },
    spec: s.before ? { traffic: s.before } : {},
  };
  const body = trafficApplyBody(base, s.traffic);
  return opts.dryRun ? dryRunObject(body, { force: opts.force }) : applyObject(body, { force: opts.force });
}
