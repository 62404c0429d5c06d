// predictStatus: the status a conformant Gateway API implementation must write for the given
// objects, from their spec alone. buildModel is the richer form matchRequest routes on.
import type { KubeObject } from "../../k8s/meta";
import { attach, GATEWAY_GROUP, type AnyListener } from "../listeners";
import { RULES } from "./conditions";
import { orphanListenerSet, predictGateway, type GatewayModel, type ListenerSetModel } from "./gateway";
import { fullName, nameOf, nsOf, readInputs, type Inputs, type OtherRoute } from "./inputs";
import type { ListenerModel } from "./listeners";
import { predictRoute, type Attachment, type RouteModel } from "./route";
import type { ListenerPrediction, PredictOptions, StatusPrediction } from "./types";

export interface StatusModel {
  readonly inputs: Inputs;
  readonly gateways: readonly GatewayModel[];
  readonly orphanListenerSets: readonly ListenerSetModel[];
  readonly routes: readonly RouteModel[];
  /** The HTTPRoutes Accepted on each listener, with the hostnames each serves there. */
  readonly attached: ReadonlyMap<ListenerModel, readonly { readonly route: RouteModel; readonly hostnames: Attachment["hostnames"] }[]>;
  /** Every route (any kind) Accepted on each listener, as "Kind namespace/name". */
  readonly counted: ReadonlyMap<ListenerModel, ReadonlySet<string>>;
}

/** Listeners a route of another kind (GRPCRoute, TLSRoute …) is Accepted on: they count in attachedRoutes too. */
function otherAttachments(r: OtherRoute, gateways: ReadonlyMap<string, GatewayModel>, inputs: Inputs): ListenerModel[] {
  return r.parentRefs.flatMap((ref) => {
    const group = ref.group ?? GATEWAY_GROUP;
    const kind = ref.kind ?? "Gateway";
    const ns = ref.namespace ?? r.namespace;
    if (group !== GATEWAY_GROUP) return [];
    let models: readonly ListenerModel[] = [];
    if (kind === "Gateway") models = gateways.get(`${ns}/${ref.name}`)?.listeners.filter((l) => l.source.kind === "Gateway") ?? [];
    else if (kind === "ListenerSet") {
      const s = [...gateways.values()].flatMap((g) => g.listenerSets).find((x) => x.ref.namespace === ns && x.ref.name === ref.name);
      models = s?.attached ? s.listeners : [];
    }
    const v = attach<AnyListener>({
      kind: { group: GATEWAY_GROUP, kind: r.kind },
      namespace: r.namespace,
      hostnames: r.hostnames,
      ref,
      listeners: models.map((m) => m.listener),
      ownerNamespace: ns,
      labels: inputs.namespaceLabels,
      usable: (l) => models.find((m) => m.listener === l)?.usable ?? false,
    });
    return v.ok ? v.listeners.flatMap((l) => models.filter((m) => m.listener === l)) : [];
  });
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
  for (const r of inputs.otherRoutes) for (const l of otherAttachments(r, byName, inputs)) count(l, `${r.kind} ${r.namespace}/${r.name}`);
  return { inputs, gateways, orphanListenerSets, routes, attached, counted };
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
    routes: [...ids].filter((id) => id.startsWith("HTTPRoute ")).map((id) => id.slice("HTTPRoute ".length)).sort(),
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
