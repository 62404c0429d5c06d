import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/meta";
import type { KindSnapshot } from "../store";
import { applyEvent } from "./apply-change";

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
