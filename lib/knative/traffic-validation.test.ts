import { describe, expect, it } from "vitest";
import { validateTraffic, type TrafficError } from "./traffic-validation";
import type { TrafficTarget } from "./types";

type Case = [string, TrafficTarget[], boolean, Partial<TrafficError>[]];

const messages = (errs: TrafficError[]) => errs.map((e) => ({ index: e.index, field: e.field, message: e.message }));

describe("validateTraffic", () => {
  it.each<Case>([
    [
      "a canary split of hello",
      [
        { revisionName: "hello-00002", percent: 90 },
        { latestRevision: true, percent: 10, tag: "canary" },
      ],
      true,
      [],
    ],
    ["an empty list in a Knative Service (defaults to 100% latest)", [], true, []],
    [
      "tag-only target at 0%",
      [
        { revisionName: "hello-00003", percent: 100 },
        { revisionName: "hello-00001", percent: 0, tag: "old" },
      ],
      true,
      [],
    ],
    ["configurationName in a bare Route", [{ configurationName: "hello", percent: 100 }], false, []],
    [
      "sum below 100",
      [
        { revisionName: "hello-00001", percent: 50 },
        { latestRevision: true, percent: 40 },
      ],
      true,
      [{ index: undefined, field: "", message: "Traffic targets sum to 90, want 100" }],
    ],
    ["missing percents count as 0", [{ revisionName: "hello-00001" }], true, [{ field: "", message: "Traffic targets sum to 0, want 100" }]],
    ["empty list in a bare Route", [], false, [{ field: "", message: "Traffic targets sum to 0, want 100" }]],
    [
      "percent out of range",
      [
        { revisionName: "hello-00001", percent: 120 },
        { latestRevision: true, percent: -20 },
      ],
      true,
      [
        { index: 0, field: "percent", message: "expected 0 <= 120 <= 100" },
        { index: 1, field: "percent", message: "expected 0 <= -20 <= 100" },
      ],
    ],
    [
      "fractional percent",
      [
        { revisionName: "hello-00001", percent: 50.5 },
        { latestRevision: true, percent: 49.5 },
      ],
      true,
      [
        { index: 0, field: "percent", message: "invalid value: 50.5: must be a whole number" },
        { index: 1, field: "percent", message: "invalid value: 49.5: must be a whole number" },
      ],
    ],
    [
      "revisionName with latestRevision true",
      [{ revisionName: "hello-00001", latestRevision: true, percent: 100 }],
      true,
      [{ index: 0, field: "latestRevision", message: 'may not set revisionName "hello-00001" when latestRevision is true' }],
    ],
    [
      "latestRevision false without revisionName",
      [{ latestRevision: false, percent: 100 }],
      true,
      [{ index: 0, field: "latestRevision", message: 'may not set revisionName "" when latestRevision is false' }],
    ],
    [
      "configurationName inside a Knative Service",
      [{ configurationName: "hello", percent: 100 }],
      true,
      [{ index: 0, field: "configurationName", message: "must not set the field(s)" }],
    ],
    [
      "both revisionName and configurationName",
      [{ revisionName: "hello-00001", configurationName: "hello", percent: 100 }],
      false,
      [{ index: 0, field: "revisionName", message: "expected exactly one, got both" }],
    ],
    ["neither in a bare Route", [{ percent: 100 }], false, [{ index: 0, field: "revisionName", message: "expected exactly one, got neither" }]],
    [
      "invalid revision name",
      [{ revisionName: "hello_00001-", percent: 100 }],
      true,
      [{ index: 0, field: "revisionName", message: 'invalid key name "hello_00001-"' }],
    ],
    [
      "invalid tag",
      [{ revisionName: "hello-00001", percent: 100, tag: "Canary" }],
      true,
      [{ index: 0, field: "tag", message: expect.stringContaining("invalid value: not a DNS 1035 label: [a DNS-1035 label must consist") }],
    ],
    [
      "tag starting with a digit",
      [{ revisionName: "hello-00001", percent: 100, tag: "1canary" }],
      true,
      [{ index: 0, field: "tag", message: expect.stringContaining("not a DNS 1035 label") }],
    ],
    [
      "duplicate tag",
      [
        { revisionName: "hello-00001", percent: 50, tag: "canary" },
        { latestRevision: true, percent: 50, tag: "canary" },
      ],
      true,
      [{ index: 1, field: "tag", message: 'Multiple definitions for "canary" (also at spec.traffic[0].tag)' }],
    ],
    [
      "url in spec",
      [{ latestRevision: true, percent: 100, tag: "a", url: "http://a-hello.default.example.com" }],
      true,
      [{ index: 0, field: "url", message: "must not set the field(s)" }],
    ],
    [
      "url in spec without tag (reported twice, as Knative does)",
      [{ latestRevision: true, percent: 100, url: "http://x" }],
      true,
      [
        { index: 0, field: "url", message: "must not set the field(s)" },
        { index: 0, field: "url", message: "must not set the field(s)" },
      ],
    ],
  ])("%s", (_name, traffic, inService, want) => {
    expect(messages(validateTraffic(traffic, { inService }))).toEqual(want.map((w) => ({ index: undefined, ...w })));
  });

  it("gives the webhook's paths", () => {
    const errs = validateTraffic([{ revisionName: "a", percent: 100, tag: "B" }], { inService: true });
    expect(errs.map((e) => e.path)).toEqual(["spec.traffic[0].tag"]);
  });

  it("checks status traffic the way the webhook does: revisionName and url (for tags) required", () => {
    const errs = validateTraffic([{ percent: 100, tag: "canary", latestRevision: true }], { inService: true, within: "status" });
    expect(messages(errs)).toEqual([
      { index: 0, field: "revisionName", message: "missing field(s)" },
      { index: 0, field: "url", message: "missing field(s)" },
    ]);
    expect(errs[0]!.path).toBe("status.traffic[0].revisionName");
  });

  it("accepts latestRevision true with a revision in status (the controller resolves it)", () => {
    const status = [{ revisionName: "hello-00003", latestRevision: true, percent: 100 }];
    expect(validateTraffic(status, { inService: true, within: "status" })).toEqual([]);
  });
});
