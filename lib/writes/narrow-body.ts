// The body of a server-side apply that holds only what the page changed, plus what Routeboard
// already owns (leaving out a field Routeboard owns would delete it). Fields the page did not
// change stay with their owners: Routeboard never becomes a co-owner of someone else's
// hostnames, labels or kubectl's last-applied annotation by writing back the value it read.
import { ownedBy } from "../k8s/managed-fields";
import type { KubeObject } from "../k8s/meta";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

export interface Submission {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  /** The version the user edited ("" for a new object): a newer one makes the API server refuse. */
  resourceVersion: string;
  spec: Record<string, unknown>;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface Scope {
  /**
   * The spec fields this page edits: "all" (the canvas: an absent field was removed by the
   * user), or a list (the traffic page: spec.traffic); others are never sent.
   */
  spec: "all" | readonly string[];
  manager: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function pickMap(
  submitted: Record<string, string> | undefined,
  current: Record<string, string> | undefined,
  owned: Set<string>,
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(submitted ?? {})) {
    if (k === LAST_APPLIED) continue;
    if (owned.has(k) || current?.[k] !== v) out[k] = v;
  }
  // Kept as they are: removing labels or annotations is not something any page does.
  for (const k of owned) if (!(k in out) && k !== LAST_APPLIED && current?.[k] !== undefined) out[k] = current[k];
  return Object.keys(out).length ? out : undefined;
}

/** `current`: the object as the API server (or workspace) has it now, undefined when it does not exist. */
export function narrowBody(s: Submission, current: KubeObject | undefined, scope: Scope): KubeObject {
  const owned = ownedBy(current, scope.manager);
  const now = (current?.spec ?? {}) as Record<string, unknown>;
  const keys = scope.spec === "all" ? new Set([...Object.keys(s.spec), ...Object.keys(now), ...owned.spec]) : new Set(scope.spec);
  const spec: Record<string, unknown> = {};
  for (const k of keys) {
    if (!Object.hasOwn(s.spec, k)) continue; // absent: removed if Routeboard owned it, else left to its owner
    if (!current || owned.spec.has(k) || !same(s.spec[k], now[k])) spec[k] = s.spec[k];
  }
  const labels = pickMap(s.labels, current?.metadata.labels, owned.labels);
  const annotations = pickMap(s.annotations, current?.metadata.annotations, owned.annotations);
  return {
    apiVersion: s.apiVersion,
    kind: s.kind,
    metadata: {
      name: s.name,
      namespace: s.namespace,
      ...(s.resourceVersion && { resourceVersion: s.resourceVersion }),
      ...(labels && { labels }),
      ...(annotations && { annotations }),
    },
    spec,
  };
}
