import { describe, expect, it } from "vitest";
import type { KnativeService, Revision } from "../knative";
import { formatAge, revisionRows, trafficSummary } from "./revisions";

const rev = (n: number, ready: string, ns = "demo"): Revision => ({
  apiVersion: "serving.knative.dev/v1",
  kind: "Revision",
  metadata: {
    name: `hello-0000${n}`,
    namespace: ns,
    creationTimestamp: "2026-11-25T12:00:00Z",
    labels: { "serving.knative.dev/service": "hello", "serving.knative.dev/configuration": "hello", "serving.knative.dev/configurationGeneration": String(n) },
  },
  spec: { containers: [{ image: `img:v${n}` }] },
  status: { conditions: [{ type: "Ready", status: ready, reason: ready === "False" ? "ExitCode1" : undefined }] },
});

describe("revisionRows", () => {
  it("lists the Service's revisions newest first with readiness, image and traffic now", () => {
    const ksvc: KnativeService = {
      apiVersion: "serving.knative.dev/v1",
      kind: "Service",
      metadata: { name: "hello", namespace: "demo" },
      status: {
        traffic: [
          { revisionName: "hello-00002", percent: 90 },
          { revisionName: "hello-00003", percent: 10, tag: "canary" },
        ],
      },
    };
    const rows = revisionRows(ksvc, [rev(1, "True"), rev(3, "False"), rev(2, "True"), rev(1, "True", "other")]);
    expect(rows.map((r) => [r.name, r.ready?.status, r.image, r.percentNow, r.tagsNow])).toEqual([
      ["hello-00003", "False", "img:v3", 10, ["canary"]],
      ["hello-00002", "True", "img:v2", 90, []],
      ["hello-00001", "True", "img:v1", 0, []],
    ]);
  });
});

describe("formatAge and trafficSummary", () => {
  it("prints ages like kubectl", () => {
    const t = Date.parse("2026-11-25T12:00:00Z");
    expect(formatAge("2026-11-25T12:00:00Z", t + 30_000)).toBe("30s");
    expect(formatAge("2026-11-25T12:00:00Z", t + 600_000)).toBe("10m");
    expect(formatAge("2026-11-25T12:00:00Z", t + 5 * 3600_000)).toBe("5h");
    expect(formatAge("2026-11-25T12:00:00Z", t + 3 * 86400_000)).toBe("3d");
    expect(formatAge(undefined, t)).toBe("—");
  });
  it("summarizes a split", () => {
    expect(trafficSummary([])).toBe("@latest 100 %");
    expect(
      trafficSummary([
        { revisionName: "a", percent: 90 },
        { latestRevision: true, percent: 10, tag: "canary" },
      ]),
    ).toBe("a 90 %, @latest 10 % (canary)");
  });
});
