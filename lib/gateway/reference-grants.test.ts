import { describe, expect, it } from "vitest";
import { grantAllows, missingGrants, referenceGrantFor } from "./reference-grants";
import type { HTTPRoute, ReferenceGrant } from "./types.generated";

const route = (refs: { name: string; namespace?: string; kind?: string; group?: string }[]): HTTPRoute => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { name: "shop", namespace: "team-a" },
  spec: { rules: [{ backendRefs: refs.slice(0, 2) }, { backendRefs: refs.slice(2) }] },
});

describe("ReferenceGrants a route needs", () => {
  it("asks for one grant per Service in another namespace, none for its own namespace or other kinds", () => {
    const r = route([
      { name: "users" },
      { name: "users", namespace: "team-a" },
      { name: "inventory", namespace: "team-b" },
      { name: "inventory", namespace: "team-b" },
      { name: "bucket", namespace: "team-c", kind: "Bucket", group: "storage.example.com" },
    ]);
    const needed = missingGrants(r, []);
    expect(needed).toEqual([referenceGrantFor("team-a", { namespace: "team-b", name: "inventory" })]);
    expect(needed[0]).toMatchObject({
      metadata: { namespace: "team-b", name: "routeboard-team-a-to-inventory" },
      spec: { from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "team-a" }], to: [{ group: "", kind: "Service", name: "inventory" }] },
    });
  });

  it("is satisfied by a grant for the namespace, for every Service or the one named, and by nothing else", () => {
    const grant = (ns: string, from: string, name?: string): ReferenceGrant => ({
      apiVersion: "gateway.networking.k8s.io/v1beta1",
      kind: "ReferenceGrant",
      metadata: { name: "g", namespace: ns },
      spec: { from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: from }], to: [{ group: "", kind: "Service", ...(name && { name }) }] },
    });
    const r = route([{ name: "inventory", namespace: "team-b" }]);
    expect(missingGrants(r, [grant("team-b", "team-a")])).toEqual([]);
    expect(missingGrants(r, [grant("team-b", "team-a", "inventory")])).toEqual([]);
    expect(missingGrants(r, [grant("team-b", "team-a", "other")])).toHaveLength(1);
    expect(missingGrants(r, [grant("team-b", "team-x")])).toHaveLength(1);
    expect(missingGrants(r, [grant("team-a", "team-a")])).toHaveLength(1);
    expect(grantAllows([referenceGrantFor("team-a", { namespace: "team-b", name: "inventory" })], "team-a", "team-b", "inventory")).toBe(true);
  });
});
