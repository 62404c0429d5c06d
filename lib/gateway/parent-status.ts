import type { HTTPRoute } from "./types.generated";

type ParentRef = NonNullable<HTTPRoute["spec"]["parentRefs"]>[number];
type RouteParentStatus = NonNullable<HTTPRoute["status"]>["parents"][number];

export interface ConditionSummary {
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
  /** The condition was written for an older generation of the route. */
  stale: boolean;
}

export interface ParentSummary {
  /** `namespace/name` of the Gateway (or other parent), plus `/section` or `:port` when set. */
  label: string;
  ref: ParentRef;
  accepted?: ConditionSummary;
  resolvedRefs?: ConditionSummary;
  /** No controller has written status for this parent yet. */
  pending: boolean;
}

function sameParent(a: ParentRef, b: ParentRef, routeNamespace: string): boolean {
  return (
    (a.group ?? "gateway.networking.k8s.io") === (b.group ?? "gateway.networking.k8s.io") &&
    (a.kind ?? "Gateway") === (b.kind ?? "Gateway") &&
    (a.namespace ?? routeNamespace) === (b.namespace ?? routeNamespace) &&
    a.name === b.name &&
    (a.sectionName ?? "") === (b.sectionName ?? "") &&
    (a.port ?? 0) === (b.port ?? 0)
  );
}

export function parentLabel(ref: ParentRef, routeNamespace: string): string {
  const kind = (ref.kind ?? "Gateway") === "Gateway" ? "" : `${ref.kind}:`;
  const section = ref.sectionName ? `/${ref.sectionName}` : "";
  const port = ref.port ? `:${ref.port}` : "";
  return `${kind}${ref.namespace ?? routeNamespace}/${ref.name}${section}${port}`;
}

function condition(p: RouteParentStatus | undefined, type: string, generation?: number): ConditionSummary | undefined {
  const c = p?.conditions.find((x) => x.type === type);
  if (!c) return undefined;
  return {
    status: c.status,
    reason: c.reason,
    message: c.message,
    stale: generation !== undefined && c.observedGeneration !== undefined && c.observedGeneration < generation,
  };
}

/**
 * Each parentRef of a route with the Accepted and ResolvedRefs conditions that its
 * controller wrote for that parent (status.parents is keyed by parentRef).
 */
export function parentSummaries(route: HTTPRoute): ParentSummary[] {
  const ns = route.metadata.namespace ?? "default";
  const parents = route.status?.parents ?? [];
  return (route.spec.parentRefs ?? []).map((ref) => {
    const st = parents.find((p) => sameParent(p.parentRef, ref, ns));
    return {
      label: parentLabel(ref, ns),
      ref,
      accepted: condition(st, "Accepted", route.metadata.generation),
      resolvedRefs: condition(st, "ResolvedRefs", route.metadata.generation),
      pending: st === undefined,
    };
  });
}
