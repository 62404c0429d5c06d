import { defaultTraffic, type KnativeService, type TrafficTarget } from "../knative";
import type { KubeObject } from "../k8s/meta";

/**
 * "Roll back" returns to the split in the cluster before the last apply through Routeboard.
 * That split is recorded on the Service itself, in this annotation, by the same server-side
 * apply that changes spec.traffic: it survives reloads and server restarts, every Routeboard
 * instance sees it, and it cannot drift from the apply it belongs to (one request, one write).
 */
export const PREVIOUS_TRAFFIC_ANNOTATION = "routeboard.dev/previous-traffic";

function isTarget(x: unknown): x is TrafficTarget {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;
  const t = x as Record<string, unknown>;
  return (
    (t.percent === undefined || typeof t.percent === "number") &&
    (t.revisionName === undefined || typeof t.revisionName === "string") &&
    (t.tag === undefined || typeof t.tag === "string") &&
    (t.latestRevision === undefined || typeof t.latestRevision === "boolean")
  );
}

/** The recorded split, or undefined when there is none or it is not readable (edited by hand). */
export function previousTraffic(ksvc: KnativeService): TrafficTarget[] | undefined {
  const raw = ksvc.metadata.annotations?.[PREVIOUS_TRAFFIC_ANNOTATION];
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) && v.length > 0 && v.every(isTarget) ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The server-side apply body: only what Routeboard owns — spec.traffic and the rollback
 * annotation. spec.template is left out on purpose: with server-side apply, fields absent
 * from the body stay as they are (they belong to other managers), and the API server
 * validates the merged object, so the template's required fields are still there.
 * metadata.resourceVersion is the version the user edited: if anyone changed the Service
 * since, the API server answers 409 and nothing is overwritten silently.
 */
export function trafficApplyBody(base: KnativeService, traffic: TrafficTarget[]): KubeObject {
  const before = defaultTraffic(base.spec?.traffic, { inService: true });
  return {
    apiVersion: base.apiVersion ?? "serving.knative.dev/v1",
    kind: "Service",
    metadata: {
      name: base.metadata.name,
      namespace: base.metadata.namespace,
      resourceVersion: base.metadata.resourceVersion,
      annotations: { [PREVIOUS_TRAFFIC_ANNOTATION]: JSON.stringify(before) },
    },
    spec: { traffic },
  };
}
