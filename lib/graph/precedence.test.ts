import { describe, expect, it } from "vitest";
import type { HTTPRouteRule } from "../gateway/route-types";
import type { HTTPRoute } from "../gateway/types.generated";
import { router, winningRule } from "./precedence";
import { exampleComRoute } from "./testing/fixtures";

function route(name: string, rules: HTTPRouteRule[], extra: Partial<HTTPRoute["metadata"]> = {}, hostnames?: string[]): HTTPRoute {
  return {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { name, namespace: "default", creationTimestamp: "2026-01-01T00:00:00Z", ...extra },
    spec: { ...(hostnames && { hostnames }), rules },
  };
}
const to = (name: string, ...matches: NonNullable<HTTPRouteRule["matches"]>): HTTPRouteRule => ({ matches, backendRefs: [{ name }] });
const served = (routes: HTTPRoute[], path: string, more: object = {}) => {
  const hit = winningRule(routes, { host: "example.com", path, ...more });
  return hit && hit.route.spec.rules?.[hit.rule]?.backendRefs?.[0]?.name;
};

describe("winningRule", () => {
  it("routes /api/v1, /api/v2 and /docs on example.com, and 404s the rest", () => {
    expect(served([exampleComRoute], "/api/v1/users")).toBe("users");
    expect(served([exampleComRoute], "/api/v2")).toBe("compat");
    expect(served([exampleComRoute], "/docs/intro")).toBe("docs");
    expect(served([exampleComRoute], "/api/v10")).toBeUndefined();
    expect(winningRule([exampleComRoute], { host: "other.com", path: "/docs" })).toBeUndefined();
  });

  it("prefers an Exact path, then the longest prefix, whatever the order", () => {
    const routes = [
      route("r", [
        to("root", { path: { value: "/" } }),
        to("prefix", { path: { value: "/a" } }),
        to("exact", { path: { type: "Exact", value: "/a/b" } }),
        to("longer", { path: { value: "/a/b" } }),
      ]),
    ];
    expect(served(routes, "/a/b")).toBe("exact");
    expect(served(routes, "/a/b/c")).toBe("longer");
    expect(served(routes, "/ab")).toBe("root");
  });

  it("then a method match, then the most headers, then the most query params", () => {
    const routes = [
      route("r", [
        to("plain", { path: { value: "/x" } }),
        to("query", { path: { value: "/x" }, queryParams: [{ name: "q", value: "1" }] }),
        to("header", { path: { value: "/x" }, headers: [{ name: "h", value: "1" }] }),
        to("method", { path: { value: "/x" }, method: "GET" }),
      ]),
    ];
    expect(served(routes, "/x", { method: "GET", headers: { H: "1" }, query: { q: "1" } })).toBe("method");
    expect(served(routes, "/x", { method: "POST", headers: { h: "1" }, query: { q: "1" } })).toBe("header");
    expect(served(routes, "/x", { query: { q: "1" } })).toBe("query");
    expect(served(routes, "/x")).toBe("plain");
  });

  it("breaks ties by the oldest route, then namespace/name, then rule order", () => {
    const m = { path: { value: "/" } };
    const old = route("zzz", [to("old", m)], { creationTimestamp: "2025-01-01T00:00:00Z" });
    const a = route("aaa", [to("a1", m), to("a2", m)]);
    const b = route("bbb", [to("b", m)]);
    expect(served([b, a, old], "/")).toBe("old");
    expect(served([b, a], "/")).toBe("a1");
  });

  it("gives an exact hostname precedence over a wildcard, before match specificity", () => {
    const wildcard = route("w", [to("wild", { path: { type: "Exact", value: "/x" } })], {}, ["*.example.com"]);
    const exact = route("e", [to("exact-host", { path: { value: "/" } })], {}, ["a.example.com"]);
    expect(winningRule([wildcard, exact], { host: "a.example.com", path: "/x" })?.route).toBe(exact);
    expect(winningRule([wildcard, exact], { host: "b.example.com", path: "/x" })?.route).toBe(wildcard);
    expect(winningRule([wildcard], { host: "example.com", path: "/x" })).toBeUndefined();
  });

  it("answers many requests from one router as it would one at a time, whatever the host order", () => {
    const wildcard = route("w", [to("wild", { path: { type: "Exact", value: "/x" } })], {}, ["*.example.com"]);
    const exact = route("e", [to("exact-host", { path: { value: "/" } })], {}, ["a.example.com"]);
    const routes = [wildcard, exact, exampleComRoute];
    const requests = [
      { host: "b.example.com", path: "/x" },
      { host: "A.example.com", path: "/x" },
      { host: "example.com", path: "/docs" },
      { host: "a.example.com", path: "/nothing" },
      { host: "b.example.com", path: "/y" },
      { host: "example.com", path: "/api/v2" },
    ];
    const route1 = router(routes);
    const many = requests.map((r) => route1(r));
    expect(many.map((h) => h?.route.metadata.name)).toEqual(["w", "e", exampleComRoute.metadata.name, "e", undefined, exampleComRoute.metadata.name]);
    expect(many).toEqual(requests.map((r) => winningRule(routes, r)));
  });
});
