// The migration planner: for every Knative Service, the network layer it is on now, what it has
// there (VirtualServices or HTTPRoutes), the HTTPRoutes net-gateway-api would build for its
// KIngress under the cluster's config-gateway, what a hand-written VirtualService on its hosts
// does that those will not, and a readiness checklist held against the cluster's Gateway API
// objects (and the status a conformant implementation must give the new routes).
import { indexObjects, type ObjectIndex } from "../chain";
import { predictStatus, type StatusPrediction } from "../gateway/predict";
import { hostMatches } from "../gateway/listeners";
import type { HTTPRoute } from "../gateway/types.generated";
import { GATEWAY_API_INGRESS_CLASS, INGRESS_CLASS_ALT_ANNOTATION, INGRESS_CLASS_ANNOTATION, INGRESS_LABEL, ISTIO_INGRESS_CLASS } from "../knative/constants";
import { gatewayFor, type GatewayEntry, type GatewayPluginConfig } from "../knative/gateway-config";
import { kingressToHTTPRoutes } from "../knative/kingress-to-httproutes";
import type { KIngress } from "../knative/types.generated";
import type { KubeObject } from "../k8s/meta";
import { handWrittenBehaviour, type BehaviourDiff } from "./behaviour";
import { handWrittenLookup } from "./hand-written";

export type Layer = "istio" | "gateway-api" | "other";

export interface CheckItem {
  readonly ok: boolean;
  /** "Gateway knative-serving/knative-gateway is Programmed". */
  readonly what: string;
  /** Why not, or what was found, in plain words. */
  readonly detail: string;
}

export interface ServicePlan {
  readonly namespace: string;
  readonly name: string;
  /** The Service's resourceVersion: a move is made against this version. */
  readonly resourceVersion: string;
  readonly layer: Layer;
  /** The ingress class the Service is on (its Route's KIngress follows it). */
  readonly ingressClass: string;
  /** Where the class comes from: the Service's own annotation, or the cluster's default. */
  readonly classSource: "annotation" | "cluster default";
  /** The KIngress's own class, when it differs from the Service's (Knative has not caught up yet). */
  readonly kingressClass?: string;
  readonly hasKIngress: boolean;
  readonly virtualServices: readonly string[];
  readonly httpRoutes: readonly string[];
  /** What net-gateway-api would build for the KIngress. */
  readonly predictedRoutes: readonly { readonly name: string; readonly hostnames: readonly string[]; readonly gateway: string }[];
  readonly behaviour: readonly BehaviourDiff[];
  readonly checklist: readonly CheckItem[];
  /** Every item of the checklist holds. */
  readonly ready: boolean;
}

export interface MigrationPlan {
  readonly services: readonly ServicePlan[];
  readonly summary: {
    readonly byLayer: Readonly<Record<Layer, number>>;
    /** On Istio and ready to move. */
    readonly ready: number;
    /** What blocks the others, most common first: the first failing item of each. */
    readonly blockers: readonly { readonly what: string; readonly services: number }[];
  };
}

export interface MigrationSettings {
  /** config-network ingress-class (Knative's default: Istio's). */
  readonly clusterClass: string;
  /** net-gateway-api's config-gateway. */
  readonly gateway: GatewayPluginConfig;
  /** config-network's cluster domain (cluster.local when absent). */
  readonly clusterDomain?: string;
}

const layerOf = (cls: string): Layer => (cls === ISTIO_INGRESS_CLASS ? "istio" : cls === GATEWAY_API_INGRESS_CLASS ? "gateway-api" : "other");
const refName = (o: KubeObject) => o.metadata.name ?? "";
const conditionTrue = (o: KubeObject | undefined, type: string) =>
  ((o?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((c) => c.type === type && c.status === "True");

interface Listener {
  readonly name: string;
  readonly protocol: string;
  readonly hostname?: string;
}

function gatewayChecks(index: ObjectIndex, entry: GatewayEntry, role: string): CheckItem[] {
  const gw = index.get("Gateway", entry.namespace, entry.name);
  const ref = `${entry.namespace}/${entry.name}`;
  if (!gw)
    return [
      {
        ok: false,
        what: `Gateway ${ref} (config-gateway's ${role} gateway) exists`,
        detail: `There is no Gateway ${ref}: create it, or point config-gateway at the Gateway you use.`,
      },
    ];
  const className = (gw.spec as { gatewayClassName?: string } | undefined)?.gatewayClassName ?? "";
  const cls = index.get("GatewayClass", undefined, className);
  return [
    {
      ok: !!cls && conditionTrue(cls, "Accepted"),
      what: `GatewayClass ${className} is Accepted`,
      detail: !cls
        ? `GatewayClass ${className} does not exist: install the Gateway API implementation.`
        : conditionTrue(cls, "Accepted")
          ? "Accepted by its controller."
          : "Its controller has not accepted it (status Accepted is not True).",
    },
    {
      ok: conditionTrue(gw, "Programmed"),
      what: `Gateway ${ref} is Programmed`,
      detail: conditionTrue(gw, "Programmed") ? "Programmed by its controller." : "No controller reports it Programmed: the data plane is not ready for it.",
    },
  ];
}

function tlsChecks(index: ObjectIndex, kingress: KIngress, entry: GatewayEntry): CheckItem[] {
  const gw = index.get("Gateway", entry.namespace, entry.name);
  const listeners = ((gw?.spec as { listeners?: Listener[] } | undefined)?.listeners ?? []).filter((l) => l.protocol === "HTTPS");
  return (kingress.spec?.tls ?? []).flatMap((t) =>
    (t.hosts ?? []).map((host): CheckItem => {
      const l = listeners.find((x) => x.hostname === undefined || hostMatches(x.hostname, host));
      return {
        ok: !!l,
        what: `TLS for ${host}`,
        detail: l
          ? `HTTPS listener ${l.name} of Gateway ${entry.namespace}/${entry.name} takes it.`
          : `Gateway ${entry.namespace}/${entry.name} has no HTTPS listener for ${host}: add one with its certificate before moving.`,
      };
    }),
  );
}

function routeChecks(prediction: StatusPrediction, namespace: string, routes: readonly HTTPRoute[]): CheckItem[] {
  return routes.map((r) => {
    const name = r.metadata.name ?? "";
    const p = prediction.routes.find((x) => x.namespace === namespace && x.name === name);
    const bad = (p?.parents ?? []).flatMap((x) =>
      x.conditions
        .filter((c) => (c.type === "Accepted" || c.type === "ResolvedRefs") && c.status !== "True")
        .map((c) => `${c.type} ${c.status} (${c.reason}): ${c.message}`),
    );
    return {
      ok: !!p && bad.length === 0,
      what: `HTTPRoute ${name} would be accepted`,
      detail: bad.length > 0 ? bad.join("; ") : "Accepted, with every backend resolved (predicted, as a conformant implementation must).",
    };
  });
}

/** The plan of every Knative Service among the objects. */
export function planMigration(objects: readonly KubeObject[], settings: MigrationSettings): MigrationPlan {
  const index = indexObjects(objects);
  const predicted = new Map<string, HTTPRoute[]>();
  for (const k of index.all("KIngress")) {
    try {
      predicted.set(`${k.metadata.namespace}/${refName(k)}`, kingressToHTTPRoutes(k as unknown as KIngress, settings.gateway));
    } catch {
      predicted.set(`${k.metadata.namespace}/${refName(k)}`, []);
    }
  }
  // One prediction over the cluster's Gateway API objects with every Service's new routes in place.
  const newRoutes = [...predicted.values()].flat();
  const taken = new Set(newRoutes.map((r) => `${r.metadata.namespace}/${r.metadata.name}`));
  const gatewayObjects = (["GatewayClass", "Gateway", "HTTPRoute", "ReferenceGrant", "Service", "Namespace"] as const)
    .flatMap((k) => index.all(k))
    .filter((o) => !(o.kind === "HTTPRoute" && taken.has(`${o.metadata.namespace}/${refName(o)}`)));
  const prediction = predictStatus([...gatewayObjects, ...(newRoutes as unknown as KubeObject[])]);
  const handWritten = handWrittenLookup(index, { gateway: settings.gateway, ...(settings.clusterDomain && { clusterDomain: settings.clusterDomain }) });

  const services = index.all("KnativeService").map((ksvc): ServicePlan => {
    const ns = ksvc.metadata.namespace ?? "default";
    const name = refName(ksvc);
    const ann = ksvc.metadata.annotations ?? {};
    const own = ann[INGRESS_CLASS_ANNOTATION] ?? ann[INGRESS_CLASS_ALT_ANNOTATION] ?? "";
    const ingressClass = own || settings.clusterClass;
    const kingress = index.get("KIngress", ns, name);
    const kingressClass = kingress?.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
    const routes = predicted.get(`${ns}/${name}`) ?? [];
    const ki = kingress as unknown as KIngress | undefined;
    const hosts = (ki?.spec?.rules ?? []).flatMap((r) => r.hosts ?? []);
    const visibilities = new Set((ki?.spec?.rules ?? []).map((r) => r.visibility ?? "ExternalIP"));
    const items: CheckItem[] = !ki
      ? [{ ok: false, what: "The Service has a KIngress", detail: "Knative has not made one yet (the Route is not ready): its routes cannot be predicted." }]
      : [
          ...(visibilities.has("ExternalIP") ? gatewayChecks(index, gatewayFor(settings.gateway, false), "external") : []),
          ...(visibilities.has("ClusterLocal") ? gatewayChecks(index, gatewayFor(settings.gateway, true), "cluster-local") : []),
          ...tlsChecks(index, ki, gatewayFor(settings.gateway, false)),
          ...routeChecks(prediction, ns, routes),
        ];
    // Both Gateways of one class: the class is checked once.
    const checklist = items.filter((c, i) => items.findIndex((x) => x.what === c.what) === i);
    return {
      namespace: ns,
      name,
      resourceVersion: ksvc.metadata.resourceVersion ?? "",
      layer: layerOf(ingressClass),
      ingressClass,
      classSource: own ? "annotation" : "cluster default",
      ...(kingressClass && kingressClass !== ingressClass && { kingressClass }),
      hasKIngress: !!kingress,
      virtualServices: index
        .withLabels("VirtualService", ns, { [INGRESS_LABEL]: name })
        .map(refName)
        .sort(),
      httpRoutes: index
        .withLabels("HTTPRoute", ns, { [INGRESS_LABEL]: name })
        .map(refName)
        .sort(),
      predictedRoutes: routes.map((r) => ({
        name: r.metadata.name ?? "",
        hostnames: r.spec.hostnames ?? [],
        gateway: (r.spec.parentRefs ?? []).map((p) => `${p.namespace ?? ns}/${p.name}`).join(", "),
      })),
      behaviour: kingress ? handWrittenBehaviour(handWritten(hosts)) : [],
      checklist,
      ready: checklist.every((c) => c.ok),
    };
  });
  services.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  const byLayer: Record<Layer, number> = { istio: 0, "gateway-api": 0, other: 0 };
  for (const s of services) byLayer[s.layer]++;
  const blockers = new Map<string, number>();
  for (const s of services) {
    const first = s.layer === "istio" ? s.checklist.find((c) => !c.ok) : undefined;
    if (first) blockers.set(first.what, (blockers.get(first.what) ?? 0) + 1);
  }
  return {
    services,
    summary: {
      byLayer,
      ready: services.filter((s) => s.layer === "istio" && s.ready).length,
      blockers: [...blockers].map(([what, n]) => ({ what, services: n })).sort((a, b) => b.services - a.services || a.what.localeCompare(b.what)),
    },
  };
}
