import type { HTTPRoute } from "../gateway/types.generated";
import {
  kingressToHTTPRoutes,
  routeFromService,
  routeToKIngress,
  type Configuration,
  type KnativeService,
  type Revision,
  type Route,
  type TrafficTarget,
} from "../knative";
import type { GatewayPluginConfig } from "../knative/gateway-config";
import type { NetworkConfig } from "../knative/network-config";
import { GATEWAY_API_INGRESS_CLASS, INGRESS_CLASS_ANNOTATION } from "../knative/constants";
import { printManifests } from "../yaml";
import { canonicalTraffic } from "./canonical";

export interface Produced {
  route: Route;
  httpRoutes: HTTPRoute[];
  /** Why Knative would not (re)write the KIngress, in Knative's words. */
  problems: string[];
  /** The KIngress's ingress class when it is not net-gateway-api's: then no HTTPRoutes are made. */
  otherIngressClass?: string;
  yaml: string;
}

/** The cluster's configuration the preview follows (lib/knative/settings); Knative's defaults where absent. */
export interface ProduceConfig {
  network?: NetworkConfig;
  gateway?: GatewayPluginConfig;
}

/**
 * What Knative and net-gateway-api will make of a Service with `traffic`: the Route its
 * controller writes and the HTTPRoutes generated from that Route's KIngress (lib/knative),
 * under the cluster's own config-network, config-domain, config-features and config-gateway.
 */
export function produce(
  ksvc: KnativeService,
  traffic: TrafficTarget[],
  objects: { configurations: readonly Configuration[]; revisions: readonly Revision[] },
  config: ProduceConfig = {},
): Produced {
  const route = routeFromService({ ...ksvc, spec: { ...ksvc.spec, traffic: canonicalTraffic(traffic) } });
  const ki = routeToKIngress(route, { ...config.network, ...objects });
  const cls = ki.ingress?.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
  const ours = cls === GATEWAY_API_INGRESS_CLASS;
  const httpRoutes = ki.ingress && ours ? kingressToHTTPRoutes(ki.ingress, config.gateway) : [];
  const problems = [...ki.problems.map((p) => p.message), ...ki.errors];
  return { route, httpRoutes, problems, ...(ki.ingress && !ours && cls && { otherIngressClass: cls }), yaml: printManifests([route, ...httpRoutes]) };
}
