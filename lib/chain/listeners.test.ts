import { describe, expect, it } from "vitest";
import type { HTTPRoute } from "../gateway/types.generated";
import { attachListeners, hostnamesIntersect, namespaceAllowed, type Listener } from "./listeners";
import { indexObjects } from "./objects";

describe("hostnamesIntersect (Gateway API listener/route hostname rules)", () => {
  const table: [string | undefined, string, boolean][] = [
    [undefined, "a.example.com", true],
    ["a.example.com", "a.example.com", true],
    ["a.example.com", "b.example.com", false],
    ["*.example.com", "a.example.com", true],
    ["*.example.com", "a.b.example.com", true],
    ["*.example.com", "example.com", false],
    ["a.example.com", "*.example.com", true],
    ["*.example.com", "*.a.example.com", true],
    ["*.internal.example.com", "hello.default.example.com", false],
  ];
  for (const [l, r, want] of table) it(`${l ?? "(none)"} vs ${r} → ${want}`, () => expect(hostnamesIntersect(l, r)).toBe(want));
});

describe("namespaceAllowed", () => {
  const index = indexObjects([{ apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a", labels: { shared: "yes" } } }]);
  const l = (namespaces: NonNullable<Listener["allowedRoutes"]>["namespaces"]): Listener => ({
    name: "http",
    port: 80,
    protocol: "HTTP",
    allowedRoutes: { namespaces },
  });
  const table: [string, Listener, string, boolean][] = [
    ["default is Same", { name: "http", port: 80, protocol: "HTTP" }, "gw", true],
    ["Same, other ns", l({ from: "Same" }), "team-a", false],
    ["All", l({ from: "All" }), "team-a", true],
    ["Selector matchLabels", l({ from: "Selector", selector: { matchLabels: { shared: "yes" } } }), "team-a", true],
    ["Selector no match", l({ from: "Selector", selector: { matchLabels: { shared: "no" } } }), "team-a", false],
    [
      "Selector metadata.name",
      l({ from: "Selector", selector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["team-b"] }] } }),
      "team-b",
      true,
    ],
  ];
  for (const [name, listener, routeNs, want] of table) it(name, () => expect(namespaceAllowed(listener, "gw", routeNs, index)).toBe(want));
});

describe("attachListeners", () => {
  const index = indexObjects([]);
  const gw = (listeners: Listener[]) => ({
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "Gateway",
    metadata: { name: "gw", namespace: "gw" },
    spec: { gatewayClassName: "c", listeners },
  });
  const route: HTTPRoute = { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "r", namespace: "team-a" }, spec: {} };
  it("says when the route kind, not the namespace, keeps it out", () => {
    const v = attachListeners(
      route,
      { name: "gw" },
      gw([{ name: "grpc", port: 80, protocol: "HTTP", allowedRoutes: { kinds: [{ kind: "GRPCRoute" }], namespaces: { from: "All" } } }]),
      index,
    );
    expect(v.ok ? "ok" : `${v.reason}/${v.cause}`).toBe("NotAllowedByListeners/kinds");
  });
  it("and when it is the namespace", () => {
    const v = attachListeners(route, { name: "gw" }, gw([{ name: "http", port: 80, protocol: "HTTP" }]), index);
    expect(v.ok ? "ok" : `${v.reason}/${v.cause}`).toBe("NotAllowedByListeners/namespaces");
  });
});
