// The status of routes of the other kinds (GRPCRoute, TLSRoute, TCPRoute, UDPRoute) for each
// parentRef, by the same ParentReference and Listener rules as HTTPRoutes (route.ts): Accepted
// from attachment (sectionName, port, allowedRoutes kinds and namespaces, hostnames for the
// kinds that have them), ResolvedRefs from their backendRefs (ReferenceGrants from that kind).
import { attach, effectiveHostnames, GATEWAY_GROUP, type AnyListener } from "../listeners";
import { resolveBackend } from "./backends";
import { condition } from "./conditions";
import type { GatewayModel } from "./gateway";
import type { Inputs, OtherRoute } from "./inputs";
import type { ListenerModel } from "./listeners";
import { resolveParent } from "./route";
import type { PredictedCondition, RouteParentPrediction } from "./types";

export interface OtherRouteModel {
  readonly route: OtherRoute;
  readonly parents: readonly RouteParentPrediction[];
  /** The listeners it is Accepted on (counted in their attachedRoutes). */
  readonly attachments: readonly ListenerModel[];
}

const CAUSE: Readonly<Record<string, string>> = {
  sectionName: "no listener of the parent has that sectionName",
  port: "no selected listener listens on that port",
  notAccepted: "the selected listeners are not accepted, so they take no routes",
  kinds: "no selected listener takes this route kind",
  namespaces: "the route's namespace is not allowed by the selected listeners",
  hostnames: "no hostname of the route intersects a selected listener's",
};

function resolvedRefs(r: OtherRoute, inputs: Inputs): PredictedCondition {
  for (const ref of r.rules.flat()) {
    const b = resolveBackend(ref, r.namespace, inputs, r.kind);
    if (!b.valid && b.reason && b.rule) return condition("ResolvedRefs", "False", b.reason, b.message ?? "", b.rule);
  }
  return condition("ResolvedRefs", "True", "ResolvedRefs", `every backendRef of ${r.kind} ${r.namespace}/${r.name} resolves`, "resolvedRefs");
}

export function predictOtherRoute(r: OtherRoute, gateways: ReadonlyMap<string, GatewayModel>, inputs: Inputs): OtherRouteModel {
  const refs = resolvedRefs(r, inputs);
  const attachments: ListenerModel[] = [];
  const parents = r.parentRefs.map((ref): RouteParentPrediction => {
    const parent = {
      group: ref.group ?? GATEWAY_GROUP,
      kind: ref.kind ?? "Gateway",
      namespace: ref.namespace ?? r.namespace,
      name: ref.name,
      ...(ref.sectionName !== undefined && { sectionName: ref.sectionName }),
      ...(ref.port !== undefined && { port: ref.port }),
    };
    const res = resolveParent(parent, gateways, inputs);
    if (res.kind === "skip") {
      const conditions = res.rule === "parentUnsupported" ? [] : [condition("Accepted", "Unknown", "Pending", res.why, res.rule)];
      return { parentRef: ref, parent, reconciled: res.reconciled, conditions, listeners: [] };
    }
    const v = attach<AnyListener>({
      kind: { group: GATEWAY_GROUP, kind: r.kind },
      namespace: r.namespace,
      hostnames: r.hostnames,
      ref,
      listeners: res.listeners.map((l) => l.listener),
      ownerNamespace: res.owner,
      labels: inputs.namespaceLabels,
      usable: (l) => res.listeners.find((m) => m.listener === l)?.usable ?? false,
    });
    if (!v.ok) {
      const rule =
        v.cause === "sectionName" || v.cause === "port"
          ? "noMatchingParent"
          : v.cause === "hostnames"
            ? "noMatchingHostname"
            : v.cause === "kinds"
              ? "notAllowedKinds"
              : v.cause === "namespaces"
                ? "notAllowedNamespaces"
                : "notAllowedNotAccepted";
      return {
        parentRef: ref,
        parent,
        reconciled: true,
        conditions: [condition("Accepted", "False", v.reason, `${res.label}: ${CAUSE[v.cause] ?? v.cause}`, rule), refs],
        listeners: [],
      };
    }
    const mine = v.listeners.flatMap((l) => res.listeners.filter((m) => m.listener === l));
    attachments.push(...mine);
    const accepted = condition(
      "Accepted",
      "True",
      "Accepted",
      `${r.kind} ${r.namespace}/${r.name} is attached to ${res.label} through listeners ${v.listeners.map((l) => l.name).join(", ")}`,
      "accepted",
    );
    const listeners = mine.map((m) => ({
      gateway: m.gateway,
      source: m.source,
      listener: m.listener.name,
      hostnames: r.hostnames === undefined ? ("any" as const) : effectiveHostnames(r.hostnames, m.listener.hostname),
    }));
    return { parentRef: ref, parent, reconciled: true, conditions: [accepted, refs], listeners };
  });
  return { route: r, parents, attachments };
}
