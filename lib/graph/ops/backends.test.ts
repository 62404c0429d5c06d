import { describe, expect, it } from "vitest";
import type { HTTPRoute } from "../../gateway/types.generated";
import { fromHTTPRoutes, toHTTPRoutes } from "../build";
import { UnknownElementError } from "../locate";
import { deepFreeze } from "../testing/deep-freeze";
import { exampleComRoute } from "../testing/fixtures";
import type { BackendNode } from "../types";
import { graphNodes } from "../view";
import { addBackend, moveBackend, removeBackend, setTypedWeight, setWeight } from "./backends";

const R = "httproute:team-a/example-com";
const graph = fromHTTPRoutes([deepFreeze(structuredClone(exampleComRoute))]);
const backends = (g = graph): BackendNode[] => graphNodes(g).flatMap((n) => (n.kind === "backend" ? [n] : []));

describe("backend edits", () => {
  it("moves a backend to another rule by drag and drop, keeping its id and its fields", () => {
    const id = `${R}/rule:compat/backend:compat-canary:8080`;
    const g = moveBackend(graph, id, `${R}/rule:docs`);
    const moved = backends(g).find((b) => b.id === id);
    expect(moved).toMatchObject({ ruleId: `${R}/rule:docs`, name: "compat-canary", weight: 10 });
    const [route] = toHTTPRoutes(g);
    expect(route?.spec.rules?.[1]?.backendRefs).toEqual([{ name: "compat", port: 8080, weight: 90 }]);
    expect(route?.spec.rules?.[2]?.backendRefs?.[1]).toEqual({ name: "compat-canary", port: 8080, weight: 10 });
  });

  it("reorders backends within a rule", () => {
    const g = moveBackend(graph, `${R}/rule:compat/backend:compat-canary:8080`, `${R}/rule:compat`, 0);
    expect(toHTTPRoutes(g)[0]?.spec.rules?.[1]?.backendRefs?.map((b) => b.name)).toEqual(["compat-canary", "compat"]);
  });

  it("pins the namespace when moving a backend into a route of another namespace", () => {
    const other: HTTPRoute = { ...exampleComRoute, metadata: { name: "shop", namespace: "team-b" } };
    const g = fromHTTPRoutes([exampleComRoute, other]);
    const moved = moveBackend(g, `${R}/rule:users/backend:users:8080`, "httproute:team-b/shop/rule:docs");
    const ref = toHTTPRoutes(moved)[1]?.spec.rules?.[2]?.backendRefs?.at(-1);
    expect(ref).toEqual({ name: "users", port: 8080, namespace: "team-a" });
    // The rule it left has no backends left, and no empty list either.
    expect(toHTTPRoutes(moved)[0]?.spec.rules?.[0]).toEqual({ name: "users", matches: [{ path: { type: "PathPrefix", value: "/api/v1" } }] });
  });

  it("sets a weight and recomputes each backend's share of the rule", () => {
    const g = setWeight(graph, `${R}/rule:compat/backend:compat-canary:8080`, 30);
    expect(
      backends(g)
        .filter((b) => b.ruleId === `${R}/rule:compat`)
        .map((b) => b.percent),
    ).toEqual([75, 25]);
  });

  it("adds a Knative Service as a backend and removes it again to the original object", () => {
    const g = addBackend(graph, `${R}/rule:users`, { group: "serving.knative.dev", kind: "Service", name: "users-v2" });
    const added = backends(g).find((b) => b.name === "users-v2");
    expect(added?.backendKind).toBe("KnativeService");
    expect(added?.percent).toBe(50);
    expect(toHTTPRoutes(removeBackend(g, added?.id ?? ""))).toEqual([exampleComRoute]);
  });

  it("refuses an id that is not a backend", () => {
    expect(() => setWeight(graph, `${R}/rule:users`, 5)).toThrow(UnknownElementError);
    expect(() => removeBackend(graph, "nope")).toThrow(/No backend with id "nope"/);
  });
});

/** The weights of the compat rule (compat, compat-canary). */
const weightsOf = (g: typeof graph, _id: string) => (toHTTPRoutes(g)[0]?.spec.rules?.[1]?.backendRefs ?? []).map((b) => b.weight ?? 1);

describe("setTypedWeight: a weight as the user typed it", () => {
  it("a whole weight is set as it is; a fraction scales the rule's weights so the shares are exact", () => {
    const id = `${R}/rule:compat/backend:compat-canary:8080`;
    const whole = setTypedWeight(graph, id, 30);
    expect("graph" in whole && whole.scaledBy).toBeUndefined();
    const before = weightsOf(graph, id);
    const r = setTypedWeight(graph, id, 0.5);
    if (!("graph" in r)) throw new Error(r.reason);
    expect(r.scaledBy).toBe(10);
    expect(before).toEqual([90, 10]);
    expect(weightsOf(r.graph, id)).toEqual([900, 5]);
  });
  it("refuses, with the reason, a fraction the Gateway API's weights cannot carry", () => {
    const id = `${R}/rule:compat/backend:compat-canary:8080`;
    const heavy = setWeight(graph, id, 900_000);
    expect(setTypedWeight(heavy, `${R}/rule:compat/backend:compat:8080`, 0.5)).toEqual({
      reason: expect.stringMatching(/finer weights than the Gateway API allows/),
    });
  });
});
