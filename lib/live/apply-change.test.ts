import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/meta";
import type { KindSnapshot } from "../store";
import fc from "fast-check";
import { applyEvent, applyEvents, shareSnapshot } from "./apply-change";

const obj = (name: string, namespace: string, rv: string): KubeObject => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { name, namespace, resourceVersion: rv },
});
const snap: KindSnapshot = { kind: "HTTPRoute", state: "ready", items: [obj("a", "x", "1"), obj("b", "x", "2")] };

describe("applyEvent", () => {
  it("adds a new object at the end", () => {
    const next = applyEvent(snap, { type: "change", kind: "HTTPRoute", change: "ADDED", object: obj("c", "x", "3") });
    expect(next.items.map((o) => o.metadata.name)).toEqual(["a", "b", "c"]);
    expect(snap.items).toHaveLength(2);
  });

  it("replaces a modified object in place, matching on namespace and name", () => {
    const next = applyEvent(snap, { type: "change", kind: "HTTPRoute", change: "MODIFIED", object: obj("a", "x", "9") });
    expect(next.items.map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`)).toEqual(["a@9", "b@2"]);
  });

  it("treats the same name in another namespace as another object", () => {
    const next = applyEvent(snap, { type: "change", kind: "HTTPRoute", change: "ADDED", object: obj("a", "y", "4") });
    expect(next.items).toHaveLength(3);
  });

  it("removes a deleted object, and is idempotent", () => {
    const e = { type: "change", kind: "HTTPRoute", change: "DELETED", object: obj("a", "x", "5") } as const;
    const once = applyEvent(snap, e);
    expect(applyEvent(once, e).items.map((o) => o.metadata.name)).toEqual(["b"]);
  });

  it("carries a state change with its message", () => {
    const next = applyEvent(snap, { type: "state", kind: "HTTPRoute", state: "unreachable", message: "refused" });
    expect(next).toMatchObject({ state: "unreachable", message: "refused", items: snap.items });
  });
});

describe("applyEvents: one frame's batch, shared structurally", () => {
  const change = (c: "ADDED" | "MODIFIED" | "DELETED", o: KubeObject) => ({ type: "change", kind: "HTTPRoute", change: c, object: o }) as const;

  it("applies a batch in order, the last change of an object winning", () => {
    const next = applyEvents(snap, [
      change("MODIFIED", obj("a", "x", "7")),
      change("ADDED", obj("c", "x", "8")),
      change("MODIFIED", obj("a", "x", "9")),
      change("DELETED", obj("b", "x", "10")),
    ]);
    expect(next.items.map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`)).toEqual(["a@9", "c@8"]);
  });

  it("keeps the identity of every object the batch does not change", () => {
    const next = applyEvents(snap, [change("MODIFIED", obj("b", "x", "3"))]);
    expect(next.items[0]).toBe(snap.items[0]);
    expect(next.items[1]).not.toBe(snap.items[1]);
  });

  it("returns the snapshot itself when nothing changed: a replayed version, a deletion of what is gone, an empty batch", () => {
    expect(applyEvents(snap, [change("MODIFIED", obj("a", "x", "1"))])).toBe(snap);
    expect(applyEvents(snap, [change("DELETED", obj("zz", "x", "1"))])).toBe(snap);
    expect(applyEvents(snap, [])).toBe(snap);
  });

  it("treats the same resourceVersion under another uid (deleted and re-created) as a change", () => {
    const a = { ...obj("a", "x", "1"), metadata: { ...obj("a", "x", "1").metadata, uid: "u1" } };
    const s: KindSnapshot = { ...snap, items: [a] };
    const next = applyEvents(s, [change("ADDED", { ...a, metadata: { ...a.metadata, uid: "u2" } })]);
    expect(next).not.toBe(s);
    expect(next.items[0]?.metadata.uid).toBe("u2");
  });

  it("agrees with applying the events one at a time, for any batch", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ c: fc.constantFrom("ADDED", "MODIFIED", "DELETED"), name: fc.constantFrom("a", "b", "c", "d"), rv: fc.integer({ min: 1, max: 5 }) }),
          {
            maxLength: 12,
          },
        ),
        (batch) => {
          const events = batch.map((b) => change(b.c, obj(b.name, "x", String(b.rv))));
          const one = events.reduce(applyEvent, snap);
          const all = applyEvents(snap, events);
          // The same objects at the same versions; order may differ only for objects re-added after deletion.
          const view = (s: KindSnapshot) => s.items.map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`).sort();
          expect(view(all)).toEqual(view(one));
        },
      ),
    );
  });
});

describe("shareSnapshot: a reconnect's fresh snapshot", () => {
  it("keeps the old snapshot whole when no version changed", () => {
    const fresh: KindSnapshot = JSON.parse(JSON.stringify(snap)) as KindSnapshot;
    expect(shareSnapshot(snap, fresh)).toBe(snap);
  });

  it("keeps unchanged objects and takes the changed and new ones", () => {
    const fresh: KindSnapshot = { ...snap, items: [obj("a", "x", "1"), obj("b", "x", "5"), obj("c", "x", "6")] };
    const shared = shareSnapshot(snap, fresh);
    expect(shared.items[0]).toBe(snap.items[0]);
    expect(shared.items.map((o) => o.metadata.resourceVersion)).toEqual(["1", "5", "6"]);
  });

  it("takes a state change even when the objects are the same", () => {
    const shared = shareSnapshot(snap, { ...snap, items: [...snap.items], state: "unreachable", message: "refused" });
    expect(shared).toMatchObject({ state: "unreachable", message: "refused" });
    expect(shared.items[1]).toBe(snap.items[1]);
  });
});
