import { describe, expect, it } from "vitest";
import { fromHTTPRoutes } from "../graph";
import { exampleComRoute } from "../graph/testing/fixtures";
import { frameOf, toFlow } from "./flow";
import { isArrow, nodeToward, type Box } from "./roving";

// The example route as the canvas lays it out before ELK answers: columns of hostname, rules, backends.
const { nodes } = toFlow(fromHTTPRoutes([exampleComRoute]), { gateways: [] });
const boxes: Box[] = nodes.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y, width: frameOf(n).initialWidth, height: frameOf(n).initialHeight }));
const idOf = (type: string, i = 0) => nodes.filter((n) => n.type === type)[i]!.id;

describe("arrow keys between nodes", () => {
  it("Down and Up walk the rules in order; Right goes to a rule's backend, Left back towards the hostname", () => {
    expect(nodeToward(boxes, idOf("rule", 0), "ArrowDown")).toBe(idOf("rule", 1));
    expect(nodeToward(boxes, idOf("rule", 1), "ArrowDown")).toBe(idOf("rule", 2));
    expect(nodeToward(boxes, idOf("rule", 1), "ArrowUp")).toBe(idOf("rule", 0));
    expect(nodes.find((n) => n.id === nodeToward(boxes, idOf("rule", 0), "ArrowRight"))?.type).toBe("backend");
    expect(["hostname", "gateway"]).toContain(nodes.find((n) => n.id === nodeToward(boxes, idOf("rule", 0), "ArrowLeft"))?.type);
  });

  it("stays put at an edge, and starts at the first node from an unknown one", () => {
    expect(nodeToward(boxes, idOf("rule", 2), "ArrowDown")).toBeUndefined();
    expect(nodeToward(boxes, "gone", "ArrowDown")).toBe(boxes[0]?.id);
    expect(isArrow("ArrowLeft")).toBe(true);
    expect(isArrow("Enter")).toBe(false);
  });
});
