import { describe, expect, it } from "vitest";
import { fromHTTPRoutes, toHTTPRoutes } from "../build";
import { findRouteId } from "../locate";
import { exampleComRoute, knativeRoute } from "../testing/fixtures";
import { addRoute, removeRoute } from "./routes";

describe("route edits", () => {
  it("adds a new route with its own ids, even when its name is taken, and removes it again", () => {
    const g = fromHTTPRoutes([exampleComRoute]);
    const added = addRoute(g, exampleComRoute);
    expect(added.entries.map((e) => e.ids.route)).toEqual(["httproute:team-a/example-com", "httproute:team-a/example-com~2"]);
    expect(toHTTPRoutes(removeRoute(added, "httproute:team-a/example-com~2"))).toEqual([exampleComRoute]);
  });

  it("finds a route's id by namespace and name", () => {
    const g = fromHTTPRoutes([knativeRoute, exampleComRoute]);
    expect(findRouteId(g, "team-a", "example-com")).toBe("httproute:team-a/example-com");
    expect(findRouteId(g, "team-a", "missing")).toBeUndefined();
  });
});
