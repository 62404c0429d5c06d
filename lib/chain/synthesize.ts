// A workspace folder holds what people write — a Knative Service — not the Configuration, Route,
// KIngress and HTTPRoutes (or VirtualServices) the controllers make of it. This predicts them with
// lib/knative, which reproduces Knative's, net-gateway-api's and net-istio's output, so the chain of
// a folder runs on to the Gateways. Every predicted object carries PREDICTED_ANNOTATION.
import { GATEWAY_API_INGRESS_CLASS, INGRESS_CLASS_ANNOTATION, ISTIO_INGRESS_CLASS, SERVICE_LABEL, CONFIGURATION_LABEL } from "../knative/constants";
import type { GatewayPluginConfig } from "../knative/gateway-config";
import type { IstioConfig } from "../knative/istio/config-istio";
import { kingressToVirtualServices } from "../knative/istio/kingress-to-virtualservices";
import { kingressToHTTPRoutes } from "../knative/kingress-to-httproutes";
import type { NetworkConfig } from "../knative/network-config";
import { routeToKIngress } from "../knative/route-to-kingress";
import { configurationFromService, revisionFromConfiguration, revisionNameAt, revisionPublicService } from "../knative/service-configuration";
import { routeFromService } from "../knative/service-route";
import { defaultTraffic } from "../knative/traffic-defaults";
import type { Configuration, KnativeService, Revision, Route } from "../knative/types.generated";
import type { KubeObject } from "../k8s/meta";
import { gatewayServicesOf } from "./istio-links";
import { childrenOf, indexedKindOf, indexObjects, type ObjectIndex } from "./objects";
import { PREDICTED_ANNOTATION, type PredictedService } from "./predicted-objects";

/** Knative's settings the controllers would run with (the folder's own ConfigMaps, else Knative's defaults). */
export interface ControllerSettings {
  network?: NetworkConfig;
  gateway?: GatewayPluginConfig;
  istio?: Required<IstioConfig>;
}

export interface PredictedControllers {
  objects: KubeObject[];
  /** Per Knative Service (`namespace/name`) that had no Route of its own. */
  services: Map<string, PredictedService>;
}

const READY = { conditions: [{ type: "Ready", status: "True" }], observedGeneration: 1 };

/** The generation the next Revision gets: one past the highest `<name>-NNNNN` the traffic pins, else 1. */
function nextGeneration(name: string, pinned: readonly string[]): number {
  const gens = pinned.flatMap((p) => (p.startsWith(`${name}-`) && /^\d{5}$/.test(p.slice(name.length + 1)) ? [Number(p.slice(name.length + 1))] : []));
  return gens.length > 0 ? Math.max(...gens) + 1 : 1;
}

interface Resolution {
  configurations: Configuration[];
  revisions: Revision[];
  /** The Revision latestRevision targets go to. */
  latest?: string;
}

/** The Configuration and Revisions of a Service: the folder's own where it has them, else predicted; resolved as if Ready. */
function revisionsOf(index: ObjectIndex, ksvc: KnativeService, out: KubeObject[]): Resolution {
  const name = ksvc.metadata.name ?? "";
  const ns = ksvc.metadata.namespace ?? "default";
  const own = childrenOf(index, "Configuration", ksvc as unknown as KubeObject, { [SERVICE_LABEL]: name })[0] as unknown as Configuration | undefined;
  const config = own ?? configurationFromService(ksvc);
  if (!own) out.push(config as unknown as KubeObject);
  const existing = index.all("Revision").filter((r) => r.metadata.namespace === ns) as unknown as Revision[];
  const pinned = (ksvc.spec?.traffic ?? []).flatMap((t) => (t.revisionName ? [t.revisionName] : []));
  const ownRevisions = existing.filter((r) => r.metadata.labels?.[CONFIGURATION_LABEL] === config.metadata.name);
  const latest = config.status?.latestReadyRevisionName ?? (ownRevisions.length > 0 ? undefined : revisionNameAt(config, nextGeneration(name, pinned)));
  const predicted: Revision[] = [];
  for (const rev of [...new Set([...(latest && !ownRevisions.length ? [latest] : []), ...pinned])]) {
    if (existing.some((r) => r.metadata.name === rev)) continue;
    const gen = rev === latest ? nextGeneration(name, pinned) : Number(rev.slice(name.length + 1)) || 1;
    predicted.push(revisionFromConfiguration(config, rev, gen));
  }
  out.push(...(predicted as unknown as KubeObject[]), ...predicted.map(revisionPublicService));
  // Resolved as Knative would once each predicted Revision is Ready: the routing it is headed for.
  const asReady = (r: Revision): Revision => ({ ...r, metadata: { ...r.metadata, generation: 1 }, status: { ...r.status, ...READY } });
  const resolvedConfig: Configuration = latest ? { ...config, status: { ...config.status, latestReadyRevisionName: latest } } : config;
  return { configurations: [resolvedConfig], revisions: [...existing, ...predicted.map(asReady)], ...(latest && { latest }) };
}

/** The Route with the status.traffic Knative would write, so the chain shows each Revision's share. */
function withTrafficStatus(route: Route, latest: string | undefined): Route {
  const traffic = (route.spec?.traffic ?? []).map((t) => ({ ...t, revisionName: t.revisionName ?? latest }));
  return { ...route, status: { traffic } } as Route;
}

function predictService(index: ObjectIndex, ksvc: KnativeService, settings: ControllerSettings, out: KubeObject[]): PredictedService {
  const defaulted: KnativeService = { ...ksvc, spec: { ...ksvc.spec, traffic: defaultTraffic(ksvc.spec?.traffic, { inService: true }) } };
  const objects: KubeObject[] = [];
  const problems: string[] = [];
  const resolution = revisionsOf(index, defaulted, objects);
  const route = routeFromService(defaulted);
  objects.push(withTrafficStatus(route, resolution.latest) as unknown as KubeObject);
  const ki = routeToKIngress(route, { ...settings.network, configurations: resolution.configurations, revisions: resolution.revisions });
  problems.push(...ki.problems.map((p) => p.message), ...ki.errors);
  if (ki.ingress) {
    objects.push(ki.ingress as unknown as KubeObject);
    const cls = ki.ingress.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
    if (cls === GATEWAY_API_INGRESS_CLASS) objects.push(...(kingressToHTTPRoutes(ki.ingress, settings.gateway) as unknown as KubeObject[]));
    else if (cls === ISTIO_INGRESS_CLASS) {
      try {
        objects.push(
          ...(kingressToVirtualServices(ki.ingress, { ...settings.istio, cluster: { services: gatewayServicesOf(index) } })
            .virtualServices as unknown as KubeObject[]),
        );
      } catch (err) {
        problems.push(`net-istio would not program it: ${err instanceof Error ? err.message : String(err)}`);
      }
    } else
      problems.push(
        `its ingress class is ${cls ?? "unset"}; Routeboard predicts what net-gateway-api (${GATEWAY_API_INGRESS_CLASS}) and net-istio (${ISTIO_INGRESS_CLASS}) build, not other ingresses`,
      );
  }
  // A hand-written object of the same kind and name wins: the chain shows what the folder holds.
  const kept = objects.filter((o) => {
    const kind = indexedKindOf(o.apiVersion, o.kind);
    return !kind || !index.get(kind, o.metadata.namespace, o.metadata.name ?? "");
  });
  for (const o of kept) out.push({ ...o, metadata: { ...o.metadata, annotations: { ...o.metadata.annotations, [PREDICTED_ANNOTATION]: "true" } } });
  return { kinds: [...new Set(kept.map((o) => indexedKindOf(o.apiVersion, o.kind) ?? o.kind))], problems };
}

/**
 * For every Knative Service without a Route of its own: what Knative, then net-gateway-api or
 * net-istio (by the ingress class), would create from it under `settings`. Services that have
 * their Route (a dump, the canary example) are left as they are.
 */
export function predictControllerObjects(objects: readonly KubeObject[], settings: ControllerSettings): PredictedControllers {
  const index = indexObjects(objects);
  const out: KubeObject[] = [];
  const services = new Map<string, PredictedService>();
  for (const o of index.all("KnativeService")) {
    const ksvc = o as unknown as KnativeService;
    const name = ksvc.metadata.name ?? "";
    if (childrenOf(index, "Route", o, { [SERVICE_LABEL]: name }).length > 0) continue;
    services.set(`${ksvc.metadata.namespace ?? "default"}/${name}`, predictService(index, ksvc, settings, out));
  }
  return { objects: out, services };
}
