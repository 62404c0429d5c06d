import { parentSummaries, type ParentSummary } from "./parent-status";
import type { HTTPRoute } from "./types.generated";

/** What the routes list shows of one HTTPRoute. */
export interface RouteSummary {
  key: string;
  namespace: string;
  name: string;
  hostnames: string[];
  parents: ParentSummary[];
  ruleCount: number;
  /** Written by net-gateway-api for a KIngress: edits would be overwritten by its controller. */
  ownedByKIngress: boolean;
}

export function summarizeRoute(r: HTTPRoute): RouteSummary {
  const namespace = r.metadata.namespace ?? "default";
  const name = r.metadata.name ?? "";
  return {
    key: `${namespace}/${name}`,
    namespace,
    name,
    hostnames: r.spec.hostnames ?? [],
    parents: parentSummaries(r),
    ruleCount: r.spec.rules?.length ?? 0,
    ownedByKIngress: (r.metadata.ownerReferences ?? []).some((o) => o.kind === "Ingress" && o.apiVersion.startsWith("networking.internal.knative.dev/")),
  };
}

/**
 * Every whitespace-separated word of the query must appear in the namespace, name, a
 * hostname or a parent; `ns:team-a` narrows to one namespace.
 */
export function matchesQuery(s: RouteSummary, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = [s.namespace, s.name, `${s.namespace}/${s.name}`, ...s.hostnames, ...s.parents.map((p) => p.label)].map((x) => x.toLowerCase());
  return words.every((w) => (w.startsWith("ns:") ? s.namespace.toLowerCase() === w.slice(3) : hay.some((h) => h.includes(w))));
}

export function byNamespaceAndName(a: RouteSummary, b: RouteSummary): number {
  return a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
}
