import { describe, expect, it } from "vitest";
import type { KnativeService, TrafficTarget } from "../knative";
import { validateTraffic } from "../knative";
import { addTarget, draftFromTraffic, removeTarget, setTag, tagProblem, tagUrl, trafficFromDraft, withShares, toShares } from "./knative-draft";
import { setShare } from "./linked";
import { PREVIOUS_TRAFFIC_ANNOTATION, previousTraffic, trafficApplyBody } from "./rollback";

const ksvc = (traffic?: TrafficTarget[], labels?: Record<string, string>): KnativeService => ({
  apiVersion: "serving.knative.dev/v1",
  kind: "Service",
  metadata: { name: "hello", namespace: "demo", resourceVersion: "42", ...(labels ? { labels } : {}) },
  spec: { template: { spec: { containers: [{ image: "img" }] } }, ...(traffic ? { traffic } : {}) },
});

describe("draft ⇄ traffic", () => {
  it("defaults empty traffic to 100 % @latest, as the webhook does", () => {
    const d = draftFromTraffic(undefined);
    expect(trafficFromDraft(d)).toEqual([{ latestRevision: true, percent: 100 }]);
  });
  it("round-trips and keeps fields it does not edit", () => {
    const traffic = [
      { revisionName: "hello-00002", latestRevision: false, percent: 90 },
      { latestRevision: true, percent: 10, tag: "canary" },
    ];
    expect(trafficFromDraft(draftFromTraffic(traffic))).toEqual(traffic);
  });
  it("adds a revision at 0 %, moves it, tags it: valid for Knative", () => {
    let d = draftFromTraffic([{ revisionName: "hello-00002", latestRevision: false, percent: 100 }]);
    d = addTarget(d, "hello-00003");
    const key = d[1]?.key ?? "";
    d = withShares(d, setShare(toShares(d), key, 25));
    d = setTag(d, key, "canary");
    const t = trafficFromDraft(d);
    expect(t).toEqual([
      { revisionName: "hello-00002", latestRevision: false, percent: 75 },
      { revisionName: "hello-00003", latestRevision: false, percent: 25, tag: "canary" },
    ]);
    expect(validateTraffic(t, { inService: true })).toEqual([]);
  });
  it("remove gives the removed percent to the rest", () => {
    const d = draftFromTraffic([
      { revisionName: "a", percent: 50 },
      { revisionName: "b", percent: 30 },
      { revisionName: "c", percent: 20 },
    ]);
    expect(trafficFromDraft(removeTarget(d, "t0")).map((t) => t.percent)).toEqual([60, 40]);
  });
  it("keys stay unique after add and remove", () => {
    let d = draftFromTraffic([{ revisionName: "a", percent: 100 }]);
    d = addTarget(addTarget(d, "b"), "b");
    d = addTarget(removeTarget(d, d[1]?.key ?? ""), "b");
    expect(new Set(d.map((x) => x.key)).size).toBe(d.length);
  });
});

describe("tags", () => {
  it("explains a dot and other DNS-1035 problems", () => {
    expect(tagProblem("")).toBeUndefined();
    expect(tagProblem("canary")).toBeUndefined();
    expect(tagProblem("v1.2")).toMatch(/contains a dot/);
    expect(tagProblem("1abc")).toMatch(/DNS-1035/);
  });
  it("gives the URL Knative will give the tag", () => {
    expect(tagUrl(ksvc(), "canary")).toBe("http://canary-hello.demo.svc.cluster.local");
    expect(tagUrl(ksvc(), "canary", { domains: { "example.com": {} } })).toBe("http://canary-hello.demo.example.com");
    expect(tagUrl(ksvc(undefined, { "networking.knative.dev/visibility": "cluster-local" }), "canary")).toBe("http://canary-hello.demo.svc.cluster.local");
    expect(tagUrl(ksvc(), "a.b")).toBeUndefined();
  });
});

describe("rollback annotation", () => {
  it("records the split before the apply, in the same body as spec.traffic only", () => {
    const before = [{ revisionName: "hello-00002", latestRevision: false, percent: 100 }];
    const next = [{ revisionName: "hello-00003", latestRevision: false, percent: 100 }];
    const body = trafficApplyBody(ksvc(before), next);
    expect(body).toEqual({
      apiVersion: "serving.knative.dev/v1",
      kind: "Service",
      metadata: { name: "hello", namespace: "demo", resourceVersion: "42", annotations: { [PREVIOUS_TRAFFIC_ANNOTATION]: JSON.stringify(before) } },
      spec: { traffic: next },
    });
    const applied = { ...ksvc(next), metadata: { ...ksvc(next).metadata, annotations: body.metadata.annotations } };
    expect(previousTraffic(applied)).toEqual(before);
  });
  it("ignores an unreadable annotation", () => {
    const s = ksvc();
    s.metadata.annotations = { [PREVIOUS_TRAFFIC_ANNOTATION]: "{oops" };
    expect(previousTraffic(s)).toBeUndefined();
    s.metadata.annotations = { [PREVIOUS_TRAFFIC_ANNOTATION]: '[{"percent":"x"}]' };
    expect(previousTraffic(s)).toBeUndefined();
  });
});
