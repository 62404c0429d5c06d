import type { KubeObject, OwnerReference } from "../k8s/meta";

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
