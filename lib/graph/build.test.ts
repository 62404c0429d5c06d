import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HTTPRoute } from "../gateway/types.generated";
import { fromHTTPRoutes, toHTTPRoutes } from "./build";
import { graphIndex } from "./locate";
import { exampleComRoute, knativeRoute, routeWithUnmodelledFields } from "./testing/fixtures";
import { httpRouteArbitrary } from "./testing/httproute-arbitrary";
import { graphEdges, graphNodes } from "./view";

const routes = fc.array(httpRouteArbitrary(), { minLength: 0, maxLength: 3 });

describe("fromHTTPRoutes / toHTTPRoutes", () => {
  it("loses nothing: routes generated from the CRD schema, unknown fields included, come back deep-equal", () => {
    fc.assert(
      fc.property(routes, (input) => {
        const snapshot = structuredClone(input);
        const output = toHTTPRoutes(fromHTTPRoutes(input));
        expect(output).toStrictEqual(snapshot);
        expect(input).toStrictEqual(snapshot);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("loses nothing for the v1beta1 schema either", () => {
    fc.assert(
      fc.property(fc.array(httpRouteArbitrary({ apiVersion: "v1beta1" }), { maxLength: 2 }), (input) => {
        expect(toHTTPRoutes(fromHTTPRoutes(input))).toStrictEqual(structuredClone(input));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it("loses nothing on realistic routes (net-gateway-api probe rules, path routing, experimental fields)", () => {
    const input = [knativeRoute, exampleComRoute, routeWithUnmodelledFields];
    const snapshot = structuredClone(input);
    expect(toHTTPRoutes(fromHTTPRoutes(input))).toStrictEqual(snapshot);
  });

  it("gives every element a unique id, even for routes with the same namespace/name", () => {
    fc.assert(
      fc.property(routes, (input) => {
        const graph = fromHTTPRoutes([...input, ...input]);
        const ids = graphNodes(graph).map((n) => n.id);
        expect(new Set(ids).size).toBe(ids.length);
        const edges = graphEdges(graph).map((e) => e.id);
        expect(new Set(edges).size).toBe(edges.length);
        for (const e of graphEdges(graph)) {
          expect(graphIndex(graph).has(e.source)).toBe(true);
          expect(graphIndex(graph).has(e.target)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it("gives the same ids to the same routes every time", () => {
    const a = graphNodes(fromHTTPRoutes([knativeRoute, exampleComRoute])).map((n) => n.id);
    const b = graphNodes(fromHTTPRoutes([structuredClone(knativeRoute), structuredClone(exampleComRoute)])).map((n) => n.id);
    expect(a).toEqual(b);
  });
});

describe("the graph view", () => {
  const graph = fromHTTPRoutes([exampleComRoute]);
  const nodes = graphNodes(graph);

  it("shows hostnames, the parent Gateway, rules and backends of a path-routing route", () => {
    expect(nodes.filter((n) => n.kind === "hostname").map((n) => n.kind === "hostname" && n.value)).toEqual(["example.com"]);
    const parent = nodes.find((n) => n.kind === "parent");
    expect(parent).toMatchObject({ name: "public", namespace: "gateways", sectionName: "https", parentKind: "Gateway" });
    const rules = nodes.flatMap((n) => (n.kind === "rule" ? [n] : []));
    expect(rules.map((r) => r.matches[0]?.match.path?.value)).toEqual(["/api/v1", "/api/v2", "/docs"]);
    expect(rules[1]?.timeouts).toEqual({ request: "10s", backendRequest: "5s" });
    expect(rules[2]?.filters[0]?.type).toBe("URLRewrite");
  });

  it("tells core Services from Knative Services and computes each backend's share", () => {
    const backends = nodes.flatMap((n) => (n.kind === "backend" ? [n] : []));
    expect(backends.map((b) => [b.name, b.backendKind, b.weight, b.percent])).toEqual([
      ["users", "Service", 1, 100],
      ["compat", "Service", 90, 90],
      ["compat-canary", "Service", 10, 10],
      ["docs", "KnativeService", 1, 100],
    ]);
    expect(backends[0]?.namespace).toBe("team-a");
  });

  it("links gateway → hostname → rule → backend", () => {
    const kinds = graphEdges(graph).map((e) => e.kind);
    expect(kinds.filter((k) => k === "attaches")).toHaveLength(1);
    expect(kinds.filter((k) => k === "serves")).toHaveLength(3);
    expect(kinds.filter((k) => k === "forwards")).toHaveLength(4);
  });

  it("links a route without hostnames straight from its Gateway to its rules", () => {
    const route: HTTPRoute = { ...exampleComRoute, spec: { ...exampleComRoute.spec, hostnames: [] } };
    const edges = graphEdges(fromHTTPRoutes([route]));
    expect(edges.filter((e) => e.kind === "serves").every((e) => e.source.includes("/parent:"))).toBe(true);
  });

  it("keeps a backend of another kind as it is", () => {
    const route: HTTPRoute = {
      ...exampleComRoute,
      spec: { rules: [{ backendRefs: [{ group: "example.io", kind: "Bucket", name: "b" }] }] },
    };
    const backend = graphNodes(fromHTTPRoutes([route])).find((n) => n.kind === "backend");
    expect(backend).toMatchObject({ backendKind: "Other", group: "example.io", refKind: "Bucket", name: "b" });
  });
});
