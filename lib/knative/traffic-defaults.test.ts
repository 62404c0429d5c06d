import { describe, expect, it } from "vitest";
import { defaultTraffic } from "./traffic-defaults";

describe("defaultTraffic", () => {
  it.each([
    ["empty list in a Knative Service → 100% latest", [], true, [{ percent: 100, latestRevision: true }]],
    ["missing list in a Knative Service → 100% latest", undefined, true, [{ percent: 100, latestRevision: true }]],
    ["empty list in a bare Route stays empty", [], false, []],
    [
      "pinned target → latestRevision false, percent 0",
      [{ revisionName: "hello-00001" }],
      true,
      [{ revisionName: "hello-00001", latestRevision: false, percent: 0 }],
    ],
    ["floating target → latestRevision true", [{ percent: 10, tag: "canary" }], true, [{ percent: 10, tag: "canary", latestRevision: true }]],
    ["explicit values are kept", [{ revisionName: "x", latestRevision: true, percent: 5 }], false, [{ revisionName: "x", latestRevision: true, percent: 5 }]],
  ])("%s", (_n, input, inService, want) => {
    expect(defaultTraffic(input, { inService })).toEqual(want);
  });

  it("does not mutate its input", () => {
    const input = [{ revisionName: "hello-00001" }];
    defaultTraffic(input, { inService: true });
    expect(input).toEqual([{ revisionName: "hello-00001" }]);
  });
});
