import type { KubeObject } from "../k8s/meta";
import type { KindSnapshot, StoreEvent } from "../store";

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name}`;

/** The same version of the same object: the watch says nothing new, so the old one is kept. */
const unchanged = (a: KubeObject, b: KubeObject) =>
  a.metadata.resourceVersion !== undefined && a.metadata.resourceVersion === b.metadata.resourceVersion && a.metadata.uid === b.metadata.uid;

/** A snapshot with one watch change or state change applied; the input is left untouched. */
export function applyEvent(snap: KindSnapshot, e: StoreEvent): KindSnapshot {
  return applyEvents(snap, [e]);
}

/**
 * A snapshot with a batch of changes applied (one frame's worth of the stream), in one pass
 * whatever the batch's size. Structural sharing: objects the batch does not change keep their
 * identity, and a batch that changes nothing returns the snapshot itself, so memoised rows,
 * chains and nodes derived from them are not recomputed.
 */
export function applyEvents(snap: KindSnapshot, events: readonly StoreEvent[]): KindSnapshot {
  let state = snap.state;
  let message = snap.message;
  // Last write wins per object; undefined marks a deletion.
  const changes = new Map<string, KubeObject | undefined>();
  for (const e of events) {
    if (e.type === "state") {
      state = e.state;
      message = e.message;
    } else changes.set(keyOf(e.object), e.change === "DELETED" ? undefined : e.object);
  }
  let items = snap.items;
  if (changes.size > 0) {
    const next: KubeObject[] = [];
    let changed = false;
    for (const o of snap.items) {
      const k = keyOf(o);
      if (!changes.has(k)) {
        next.push(o);
        continue;
      }
      const n = changes.get(k);
      changes.delete(k);
      // Keep an updated object where it was, so rows do not jump while someone reads them.
      if (n === undefined) changed = true;
      else if (unchanged(o, n)) next.push(o);
      else {
        next.push(n);
        changed = true;
      }
    }
    for (const n of changes.values()) {
      if (n) {
        next.push(n);
        changed = true;
      }
    }
    if (changed) items = next;
  }
  if (items === snap.items && state === snap.state && message === snap.message) return snap;
  return { ...snap, state, message, items };
}

/**
 * A fresh snapshot (a reconnect's) merged into the one on screen: objects whose version did not
 * change keep their identity, and when nothing changed at all the old snapshot is kept whole.
 */
export function shareSnapshot(old: KindSnapshot | undefined, fresh: KindSnapshot): KindSnapshot {
  if (!old) return fresh;
  const before = new Map(old.items.map((o) => [keyOf(o), o]));
  let same = old.items.length === fresh.items.length && old.state === fresh.state && old.message === fresh.message;
  const items = fresh.items.map((n, i) => {
    const o = before.get(keyOf(n));
    if (o && unchanged(o, n)) {
      if (old.items[i] !== o) same = false;
      return o;
    }
    same = false;
    return n;
  });
  return same ? old : { ...fresh, items };
}
