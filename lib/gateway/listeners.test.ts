import { describe, expect, it } from "vitest";
import { attach, effectiveHostnames, GATEWAY_GROUP, listenerKinds, type Listener } from "./listeners";

const l = (more: Partial<Listener> = {}): Listener => ({ name: "l", port: 80, protocol: "HTTP", allowedRoutes: { namespaces: { from: "All" } }, ...more });

describe("effectiveHostnames (route hostnames narrowed to the listener's)", () => {
  const table: [string[], string | undefined, readonly string[] | "any"][] = [
    [[], undefined, "any"],
    [[], "a.example.com", ["a.example.com"]],
    [["a.example.com", "b.example.net"], "*.example.com", ["a.example.com"]],
    [["*.example.com"], "abc.foo.example.com", ["abc.foo.example.com"]],
    [["*.example.com"], "*.foo.example.com", ["*.foo.example.com"]],
    [["*.foo.example.com"], "*.example.com", ["*.foo.example.com"]],
    [["bar.com"], "*.example.com", []],
  ];
  for (const [route, listener, want] of table)
    it(`${route.join(",") || "(none)"} on ${listener ?? "(any)"}`, () => expect(effectiveHostnames(route, listener)).toEqual(want));
});

describe("listenerKinds", () => {
  it("defaults to the protocol's kinds, keeps valid named kinds and reports the rest", () => {
    expect(listenerKinds(l()).supported.map((k) => k.kind)).toEqual(["HTTPRoute", "GRPCRoute"]);
    expect(listenerKinds(l({ protocol: "TLS", tls: { mode: "Passthrough" } })).supported.map((k) => k.kind)).toEqual(["TLSRoute"]);
    const k = listenerKinds(l({ allowedRoutes: { kinds: [{ kind: "HTTPRoute" }, { kind: "TCPRoute" }, { group: "x.io", kind: "HTTPRoute" }] } }));
    expect(k.supported).toEqual([{ group: GATEWAY_GROUP, kind: "HTTPRoute" }]);
    expect(k.invalid).toEqual([
      { group: GATEWAY_GROUP, kind: "TCPRoute" },
      { group: "x.io", kind: "HTTPRoute" },
    ]);
  });
});

describe("attach: the verdict names its cause", () => {
  const input = (listeners: Listener[], ref = {}, ns = "apps", hostnames: string[] = []) => ({
    kind: { group: GATEWAY_GROUP, kind: "HTTPRoute" },
    namespace: ns,
    hostnames,
    ref,
    listeners,
    ownerNamespace: "infra",
    labels: () => undefined,
  });
  const table: [string, ReturnType<typeof input>, string][] = [
    ["attached", input([l()]), "ok"],
    ["sectionName", input([l()], { sectionName: "x" }), "NoMatchingParent/sectionName"],
    ["port", input([l()], { port: 81 }), "NoMatchingParent/port"],
    ["kinds", input([l({ allowedRoutes: { kinds: [{ kind: "GRPCRoute" }], namespaces: { from: "All" } } })]), "NotAllowedByListeners/kinds"],
    ["namespaces", input([l({ allowedRoutes: { namespaces: { from: "Same" } } })]), "NotAllowedByListeners/namespaces"],
    ["hostnames", input([l({ hostname: "a.example.com" })], {}, "apps", ["b.example.com"]), "NoMatchingListenerHostname/hostnames"],
  ];
  for (const [name, i, want] of table) {
    it(name, () => {
      const v = attach(i);
      expect(v.ok ? "ok" : `${v.reason}/${v.cause}`).toBe(want);
    });
  }
});
