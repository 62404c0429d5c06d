import type { KubeObject } from "../k8s/meta";
import type { KindSnapshot, StoreEvent } from "../store";

const same = (a: KubeObject, b: KubeObject) => a.metadata.name === b.metadata.name && (a.metadata.namespace ?? "") === (b.metadata.namespace ?? "");

/** A snapshot with one watch change or state change applied; the input is left untouched. */
export function applyEvent(snap: KindSnapshot, e: StoreEvent): KindSnapshot {
  if (e.type === "state") return { ...snap, state: e.state, message: e.message };
  const rest = snap.items.filter((o) => !same(o, e.object));
  if (e.change === "DELETED") return { ...snap, items: rest };
  const at = snap.items.findIndex((o) => same(o, e.object));
  const items = [...rest];
  // Keep an updated object where it was, so rows do not jump while someone reads them.
  items.splice(at < 0 ? items.length : at, 0, e.object);
  return { ...snap, items };
}
