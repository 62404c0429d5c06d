import { describe, expect, it } from "vitest";
import { fromHTTPRoutes, toHTTPRoutes } from "../build";
import { deepFreeze } from "../testing/deep-freeze";
import { exampleComRoute, routeWithUnmodelledFields } from "../testing/fixtures";
import { addMatch, editMatch, removeMatch } from "./matches";

const R = "httproute:team-a/example-com";
const graph = fromHTTPRoutes([deepFreeze(structuredClone(exampleComRoute))]);
const firstMatch = (g = graph) => toHTTPRoutes(g)[0]?.spec.rules?.[0]?.matches?.[0];

describe("match edits", () => {
  it("changes the path type and keeps the value", () => {
    expect(firstMatch(editMatch(graph, `${R}/rule:users/match[0]`, { path: { type: "Exact" } }))).toEqual({
      path: { type: "Exact", value: "/api/v1" },
    });
  });

  it("sets headers, query params and method, and removes them with null", () => {
    const g = editMatch(graph, `${R}/rule:users/match[0]`, {
      method: "GET",
      headers: [{ name: "x-env", type: "Exact", value: "canary" }],
      queryParams: [{ name: "debug", value: "1" }],
    });
    expect(firstMatch(g)).toMatchObject({ method: "GET", headers: [{ name: "x-env" }], queryParams: [{ name: "debug" }] });
    const cleared = editMatch(g, `${R}/rule:users/match[0]`, { method: null, headers: null, queryParams: [] });
    expect(firstMatch(cleared)).toEqual(firstMatch());
  });

  it("keeps fields of a match it does not model", () => {
    const g = fromHTTPRoutes([routeWithUnmodelledFields]);
    const edited = editMatch(g, "httproute:team-a/sticky/rule:cart/match[0]", { path: { value: "/basket" } });
    expect(toHTTPRoutes(edited)[0]?.spec.rules?.[0]?.matches?.[0]).toEqual({
      path: { type: "Exact", value: "/basket" },
      method: "POST",
      futureMatchField: [1, 2],
    });
  });

  it("adds and removes matches of a rule", () => {
    const g = addMatch(graph, `${R}/rule:users`, { path: { type: "PathPrefix", value: "/api/v1beta" } });
    expect(toHTTPRoutes(g)[0]?.spec.rules?.[0]?.matches).toHaveLength(2);
    expect(toHTTPRoutes(removeMatch(g, `${R}/rule:users/match[1]`))).toEqual(toHTTPRoutes(graph));
  });
});
