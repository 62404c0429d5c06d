import { describe, expect, it } from "vitest";
import { fromHTTPRoutes, toHTTPRoutes } from "../build";
import { deepFreeze } from "../testing/deep-freeze";
import { exampleComRoute } from "../testing/fixtures";
import { graphEdges, graphNodes } from "../view";
import { attachParent, detachParent } from "./parents";

const R = "httproute:team-a/example-com";
const graph = fromHTTPRoutes([deepFreeze(structuredClone(exampleComRoute))]);

describe("parent edits", () => {
  it("attaches a route to a second Gateway listener, which then reaches its hostnames", () => {
    const g = attachParent(graph, R, { name: "internal", namespace: "gateways", sectionName: "http" });
    const id = `${R}/parent:gateways/internal#http`;
    expect(graphNodes(g).some((n) => n.id === id)).toBe(true);
    expect(
      graphEdges(g)
        .filter((e) => e.source === id)
        .map((e) => e.target),
    ).toEqual([`${R}/hostname:example.com`]);
    expect(toHTTPRoutes(detachParent(g, id))).toEqual([exampleComRoute]);
  });

  it("detaches from the only Gateway", () => {
    const route = toHTTPRoutes(detachParent(graph, `${R}/parent:gateways/public#https`))[0];
    expect(route?.spec).not.toHaveProperty("parentRefs");
  });
});
