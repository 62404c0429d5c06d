// ReferenceGrants (Gateway API, v1beta1): an HTTPRoute may send traffic to a Service in another
// namespace only when a ReferenceGrant in that namespace allows HTTPRoutes from the route's
// namespace; without one the route's ResolvedRefs condition is RefNotPermitted and the Gateway
// answers 500 for that backend. https://gateway-api.sigs.k8s.io/api-types/referencegrant/
import type { HTTPRoute, ReferenceGrant } from "./types.generated";

const GROUP = "gateway.networking.k8s.io";

/** The referring side of a cross-namespace reference: e.g. HTTPRoutes, Gateways or ListenerSets in one namespace. */
export interface ReferenceFrom {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
}

/** The referent: e.g. the Service or Secret `namespace/name` (group "" is the core group). */
export interface ReferenceTo {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/**
 * Whether one of `grants` (in the referent's namespace) allows the reference. A grant's `to`
 * without a name allows every object of that group and kind in its namespace.
 */
export function referenceAllowed(grants: readonly ReferenceGrant[], from: ReferenceFrom, to: ReferenceTo): boolean {
  return grants.some(
    (g) =>
      g.metadata.namespace === to.namespace &&
      g.spec.from.some((f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace) &&
      g.spec.to.some((t) => t.group === to.group && t.kind === to.kind && (t.name === undefined || t.name === "" || t.name === to.name)),
  );
}

/** Whether one of `grants` lets HTTPRoutes in `routeNs` use the Service `svcNs/svcName`. */
export function grantAllows(grants: readonly ReferenceGrant[], routeNs: string, svcNs: string, svcName: string): boolean {
  return referenceAllowed(grants, { group: GROUP, kind: "HTTPRoute", namespace: routeNs }, { group: "", kind: "Service", namespace: svcNs, name: svcName });
}

/** A ReferenceGrant letting HTTPRoutes in `fromNamespace` use one Service in its namespace. */
export function referenceGrantFor(fromNamespace: string, to: { namespace: string; name: string }): ReferenceGrant {
  return {
    apiVersion: `${GROUP}/v1beta1`,
    kind: "ReferenceGrant",
    metadata: { name: `routeboard-${fromNamespace}-to-${to.name}`.slice(0, 253), namespace: to.namespace },
    spec: {
      from: [{ group: GROUP, kind: "HTTPRoute", namespace: fromNamespace }],
      to: [{ group: "", kind: "Service", name: to.name }],
    },
  };
}

/** The ReferenceGrants `route` still needs for its Services in other namespaces, one per Service. */
export function missingGrants(route: HTTPRoute, grants: readonly ReferenceGrant[]): ReferenceGrant[] {
  const routeNs = route.metadata.namespace ?? "default";
  const needed = new Map<string, ReferenceGrant>();
  for (const rule of route.spec.rules ?? []) {
    for (const ref of rule.backendRefs ?? []) {
      if ((ref.group ?? "") !== "" || (ref.kind ?? "Service") !== "Service") continue;
      const svcNs = ref.namespace ?? routeNs;
      if (svcNs === routeNs || grantAllows(grants, routeNs, svcNs, ref.name)) continue;
      needed.set(`${svcNs}/${ref.name}`, referenceGrantFor(routeNs, { namespace: svcNs, name: ref.name }));
    }
  }
  return [...needed.values()];
}
