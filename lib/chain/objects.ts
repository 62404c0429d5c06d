// An index over a flat list of objects (a store snapshot or a dump file), so the chain can
// follow names, labels and ownerReferences without scanning every object at each step.
import type { KubeObject } from "../k8s/meta";
import { kindOf, type KindKey } from "../k8s/kinds";

/** Every kind the chain reads: all of lib/k8s' but ConfigMaps (Knative's are read as settings). */
export type IndexedKind = Exclude<KindKey, "ConfigMap">;

/** The chain's name for an object's kind, or undefined for kinds the chain does not read. */
export function indexedKindOf(apiVersion: string, kind: string): IndexedKind | undefined {
  // Knative's Service and the core Service share a kind name: the API group tells them apart.
  const key = kindOf(apiVersion, kind)?.key;
  return key && key !== "ConfigMap" ? key : undefined;
}

export interface ObjectIndex {
  all(kind: IndexedKind): readonly KubeObject[];
  get(kind: IndexedKind, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Objects of a kind in a namespace that carry every given label. */
  withLabels(kind: IndexedKind, namespace: string, labels: Record<string, string>): KubeObject[];
  /** Objects of a kind whose ownerReferences name the uid. */
  ownedBy(kind: IndexedKind, uid: string | undefined): KubeObject[];
}

const key = (namespace: string | undefined, name: string) => `${namespace ?? ""}/${name}`;

export function indexObjects(objects: readonly KubeObject[]): ObjectIndex {
  const byKind = new Map<IndexedKind, KubeObject[]>();
  const byName = new Map<IndexedKind, Map<string, KubeObject>>();
  const byOwner = new Map<string, KubeObject[]>();
  // kind|namespace|label=value → objects: a label lookup must not scan every object of a kind,
  // or the overview of hundreds of chains turns quadratic.
  const byLabel = new Map<string, KubeObject[]>();
  for (const o of objects) {
    const kind = indexedKindOf(o.apiVersion ?? "", o.kind ?? "");
    if (!kind || !o.metadata?.name) continue;
    (byKind.get(kind) ?? byKind.set(kind, []).get(kind))?.push(o);
    (byName.get(kind) ?? byName.set(kind, new Map()).get(kind))?.set(key(o.metadata.namespace, o.metadata.name), o);
    for (const [k, v] of Object.entries(o.metadata.labels ?? {})) {
      const lk = `${kind}|${o.metadata.namespace ?? ""}|${k}=${v}`;
      (byLabel.get(lk) ?? byLabel.set(lk, []).get(lk))?.push(o);
    }
    for (const ref of o.metadata.ownerReferences ?? []) {
      if (!ref.uid) continue;
      const k = `${kind}@${ref.uid}`;
      (byOwner.get(k) ?? byOwner.set(k, []).get(k))?.push(o);
    }
  }
  return {
    all: (kind) => byKind.get(kind) ?? [],
    get: (kind, namespace, name) => byName.get(kind)?.get(key(namespace, name)),
    withLabels: (kind, namespace, labels) => {
      const entries = Object.entries(labels);
      const [first] = entries;
      const candidates = first
        ? (byLabel.get(`${kind}|${namespace}|${first[0]}=${first[1]}`) ?? [])
        : (byKind.get(kind) ?? []).filter((o) => o.metadata.namespace === namespace);
      return candidates.filter((o) => entries.every(([k, v]) => o.metadata.labels?.[k] === v));
    },
    ownedBy: (kind, uid) => (uid ? (byOwner.get(`${kind}@${uid}`) ?? []) : []),
  };
}

/**
 * Children as the controllers link them: by ownerReference when the parent has a uid, and by
 * label too, because a dump edited by hand or an object re-created keeps its labels but not
 * the uid. Deduplicated, sorted by name for a stable picture.
 */
export function childrenOf(index: ObjectIndex, kind: IndexedKind, parent: KubeObject, labels: Record<string, string>): KubeObject[] {
  const seen = new Map<string, KubeObject>();
  for (const o of index.ownedBy(kind, parent.metadata.uid)) if (o.metadata.namespace === parent.metadata.namespace) seen.set(o.metadata.name ?? "", o);
  for (const o of index.withLabels(kind, parent.metadata.namespace ?? "", labels)) seen.set(o.metadata.name ?? "", o);
  return [...seen.values()].sort((a, b) => (a.metadata.name ?? "").localeCompare(b.metadata.name ?? ""));
}
