import { LAST_APPLIED_ANNOTATION, SERVICE_LABEL, SERVING_API_VERSION } from "./constants";
import { controllerRef, unionWithout } from "./owner-ref";
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
    metadata: {
      name,
      namespace: ksvc.metadata.namespace,
      labels: unionWithout("", ksvc.metadata.labels, { [SERVICE_LABEL]: name }),
      annotations: unionWithout(LAST_APPLIED_ANNOTATION, ksvc.metadata.annotations),
      ownerReferences: [controllerRef(ksvc)],
    },
    spec: { traffic },
  };
  return route;
}
