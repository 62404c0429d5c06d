import { describe, expect, it } from "vitest";
import { fromHTTPRoutes, toHTTPRoutes } from "../build";
import { deepFreeze } from "../testing/deep-freeze";
import { exampleComRoute, knativeRoute } from "../testing/fixtures";
import { graphNodes } from "../view";
import { addRule, moveRule, removeRule } from "./rules";

const R = "httproute:team-a/example-com";
const graph = fromHTTPRoutes([deepFreeze(structuredClone(exampleComRoute))]);
const ruleIds = (g = graph) => graphNodes(g).flatMap((n) => (n.kind === "rule" ? [n.id] : []));

describe("rule edits", () => {
  it("reorders rules; each rule keeps its id and everything in it", () => {
    const g = moveRule(graph, `${R}/rule:docs`, 0);
    expect(ruleIds(g)).toEqual([`${R}/rule:docs`, `${R}/rule:users`, `${R}/rule:compat`]);
    // The very same rule object: untouched parts are shared, not copied.
    expect(toHTTPRoutes(g)[0]?.spec.rules?.[0]).toBe(toHTTPRoutes(graph)[0]?.spec.rules?.[2]);
  });

  it("gives unnamed rules position ids that survive reordering", () => {
    const g = fromHTTPRoutes([knativeRoute]);
    const [probe, normal] = ruleIds(g);
    expect(probe).toBe("httproute:default/hello.default.example.com/rule[0]");
    expect(ruleIds(moveRule(g, probe ?? "", 1))).toEqual([normal, probe]);
  });

  it("adds a rule with an id from its name, or a fresh one when the position id is taken", () => {
    const named = addRule(graph, R, { name: "shop", matches: [{ path: { type: "PathPrefix", value: "/shop" } }] }, 1);
    expect(ruleIds(named)[1]).toBe(`${R}/rule:shop`);
    const kn = fromHTTPRoutes([knativeRoute]);
    const withRemoved = removeRule(kn, "httproute:default/hello.default.example.com/rule[0]");
    const added = addRule(withRemoved, "httproute:default/hello.default.example.com", {}, 1);
    expect(ruleIds(added)).toEqual(["httproute:default/hello.default.example.com/rule[1]", "httproute:default/hello.default.example.com/rule[1]~2"]);
  });

  it("removes a rule, and keeps an empty list so the API server refuses it rather than defaulting a catch-all", () => {
    let g = graph;
    for (const id of ruleIds()) g = removeRule(g, id);
    expect(toHTTPRoutes(g)[0]?.spec.rules).toEqual([]);
  });
});
