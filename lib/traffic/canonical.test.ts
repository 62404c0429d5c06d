import { describe, expect, it } from "vitest";
import { canonicalTraffic } from "./canonical";

describe("canonicalTraffic", () => {
  it("orders keys as Knative declares them, keeping unknown ones", () => {
    const out = canonicalTraffic([{ percent: 10, latestRevision: false, revisionName: "a", tag: "x", extra: 1 } as never]);
    expect(Object.keys(out[0] ?? {})).toEqual(["tag", "revisionName", "latestRevision", "percent", "extra"]);
    expect(canonicalTraffic(undefined)).toEqual([]);
  });
});
