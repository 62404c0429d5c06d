import { describe, expect, it } from "vitest";
import { hasChanges, yamlDiffLines } from "./diff";

const doc = (n: number, changed?: number) => Array.from({ length: n }, (_, i) => `k${i}: ${i === changed ? "new" : "old"}`).join("\n") + "\n";

describe("yamlDiffLines", () => {
  it("keeps three lines of context around a change and folds the rest", () => {
    const ls = yamlDiffLines(doc(20), doc(20, 10));
    expect(ls.map((l) => l.kind)).toEqual(["fold", "same", "same", "same", "del", "add", "same", "same", "same", "fold", "same", "same", "same"]);
    expect(ls[0]?.text).toBe("… 7 unchanged lines …");
    expect(ls.filter((l) => l.kind !== "same" && l.kind !== "fold").map((l) => l.text)).toEqual(["k10: old", "k10: new"]);
    expect(hasChanges(ls)).toBe(true);
  });
  it("without folding, every line; equal texts have no changes", () => {
    expect(yamlDiffLines(doc(20), doc(20, 10), { fold: false })).toHaveLength(21);
    expect(hasChanges(yamlDiffLines(doc(5), doc(5)))).toBe(false);
  });
});
