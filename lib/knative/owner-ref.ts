import type { KubeObject, ObjectMeta, OwnerReference } from "../k8s/meta";
import { LAST_APPLIED_ANNOTATION, SERVICE_LABEL } from "./constants";

/** kmeta.NewControllerRef: the owner reference a Knative controller puts on what it creates. */
export function controllerRef(owner: Pick<KubeObject, "apiVersion" | "kind" | "metadata">): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? "",
    uid: owner.metadata.uid ?? "",
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** kmeta.UnionMaps then FilterMap(last-applied-configuration): later maps win. */
export function unionWithout(drop: string, ...maps: (Record<string, string> | undefined)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of maps) if (m) for (const [k, v] of Object.entries(m)) if (k !== drop) out[k] = v;
  return out;
}

/**
 * The metadata a Knative Service's Route and Configuration get (service/resources MakeRoute,
 * MakeConfiguration): its name, its labels plus the service label, its annotations but kubectl's
 * last-applied one, and the Service as controller.
 */
export function serviceChildMeta(ksvc: Pick<KubeObject, "apiVersion" | "kind" | "metadata">): ObjectMeta {
  const name = ksvc.metadata.name ?? "";
  return {
    name,
    namespace: ksvc.metadata.namespace,
    labels: unionWithout("", ksvc.metadata.labels, { [SERVICE_LABEL]: name }),
    annotations: unionWithout(LAST_APPLIED_ANNOTATION, ksvc.metadata.annotations),
    ownerReferences: [controllerRef(ksvc)],
  };
}
