import { SERVING_API_VERSION } from "./constants";
import { serviceChildMeta } from "./owner-ref";
import type { KnativeService, Route } from "./types.generated";

/**
 * The Route a Knative Service owns (pkg/reconciler/service/resources/route.go MakeRoute): same
 * name, the service label, and traffic with the Service's Configuration filled in for every
 * target that does not pin a revision.
 */
export function routeFromService(ksvc: KnativeService): Route {
  const name = ksvc.metadata.name ?? "";
  const traffic = (ksvc.spec?.traffic ?? []).map((t) => (t.revisionName ? { ...t } : { ...t, configurationName: name }));
  const route: Route = {
    apiVersion: SERVING_API_VERSION,
    kind: "Route",
    metadata: serviceChildMeta(ksvc),
    spec: { traffic },
  };
  return route;
}
