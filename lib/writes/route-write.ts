// What the canvas may write: one HTTPRoute (its spec, which the canvas edits whole; labels and
// annotations only where changed), and the ReferenceGrants it offers for its backends.
import { missingGrants } from "../gateway/reference-grants";
import type { HTTPRoute, ReferenceGrant } from "../gateway/types.generated";
import type { KubeObject } from "../k8s/meta";
import type { Result, Store } from "../store";
import { FIELD_MANAGER } from "../store/cluster/cluster-store";
import { isRecord, str, stringMap } from "./input";
import { narrowBody, type Submission } from "./narrow-body";
import { invalid, logWrite, runWrite, writeStep } from "./run-write";

const API_VERSION = "gateway.networking.k8s.io/v1";

function refused(action: string, message: string): Result<never> {
  console.warn(`routeboard: refused ${action}: ${message}`);
  return invalid(`${message}. Nothing was changed.`);
}

/** An HTTPRoute as the canvas sends it: namespace, name, the version edited ("" for a new route), spec. */
export function readRouteSubmission(raw: unknown): Submission | string {
  if (!isRecord(raw)) return "expected an HTTPRoute's namespace, name, resourceVersion and spec";
  const namespace = str(raw.namespace, "namespace");
  if (!namespace.ok) return namespace.message;
  const name = str(raw.name, "name");
  if (!name.ok) return name.message;
  const rv = str(raw.resourceVersion, "resourceVersion", { empty: true });
  if (!rv.ok) return rv.message;
  const labels = stringMap(raw.labels, "labels");
  if (!labels.ok) return labels.message;
  const annotations = stringMap(raw.annotations, "annotations");
  if (!annotations.ok) return annotations.message;
  if (!isRecord(raw.spec)) return "spec must be an object";
  return {
    apiVersion: API_VERSION,
    kind: "HTTPRoute",
    namespace: namespace.value,
    name: name.value,
    resourceVersion: rv.value,
    spec: raw.spec,
    ...(labels.value && { labels: labels.value }),
    ...(annotations.value && { annotations: annotations.value }),
  };
}

/** Dry-run or apply one HTTPRoute from the canvas. */
export async function writeRoute(store: Store, who: string, raw: unknown, rawStep: unknown): Promise<Result<KubeObject>> {
  const s = readRouteSubmission(raw);
  const step = writeStep(rawStep);
  if (typeof s === "string" || !step) return refused("submitRoute", typeof s === "string" ? s : "expected a step: { dryRun, confirm? }");
  const current = await store.get({ kind: "HTTPRoute", namespace: s.namespace, name: s.name });
  const early = (r: Result<KubeObject>) => (logWrite(who, step, { kind: s.kind, metadata: { namespace: s.namespace, name: s.name } }, false, r), r);
  if (!current.ok && current.error.type !== "NotFound") return early(current);
  if (current.ok && !s.resourceVersion) {
    // A new route whose name someone took meanwhile: applying would merge into theirs.
    return early({
      ok: false,
      error: {
        type: "Conflict",
        stale: true,
        conflicts: [],
        message: `An HTTPRoute ${s.namespace}/${s.name} exists already (created since you started this one). Choose another name, or open the existing route.`,
      },
    });
  }
  if (!current.ok && s.resourceVersion) {
    return early({
      ok: false,
      error: { type: "Conflict", stale: true, conflicts: [], message: `HTTPRoute ${s.namespace}/${s.name} was deleted since you loaded it.` },
    });
  }
  const body = narrowBody(s, current.ok ? current.value : undefined, { spec: "all", manager: FIELD_MANAGER });
  return runWrite(store, who, body, step);
}

/**
 * The ReferenceGrants the canvas offers with a route: exactly those its Services in other
 * namespaces still need (lib/gateway/reference-grants, as the page computed them), so a call can
 * grant nothing the route does not use.
 */
export async function writeGrants(store: Store, who: string, raw: unknown, rawStep: unknown): Promise<Result<KubeObject[]>> {
  const s = readRouteSubmission(raw);
  const step = writeStep(rawStep);
  if (typeof s === "string" || !step) return refused("submitGrants", typeof s === "string" ? s : "expected a step: { dryRun }");
  const known = await store.load("ReferenceGrant");
  const existing = known.state === "ready" ? (known.items as unknown as ReferenceGrant[]) : [];
  const route = { apiVersion: s.apiVersion, kind: s.kind, metadata: { namespace: s.namespace, name: s.name }, spec: s.spec } as unknown as HTTPRoute;
  const out: KubeObject[] = [];
  for (const g of missingGrants(route, existing)) {
    const r = await runWrite(store, who, g as unknown as KubeObject, { dryRun: step.dryRun });
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}
