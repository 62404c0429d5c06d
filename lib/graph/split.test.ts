import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HTTPRouteMatch, HTTPRouteRule } from "../gateway/route-types";
import type { HTTPRoute } from "../gateway/types.generated";
import { routeLimitViolations } from "./limits";
import { winningRule, type SampleRequest } from "./precedence";
import { splitRoute } from "./split";
import { knativeRoute } from "./testing/fixtures";

const T0 = "2026-01-01T00:00:00Z";
function route(name: string, rules: HTTPRouteRule[], created: string | undefined, hostnames?: string[]): HTTPRoute {
  return {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { name, namespace: "default", ...(created && { creationTimestamp: created }) },
    spec: { ...(hostnames && { hostnames }), parentRefs: [{ name: "gw" }], rules },
  };
}

// A small vocabulary, so that generated rules overlap and tie often.
const paths = ["/", "/a", "/a/b", "/ab", "/a/b/c"];
const match: fc.Arbitrary<HTTPRouteMatch> = fc.record(
  {
    path: fc.record({ type: fc.constantFrom("Exact" as const, "PathPrefix" as const), value: fc.constantFrom(...paths) }, { noNullPrototype: true }),
    method: fc.constantFrom("GET" as const, "POST" as const),
    headers: fc.subarray(
      [
        { name: "x", value: "1" },
        { name: "y", value: "2" },
      ],
      { minLength: 1 },
    ),
    queryParams: fc.constant([{ name: "q", value: "1" }]),
  },
  { requiredKeys: [], noNullPrototype: true },
);
const rules = (min: number, max: number) =>
  fc
    .array(
      fc.oneof(
        { weight: 8, arbitrary: fc.array(match, { minLength: 1, maxLength: 3 }) },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.array(match, { minLength: 60, maxLength: 70 }) },
      ),
      { minLength: min, maxLength: max },
    )
    .map((ms) => ms.map((matches, i): HTTPRouteRule => ({ name: `r${i}`, ...(matches && { matches }), backendRefs: [{ name: `svc-${i}` }] })));

const hostnames: fc.Arbitrary<string[] | undefined> = fc.oneof(
  fc.constant<string[] | undefined>(undefined),
  fc.constant<string[] | undefined>(["example.com", "*.example.com"]),
  fc.constant<string[] | undefined>([...Array.from({ length: 18 }, (_, i) => `h${i}.example.com`), "*.example.com"]),
);
const request: fc.Arbitrary<SampleRequest> = fc.record(
  {
    host: fc.constantFrom("example.com", "h3.example.com", "h17.example.com", "z.example.com"),
    path: fc.constantFrom(...paths, "/a/b/c/d", "/abc", "/x"),
    method: fc.constantFrom("GET", "POST"),
    headers: fc.constantFrom<Record<string, string>>({}, { x: "1" }, { x: "1", y: "2" }),
    query: fc.constantFrom<Record<string, string>>({}, { q: "1" }),
  },
  { noNullPrototype: true },
);

/** What a request gets: the winning rule's backends, filters and the rest, not its name. */
function action(routes: HTTPRoute[], req: SampleRequest): string {
  const hit = winningRule(routes, req);
  if (!hit) return "404";
  const { name: _name, matches: _matches, ...rest } = hit.route.spec.rules?.[hit.rule] ?? {};
  return JSON.stringify(rest);
}

describe("splitRoute", () => {
  it("splits so that every part is within limits and every request reaches the same backend", () => {
    fc.assert(
      fc.property(
        rules(17, 45),
        rules(0, 4),
        rules(0, 4),
        hostnames,
        fc.boolean(),
        fc.array(request, { minLength: 30, maxLength: 30 }),
        (big, older, sameTime, hosts, staggered, requests) => {
          const original = route("shop", big, T0, hosts);
          // Other routes on the Gateway: an older one, one as old whose name sorts first, a newer one.
          const others = [
            route("zz", older, "2025-01-01T00:00:00Z", hosts),
            route("aa", sameTime, T0, hosts),
            route("new", older, "2029-01-01T00:00:00Z", hosts),
          ];
          const { routes: parts, unsplittable } = splitRoute(original);
          expect(unsplittable).toEqual([]);
          expect(parts.length).toBeGreaterThan(1);
          for (const part of parts) expect(routeLimitViolations(part)).toEqual([]);
          // Created by the API server when applied in order: all in one second, or a second apart.
          const created = parts.map((p, k) =>
            k === 0
              ? p
              : {
                  ...p,
                  metadata: { ...p.metadata, creationTimestamp: staggered ? `2027-01-01T00:00:${String(k).padStart(2, "0")}Z` : "2027-01-01T00:00:00Z" },
                },
          );
          const differing = requests.filter((req) => action([original, ...others], req) !== action([...created, ...others], req));
          expect(differing).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it("cuts 20 rules into 16 + 4, the first part keeping the original's name and metadata", () => {
    const big = { ...knativeRoute, spec: { ...knativeRoute.spec, rules: Array.from({ length: 10 }, () => knativeRoute.spec.rules ?? []).flat() } };
    const { routes } = splitRoute(big);
    expect(routes.map((r) => [r.metadata.name, r.spec.rules?.length])).toEqual([
      ["hello.default.example.com", 16],
      ["hello.default.example.com-1", 4],
    ]);
    expect(routes[0]?.metadata).toBe(big.metadata);
    // A new part carries no server-set metadata, but keeps the labels and annotations.
    expect(Object.keys(routes[1]?.metadata ?? {}).sort()).toEqual(["annotations", "labels", "name", "namespace"]);
    expect(routes[1]?.spec.hostnames).toEqual(big.spec.hostnames);
    expect(routes[1]?.spec.parentRefs).toEqual(big.spec.parentRefs);
  });

  it("cuts a rule of 70 matches into two rules with the same action and unique names", () => {
    const matches = Array.from({ length: 70 }, (_, i) => ({ path: { type: "Exact" as const, value: `/p${i}` } }));
    const { routes } = splitRoute(route("r", [{ name: "many", matches, backendRefs: [{ name: "s" }] }], T0));
    expect(routes).toHaveLength(1);
    expect(routes[0]?.spec.rules?.map((r) => [r.name, r.matches?.length, r.backendRefs])).toEqual([
      ["many", 64, [{ name: "s" }]],
      ["many-2", 6, [{ name: "s" }]],
    ]);
  });

  it("leaves a route within limits untouched and says when splitting cannot help", () => {
    expect(splitRoute(knativeRoute).routes[0]).toBe(knativeRoute);
    const wide = route("w", [{ backendRefs: Array.from({ length: 17 }, (_, i) => ({ name: `s${i}` })) }], T0);
    const result = splitRoute(wide);
    expect(result.routes).toEqual([wide]);
    expect(result.unsplittable.map((v) => v.limit)).toEqual(["backendRefsPerRule"]);
  });

  it("zero-pads part numbers so names sort in precedence order", () => {
    const many = route(
      "r",
      Array.from({ length: 16 * 11 }, (_, i) => ({ matches: [{ path: { value: `/p${i}` } }] })),
      T0,
    );
    const names = splitRoute(many).routes.map((r) => r.metadata.name ?? "");
    expect(names.slice(0, 3)).toEqual(["r", "r-01", "r-02"]);
    expect([...names].sort()).toEqual(names);
  });
});
