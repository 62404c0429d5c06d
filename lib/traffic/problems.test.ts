import { describe, expect, it } from "vitest";
import { draftFromTraffic, setTag } from "./knative-draft";
import { draftProblems } from "./problems";

describe("draftProblems", () => {
  it("is empty for valid traffic", () => {
    expect(draftProblems(draftFromTraffic([{ revisionName: "a", percent: 100 }])).all).toEqual([]);
  });
  it("explains a tag with a dot once, in the tag's words", () => {
    const d = setTag(draftFromTraffic([{ revisionName: "a", percent: 100 }]), "t0", "v1.2");
    const p = draftProblems(d);
    expect(p.all).toHaveLength(1);
    expect(p.all[0]).toMatch(/^a: "v1.2" contains a dot/);
    expect(p.byKey.size).toBe(0);
  });
  it("reports a sum other than 100 and duplicate tags", () => {
    const d = draftFromTraffic([
      { revisionName: "a", percent: 60, tag: "x" },
      { revisionName: "b", percent: 50, tag: "x" },
    ]);
    const p = draftProblems(d);
    expect(p.sum).toBe(110);
    expect(p.all).toContain("The percents sum to 110 %; Knative needs exactly 100 %.");
    expect(p.byKey.get("t1")?.[0]).toMatch(/Multiple definitions/);
  });
});
