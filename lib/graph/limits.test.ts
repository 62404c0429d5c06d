import { describe, expect, it } from "vitest";
import type { HTTPRouteRule } from "../gateway/route-types";
import type { HTTPRoute } from "../gateway/types.generated";
import { fromHTTPRoutes } from "./build";
import { findLimitViolations } from "./limits";
import { addRule } from "./ops/rules";
import { knativeRoute } from "./testing/fixtures";

const R = "httproute:default/big";
function route(rules: HTTPRouteRule[], spec: Partial<HTTPRoute["spec"]> = {}): HTTPRoute {
  return { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "big", namespace: "default" }, spec: { ...spec, rules } };
}
const rule = (matches: number, backends = 1): HTTPRouteRule => ({
  matches: Array.from({ length: matches }, (_, i) => ({ path: { type: "PathPrefix" as const, value: `/p${i}` } })),
  backendRefs: Array.from({ length: backends }, (_, i) => ({ name: `s${i}`, port: 80 })),
});
const limitsOf = (r: HTTPRoute) => findLimitViolations(fromHTTPRoutes([r])).map((v) => [v.limit, v.actual, v.elementId]);

describe("findLimitViolations", () => {
  it("accepts a route at every limit", () => {
    const hostnames = Array.from({ length: 16 }, (_, i) => `h${i}.example.com`);
    const parentRefs = Array.from({ length: 32 }, (_, i) => ({ name: `gw${i}` }));
    expect(limitsOf(route([...Array.from({ length: 15 }, () => rule(4, 16)), rule(64)], { hostnames, parentRefs }))).toEqual([]);
  });

  it("flags the 17th rule that net-gateway-api's probe rules make easy to reach", () => {
    let g = fromHTTPRoutes([knativeRoute]);
    const id = "httproute:default/hello.default.example.com";
    for (let i = 0; i < 15; i++) g = addRule(g, id, rule(1));
    const [v] = findLimitViolations(g);
    expect(v).toMatchObject({ limit: "rules", actual: 17, max: 16, elementId: id, path: "spec.rules", splittable: true });
    expect(v?.message).toMatch(/17 rules; an HTTPRoute allows at most 16/);
  });

  it("pins too many matches or backends on the rule", () => {
    expect(limitsOf(route([rule(1), rule(65)]))).toEqual([["matchesPerRule", 65, `${R}/rule[1]`]]);
    const [v] = findLimitViolations(fromHTTPRoutes([route([rule(1, 17)])]));
    expect(v).toMatchObject({ limit: "backendRefsPerRule", elementId: `${R}/rule[0]`, splittable: false });
  });

  it("counts matches across all rules, an absent list counting as the one it defaults to", () => {
    expect(limitsOf(route([rule(64), rule(64)]))).toEqual([]);
    expect(limitsOf(route([rule(64), rule(64), { backendRefs: [{ name: "s" }] }]))).toEqual([["matchesPerRoute", 129, R]]);
  });

  it("flags too many hostnames and parent references", () => {
    const hostnames = Array.from({ length: 17 }, (_, i) => `h${i}.example.com`);
    const parentRefs = Array.from({ length: 33 }, (_, i) => ({ name: `gw${i}` }));
    expect(limitsOf(route([rule(1)], { hostnames, parentRefs }))).toEqual([
      ["hostnames", 17, R],
      ["parentRefs", 33, R],
    ]);
  });
});
