import { describe, expect, it } from "vitest";
import { sameNode } from "./same-node";

const rule = { id: "r", path: "/a" };
const node = (over: Record<string, unknown> = {}) => ({
  id: "n1",
  type: "rule",
  position: { x: 1, y: 2 },
  data: { rule, shadowed: false },
  selected: false,
  ...over,
});

describe("sameNode", () => {
  it("is true for a node rebuilt with the same values (new position and data objects, down to the rule)", () => {
    expect(sameNode(node(), node())).toBe(true);
    expect(sameNode(node(), node({ data: { rule: { ...rule }, shadowed: false } }))).toBe(true);
  });

  it("is false when what it draws changed: its rule, a flag, its place, its selection, a field added", () => {
    expect(sameNode(node(), node({ data: { rule: { ...rule, path: "/ab" }, shadowed: false } }))).toBe(false);
    expect(sameNode(node(), node({ data: { rule, shadowed: true } }))).toBe(false);
    expect(sameNode(node(), node({ position: { x: 1, y: 3 } }))).toBe(false);
    expect(sameNode(node(), node({ selected: true }))).toBe(false);
    expect(sameNode(node(), node({ className: "tested" }))).toBe(false);
    expect(sameNode(node(), node({ measured: { width: 10, height: 5 } }))).toBe(false);
  });
});
