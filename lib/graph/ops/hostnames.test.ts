import { describe, expect, it } from "vitest";
import { fromHTTPRoutes, toHTTPRoutes } from "../build";
import { deepFreeze } from "../testing/deep-freeze";
import { exampleComRoute } from "../testing/fixtures";
import { graphNodes } from "../view";
import { addHostname, removeHostname, renameHostname } from "./hostnames";

const R = "httproute:team-a/example-com";
const graph = fromHTTPRoutes([deepFreeze(structuredClone(exampleComRoute))]);

describe("hostname edits", () => {
  it("adds a hostname that then serves every rule of the route", () => {
    const g = addHostname(graph, R, "www.example.com");
    expect(toHTTPRoutes(g)[0]?.spec.hostnames).toEqual(["example.com", "www.example.com"]);
    const node = graphNodes(g).find((n) => n.kind === "hostname" && n.value === "www.example.com");
    expect(node?.id).toBe(`${R}/hostname:www.example.com`);
  });

  it("renames a hostname in place; the node keeps its id", () => {
    const g = renameHostname(graph, `${R}/hostname:example.com`, "example.org");
    expect(toHTTPRoutes(g)[0]?.spec.hostnames).toEqual(["example.org"]);
    expect(graphNodes(g).find((n) => n.kind === "hostname")).toMatchObject({ id: `${R}/hostname:example.com`, value: "example.org" });
  });

  it("removes the last hostname without leaving an empty list", () => {
    const route = toHTTPRoutes(removeHostname(graph, `${R}/hostname:example.com`))[0];
    expect(route?.spec).not.toHaveProperty("hostnames");
    expect(route?.spec.rules).toBe(toHTTPRoutes(graph)[0]?.spec.rules);
  });
});
