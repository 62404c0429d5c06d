import { describe, expect, it } from "vitest";
import { stepsFor, targetForKey, valueAtFraction } from "./keys";

describe("slider keys", () => {
  it("percent: arrows 1, pages 10, Home/End to the ends", () => {
    expect(targetForKey("ArrowUp", 10, 100, "percent")).toBe(11);
    expect(targetForKey("ArrowLeft", 10, 100, "percent")).toBe(9);
    expect(targetForKey("PageUp", 10, 100, "percent")).toBe(20);
    expect(targetForKey("PageDown", 10, 100, "percent")).toBe(0);
    expect(targetForKey("Home", 10, 100, "percent")).toBe(0);
    expect(targetForKey("End", 10, 100, "percent")).toBe(100);
    expect(targetForKey("a", 10, 100, "percent")).toBeUndefined();
  });
  it("weights: the small step is 0.1 % of the total, at least 1", () => {
    expect(stepsFor("weight", 1000)).toEqual({ small: 1, large: 100 });
    expect(stepsFor("weight", 1_000_000)).toEqual({ small: 1000, large: 100_000 });
    expect(stepsFor("weight", 2)).toEqual({ small: 1, large: 1 });
  });
  it("maps the pointer exactly and clamps outside the track", () => {
    expect(valueAtFraction(0.1, 100)).toBe(10);
    expect(valueAtFraction(-1, 100)).toBe(0);
    expect(valueAtFraction(2, 1000)).toBe(1000);
  });
});
