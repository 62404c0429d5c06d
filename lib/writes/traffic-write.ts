// What the traffic page may write: a Knative Service's spec.traffic, and the rollback annotation
// recorded with it (lib/traffic/rollback). Nothing else of the Service.
import type { KnativeService, TrafficTarget } from "../knative";
import { validateTraffic } from "../knative";
import type { KubeObject } from "../k8s/meta";
import type { Result, Store } from "../store";
import { trafficApplyBody } from "../traffic/rollback";
import { isRecord, str } from "./input";
import { runWrite, writeStep } from "./run-write";

export interface TrafficSubmission {
  namespace: string;
  name: string;
  /** The version the user edited; a newer one in the cluster makes the API server refuse. */
  resourceVersion: string;
  /** spec.traffic of that version, recorded for "Roll back". */
  before: TrafficTarget[] | undefined;
  traffic: TrafficTarget[];
}

const TARGET_FIELDS: Record<string, "string" | "number" | "boolean"> = {
  tag: "string",
  revisionName: "string",
  configurationName: "string",
  latestRevision: "boolean",
  percent: "number",
};

/** A traffic list with only a TrafficTarget's spec fields, each of its type; undefined otherwise. */
function targets(v: unknown): TrafficTarget[] | undefined {
  if (!Array.isArray(v) || v.length > 1000) return undefined;
  const ok = v.every((t) => isRecord(t) && Object.entries(t).every(([k, x]) => TARGET_FIELDS[k] !== undefined && typeof x === TARGET_FIELDS[k]));
  return ok ? (v as TrafficTarget[]) : undefined;
}

function refused(message: string): Result<never> {
  console.warn(`routeboard: refused submitTraffic: ${message}`);
  return { ok: false, error: { type: "Invalid", message: `${message}. Nothing was changed.`, causes: [] } };
}

export async function writeTraffic(store: Store, who: string, raw: unknown, rawStep: unknown): Promise<Result<KubeObject>> {
  const step = writeStep(rawStep);
  if (!isRecord(raw) || !step) return refused("expected a Service's namespace, name, resourceVersion and traffic, and a step");
  const namespace = str(raw.namespace, "namespace");
  const name = str(raw.name, "name");
  const rv = str(raw.resourceVersion, "resourceVersion");
  const traffic = targets(raw.traffic);
  const before = raw.before === undefined ? undefined : targets(raw.before);
  if (!namespace.ok || !name.ok || !rv.ok) return refused([namespace, name, rv].flatMap((r) => (r.ok ? [] : [r.message])).join("; "));
  if (!traffic || (raw.before !== undefined && !before))
    return refused("traffic targets may hold only tag, revisionName, configurationName, latestRevision and percent");
  // The webhook's rules again, server-side: no test or real path may skip them.
  const problems = validateTraffic(traffic, { inService: true });
  if (problems.length > 0) {
    return {
      ok: false,
      error: { type: "Invalid", message: "the traffic is not valid for Knative", causes: problems.map((p) => ({ field: p.path, message: p.message })) },
    };
  }
  const base: KnativeService = {
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: { name: name.value, namespace: namespace.value, resourceVersion: rv.value },
    spec: before ? { traffic: before } : {},
  };
  return runWrite(store, who, trafficApplyBody(base, traffic), step);
}
