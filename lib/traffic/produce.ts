import type { HTTPRoute } from "../gateway/types.generated";
import { kingressToHTTPRoutes, routeFromService, routeToKIngress, type Configuration, type KnativeService, type Revision, type Route, type TrafficTarget } from "../knative";
import { printManifests } from "../yaml";
import { canonicalTraffic } from "./canonical";

export interface Produced {
  route: Route;
  httpRoutes: HTTPRoute[];
  /** Why Knative would not (re)write the KIngress, in Knative's words. */
  problems: string[];
  yaml: string;
}

/**
 * What Knative and net-gateway-api will make of a Service with `traffic`: the Route its
 * controller writes and the HTTPRoutes generated from that Route's KIngress (lib/knative).
 */
export function produce(ksvc: KnativeService, traffic: TrafficTarget[], objects: { configurations: readonly Configuration[]; revisions: readonly Revision[] }): Produced {
  const route = routeFromService({ ...ksvc, spec: { ...ksvc.spec, traffic: canonicalTraffic(traffic) } });
  const ki = routeToKIngress(route, objects);
  const httpRoutes = ki.ingress ? kingressToHTTPRoutes(ki.ingress) : [];
  const problems = [...ki.problems.map((p) => p.message), ...ki.errors];
  return { route, httpRoutes, problems, yaml: printManifests([route, ...httpRoutes]) };
}
