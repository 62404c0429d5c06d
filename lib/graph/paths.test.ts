import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromHTTPRoutes } from "./build";
import { graphIndex } from "./locate";
import { moveRule } from "./ops/rules";
import { elementIdForPath, formatPath, parsePath, pathForElementId, type PathSegment } from "./paths";
import { exampleComRoute, knativeRoute } from "./testing/fixtures";
import { httpRouteArbitrary } from "./testing/httproute-arbitrary";
import { isWithin } from "./testing/json-diff";

function leafPaths(value: unknown, at: PathSegment[] = []): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...at, i]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...at, k]));
  }
  return [formatPath(at)];
}

describe("JSON paths ⇄ element ids", () => {
  const graph = fromHTTPRoutes([knativeRoute, exampleComRoute]);
  const routeId = "httproute:team-a/example-com";

  it("pins a path inside a match on that match", () => {
    expect(elementIdForPath(graph, routeId, "spec.rules[2].matches[0].path.value")).toBe("httproute:team-a/example-com/rule:docs/match[0]");
    expect(pathForElementId(graph, "httproute:team-a/example-com/rule:docs/match[0]")).toEqual({
      routeId,
      path: "spec.rules[2].matches[0]",
    });
  });

  it("pins rule fields on the rule, backend fields on the backend, metadata on the route", () => {
    expect(elementIdForPath(graph, routeId, "spec.rules[1].timeouts.request")).toBe(`${routeId}/rule:compat`);
    expect(elementIdForPath(graph, routeId, "spec.rules[1].backendRefs[1].weight")).toBe(`${routeId}/rule:compat/backend:compat-canary:8080`);
    expect(elementIdForPath(graph, routeId, "metadata.labels[app]")).toBe(routeId);
    expect(elementIdForPath(graph, routeId, "spec.hostnames[0]")).toBe(`${routeId}/hostname:example.com`);
    expect(elementIdForPath(graph, routeId, "spec.rules[9].name")).toBe(routeId);
    expect(elementIdForPath(graph, "httproute:nope/nope", "spec")).toBeUndefined();
  });

  it("pins unnamed net-gateway-api rules by position, and backend filters on the filter", () => {
    const knId = "httproute:default/hello.default.example.com";
    expect(elementIdForPath(graph, knId, "spec.rules[0].backendRefs[1].filters[0].requestHeaderModifier")).toBe(
      `${knId}/rule[0]/backend:hello-00001:80/filter[0]`,
    );
  });

  it("keeps pointing at the same rule after the rules are reordered", () => {
    const moved = moveRule(graph, `${routeId}/rule:docs`, 0);
    expect(pathForElementId(moved, `${routeId}/rule:docs`)?.path).toBe("spec.rules[0]");
    expect(elementIdForPath(moved, routeId, "spec.rules[0].matches[0].path.value")).toBe(`${routeId}/rule:docs/match[0]`);
  });

  it("parses the path notations the API server and CEL use", () => {
    expect(parsePath("spec.rules[2].matches[0].path.value")).toEqual(["spec", "rules", 2, "matches", 0, "path", "value"]);
    expect(parsePath("$.metadata.labels['a.b/c']")).toEqual(["metadata", "labels", "a.b/c"]);
    expect(formatPath(["spec", "rules", 2, "name"])).toBe("spec.rules[2].name");
  });

  it("maps every field of any generated route to an element that contains it, and back", () => {
    fc.assert(
      fc.property(fc.array(httpRouteArbitrary(), { minLength: 1, maxLength: 2 }), (routes) => {
        const g = fromHTTPRoutes(routes);
        const wrong: string[] = [];
        g.entries.forEach(({ route, ids }) => {
          for (const path of leafPaths(route)) {
            const id = elementIdForPath(g, ids.route, path);
            const where = id === undefined ? undefined : pathForElementId(g, id);
            const ok = where?.routeId === ids.route && (where.path === "" || isWithin(path, where.path));
            if (!ok) wrong.push(`${path} -> ${id}`);
          }
        });
        for (const id of graphIndex(g).keys()) {
          const where = pathForElementId(g, id);
          if (!where || elementIdForPath(g, where.routeId, where.path) !== id) wrong.push(`${id} <- ${where?.path}`);
        }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
