// predictStatus: the status a conformant Gateway API implementation must write for the given
// objects, from their spec alone. buildModel is the richer form matchRequest routes on.
import type { KubeObject } from "../../k8s/meta";
import { RULES } from "./conditions";
import { orphanListenerSet, predictGateway, type GatewayModel, type ListenerSetModel } from "./gateway";
import { backendTLSPredictions } from "./ancestors";
import { fullName, nameOf, nsOf, readInputs, type Inputs, type OtherRoute } from "./inputs";
import type { ListenerModel } from "./listeners";
import { predictRoute, type Attachment, type RouteModel } from "./route";
import { predictBackendTLS, type BackendTLSModel } from "./backend-tls";
import { predictOtherRoute, type OtherRouteModel } from "./other-routes";
import type { ListenerPrediction, PredictOptions, StatusPrediction } from "./types";

export interface StatusModel {
  readonly inputs: Inputs;
  readonly gateways: readonly GatewayModel[];
  readonly orphanListenerSets: readonly ListenerSetModel[];
  readonly routes: readonly RouteModel[];
  readonly otherRoutes: readonly OtherRouteModel[];
  /** The HTTPRoutes Accepted on each listener, with the hostnames each serves there. */
  readonly attached: ReadonlyMap<ListenerModel, readonly { readonly route: RouteModel; readonly hostnames: Attachment["hostnames"] }[]>;
  /** Every route (any kind) Accepted on each listener, as "Kind namespace/name". */
  readonly counted: ReadonlyMap<ListenerModel, ReadonlySet<string>>;
  /** The routes of other kinds (TLSRoute …) Accepted on each listener. */
  readonly otherAttached: ReadonlyMap<ListenerModel, readonly OtherRoute[]>;
  readonly backendTLS: readonly BackendTLSModel[];
}

export function buildModel(objects: readonly KubeObject[], opts: PredictOptions = {}): StatusModel {
  const inputs = readInputs(objects, opts);
  const gateways = inputs.gateways.map((g) => predictGateway(g, inputs));
  const byName = new Map(gateways.map((g) => [`${g.ref.namespace}/${g.ref.name}`, g] as const));
  const parented = new Set(gateways.flatMap((g) => g.listenerSets.map((s) => s.listenerSet)));
  const orphanListenerSets = inputs.listenerSets.filter((ls) => !parented.has(ls)).map(orphanListenerSet);
  const routes = inputs.routes.map((r) => predictRoute(r, byName, inputs));
  const attached = new Map<ListenerModel, { route: RouteModel; hostnames: Attachment["hostnames"] }[]>();
  const counted = new Map<ListenerModel, Set<string>>();
  const count = (l: ListenerModel, id: string) => (counted.get(l) ?? counted.set(l, new Set()).get(l))?.add(id);
  for (const route of routes) {
    for (const p of route.parents) {
      for (const a of p.attachments) {
        const list = attached.get(a.listener) ?? attached.set(a.listener, []).get(a.listener) ?? [];
        const same = list.find((x) => x.route === route);
        if (!same) list.push({ route, hostnames: a.hostnames });
        count(a.listener, `HTTPRoute ${fullName(route.route)}`);
      }
    }
  }
  const otherAttached = new Map<ListenerModel, OtherRoute[]>();
  const otherRoutes = inputs.otherRoutes.map((r) => predictOtherRoute(r, byName, inputs));
  for (const { route: r, attachments } of otherRoutes) {
    for (const l of attachments) {
      count(l, `${r.kind} ${r.namespace}/${r.name}`);
      const list = otherAttached.get(l) ?? otherAttached.set(l, []).get(l);
      if (list && !list.includes(r)) list.push(r);
    }
  }
  return { inputs, gateways, orphanListenerSets, routes, otherRoutes, attached, counted, otherAttached, backendTLS: predictBackendTLS(inputs) };
}

function listenerPrediction(m: ListenerModel, model: StatusModel): ListenerPrediction {
  const ids = model.counted.get(m) ?? new Set<string>();
  const l = m.listener;
  return {
    name: l.name,
    port: l.port,
    protocol: l.protocol,
    ...(l.hostname !== undefined && { hostname: l.hostname }),
    source: m.source,
    supportedKinds: m.supportedKinds,
    attachedRoutes: ids.size,
    attachedRoutesRule: RULES.attachedRoutes,
    routes: [...ids]
      .filter((id) => id.startsWith("HTTPRoute "))
      .map((id) => id.slice("HTTPRoute ".length))
      .sort(),
    conditions: [m.accepted, m.resolvedRefs, m.conflicted, m.programmed],
    warnings: m.warnings,
  };
}

/**
 * The status a conformant implementation must write for these objects (GatewayClasses, Gateways,
 * ListenerSets, HTTPRoutes, ReferenceGrants, Services, Namespaces, and Secrets/ConfigMaps when
 * known): per Gateway and listener, per ListenerSet, and per HTTPRoute parentRef.
 */
export function predictStatus(objects: readonly KubeObject[], opts: PredictOptions = {}): StatusPrediction {
  const model = buildModel(objects, opts);
  const listenerSets = [...model.gateways.flatMap((g) => g.listenerSets), ...model.orphanListenerSets]
    .map((s) => ({
      namespace: s.ref.namespace,
      name: s.ref.name,
      ...(s.parent && { parent: s.parent }),
      conditions: s.conditions,
      listeners: s.listeners.map((m) => listenerPrediction(m, model)),
    }))
    .sort((a, b) => (`${a.namespace}/${a.name}` < `${b.namespace}/${b.name}` ? -1 : 1));
  return {
    gateways: model.gateways.map((g) => ({
      namespace: g.ref.namespace,
      name: g.ref.name,
      gatewayClassName: g.gateway.spec.gatewayClassName,
      reconciled: g.reconciled,
      conditions: g.conditions,
      listeners: g.listeners.map((m) => listenerPrediction(m, model)),
      attachedListenerSets: g.listenerSets.filter((s) => s.attached).length,
      warnings: g.warnings,
    })),
    listenerSets,
    backendTLSPolicies: backendTLSPredictions(model),
    otherRoutes: model.otherRoutes.map((r) => ({ kind: r.route.kind, namespace: r.route.namespace, name: r.route.name, parents: r.parents })),
    routes: model.routes.map((r) => ({
      kind: "HTTPRoute" as const,
      namespace: nsOf(r.route),
      name: nameOf(r.route),
      parents: r.parents.map((p) => p.prediction),
      backends: r.backends,
      invalidRules: [...r.invalidRules].map(([rule, p]) => ({ rule, ...p })),
      warnings: r.warnings,
    })),
  };
}
