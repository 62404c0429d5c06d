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

/**
 * The first screen of the routes list, as the page will show it (sorted, filtered): what the
 * server renders so the first rows do not wait for the whole list to reach the browser.
 */
export function firstRoutes(routes: readonly HTTPRoute[], query: string, limit: number): { rows: RouteSummary[]; total: number; matching: number } {
  const all = routes.map(summarizeRoute).filter((r) => matchesQuery(r, query));
  all.sort(byNamespaceAndName);
  return { rows: all.slice(0, limit), total: routes.length, matching: all.length };
}
