import { describe, expect, it } from "vitest";
import { fromHTTPRoutes } from "../graph";
import { exampleComRoute } from "../graph/testing/fixtures";
import { edgeNames } from "./edge-names";
import { toFlow } from "./flow";

describe("edgeNames", () => {
  it("names every edge of the example.com route in words, never by internal id", () => {
    const { nodes, edges } = toFlow(fromHTTPRoutes([exampleComRoute]), { gateways: [] });
    const names = [...edgeNames(nodes, edges).values()];
    expect(names).toHaveLength(edges.length);
    expect(names.every((n) => !n.includes("httproute:") && !n.includes("a node"))).toBe(true);
    expect(names).toContain("hostname example.com to Rule 1 (users), PathPrefix /api/v1");
    expect(names.some((n) => /^Rule 2 \(compat\), PathPrefix \/api\/v2 to backend team-a\/compat-canary:8080, 10 %$/.test(n))).toBe(true);
  });
});
