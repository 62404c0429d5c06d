// traffic.BuildTrafficConfiguration and BuildRollout expectations, ported from
// knative.dev/serving v0.50.0 (= knative-v1.23.0) pkg/reconciler/route/traffic/traffic_test.go and
// rollout_test.go (unchanged in v0.51.0). The fixtures mirror that file's setUp().
import { describe, expect, it } from "vitest";
import { buildRollout, parseRollout, rolloutsByTag, serializeRollout, sortRollout, type ConfigurationRollout } from "./rollout";
import { buildTrafficConfig } from "./traffic-config";
import type { Configuration, Revision, Route } from "./types.generated";
import type { TrafficTarget } from "./types";

const SERVING = "knative.dev/serving v0.50.0 (knative-v1.23.0) traffic/traffic_test.go";
const ns = "test";
type Status = "True" | "False" | "Unknown";

const config = (name: string, latestReady = "", ready?: Status): Configuration => ({
  apiVersion: "serving.knative.dev/v1",
  kind: "Configuration",
  metadata: { name, namespace: ns },
  status: { latestReadyRevisionName: latestReady, ...(ready ? { conditions: [{ type: "Ready", status: ready }] } : {}) },
});
// testRevForConfig: the configuration label, no service label; getTestReadyConfig gives rev 2 an h2c port.
const rev = (configName: string, name: string, ready?: Status, h2c = false, labels: Record<string, string> = {}): Revision => ({
  apiVersion: "serving.knative.dev/v1",
  kind: "Revision",
  metadata: { name, namespace: ns, labels: { "serving.knative.dev/configuration": configName, ...labels } },
  spec: { containers: [{ image: "test-image", ...(h2c ? { ports: [{ name: "h2c", containerPort: 0 }] } : {}) }] },
  status: ready ? { conditions: [{ type: "Ready", status: ready }] } : {},
});
const configurations = [
  config("good-config", "good-revision-2", "True"),
  config("nice-config", "nice-revision-2", "True"),
  config("unready-config"),
  config("failed-config", "", "False"),
  config("failed-ready-config", "failed-ready-revision", "False"),
  config("empty-config", "", "Unknown"),
  config("ready-unready-config", "ready-unready-revision-1"),
  config("inactive-config", "inactive-revision", "True"),
];
const revisions = [
  rev("good-config", "good-revision-1", "True"),
  rev("good-config", "good-revision-2", "True", true),
  rev("nice-config", "nice-revision-1", "True"),
  rev("nice-config", "nice-revision-2", "True", true),
  rev("unready-config", "unready-revision"),
  rev("failed-config", "failed-revision", "False"),
  rev("failed-ready-config", "failed-ready-revision", "False"),
  rev("ready-unready-config", "ready-unready-revision-1", "True"),
  rev("ready-unready-config", "ready-unready-revision"),
  rev("inactive-config", "inactive-revision", "True"),
];
// testRouteWithTrafficTargets.
const route = (...traffic: TrafficTarget[]): Route => ({
  apiVersion: "serving.knative.dev/v1",
  kind: "Route",
  metadata: { name: "test-route", namespace: ns, labels: { route: "test-route" } },
  spec: { traffic },
});
const build = (...traffic: TrafficTarget[]) => buildTrafficConfig(route(...traffic), { configurations, revisions });
const targets = (...traffic: TrafficTarget[]) => Object.fromEntries(build(...traffic).targets);
const ro = (configurationName: string, percent: number, revisionName: string, tag = ""): ConfigurationRollout => ({
  configurationName,
  tag,
  percent,
  revisions: [{ revisionName, percent }],
});

describe(`${SERVING} successful builds`, () => {
  it("TestBuildTrafficConfigurationVanilla", () => {
    const tc = build({ configurationName: "good-config", percent: 100 });
    expect(Object.fromEntries(tc.targets)).toEqual({
      "": [{ configurationName: "good-config", revisionName: "good-revision-2", percent: 100, latestRevision: true, protocol: "h2c" }],
    });
    expect(buildRollout(tc.targets)).toEqual({ configurations: [ro("good-config", 100, "good-revision-2")] });
  });

  it("TestBuildTrafficConfigurationNoNameRevision", () => {
    expect(targets({ revisionName: "good-revision-2", percent: 100 })).toEqual({
      "": [{ revisionName: "good-revision-2", configurationName: "good-config", percent: 100, latestRevision: false, protocol: "h2c" }],
    });
  });

  it("TestBuildTrafficConfigurationVanillaScaledToZero: an inactive revision is still routable", () => {
    expect(targets({ configurationName: "inactive-config", percent: 100 })).toEqual({
      "": [{ configurationName: "inactive-config", revisionName: "inactive-revision", percent: 100, latestRevision: true, protocol: "http1" }],
    });
  });

  it("TestBuildTrafficConfigurationTwoEntriesSameConfigDifferentTags", () => {
    const tc = build({ configurationName: "nice-config", percent: 90 }, { configurationName: "nice-config", percent: 10, tag: "robert" });
    expect(Object.fromEntries(tc.targets)).toEqual({
      "": [{ configurationName: "nice-config", revisionName: "nice-revision-2", percent: 100, latestRevision: true, protocol: "h2c" }],
      robert: [{ configurationName: "nice-config", revisionName: "nice-revision-2", percent: 100, tag: "robert", latestRevision: true, protocol: "h2c" }],
    });
    expect(buildRollout(tc.targets)).toEqual({
      configurations: [ro("nice-config", 100, "nice-revision-2"), ro("nice-config", 100, "nice-revision-2", "robert")],
    });
  });

  it("TestBuildTrafficConfigurationCanary", () => {
    const tc = build({ revisionName: "good-revision-1", percent: 90 }, { configurationName: "good-config", percent: 10 });
    expect(Object.fromEntries(tc.targets)).toEqual({
      "": [
        { configurationName: "good-config", revisionName: "good-revision-1", percent: 90, latestRevision: false, protocol: "http1" },
        { configurationName: "good-config", revisionName: "good-revision-2", percent: 10, latestRevision: true, protocol: "h2c" },
      ],
    });
    expect(buildRollout(tc.targets)).toEqual({ configurations: [ro("good-config", 10, "good-revision-2")] });
  });

  it("TestBuildTrafficConfigurationConsolidated", () => {
    expect(
      targets(
        { tag: "one", revisionName: "good-revision-1", percent: 49 },
        { tag: "two", revisionName: "good-revision-2", percent: 50 },
        { tag: "also-two", configurationName: "good-config", percent: 1 },
      ),
    ).toEqual({
      "": [
        { tag: "one", configurationName: "good-config", revisionName: "good-revision-1", percent: 49, latestRevision: false, protocol: "http1" },
        { tag: "two", configurationName: "good-config", revisionName: "good-revision-2", percent: 51, latestRevision: false, protocol: "h2c" },
      ],
      one: [{ tag: "one", configurationName: "good-config", revisionName: "good-revision-1", percent: 100, latestRevision: false, protocol: "http1" }],
      two: [{ tag: "two", configurationName: "good-config", revisionName: "good-revision-2", percent: 100, latestRevision: false, protocol: "h2c" }],
      "also-two": [{ tag: "also-two", configurationName: "good-config", revisionName: "good-revision-2", percent: 100, latestRevision: true, protocol: "h2c" }],
    });
  });

  it("TestBuildTrafficConfigurationReadyNotReadyConfig: the latest ready revision, not the newest", () => {
    const tc = build({ configurationName: "ready-unready-config", latestRevision: true, percent: 100 });
    expect(Object.fromEntries(tc.targets)).toEqual({
      "": [{ revisionName: "ready-unready-revision-1", configurationName: "ready-unready-config", latestRevision: true, percent: 100, protocol: "http1" }],
    });
    expect(buildRollout(tc.targets)).toEqual({ configurations: [ro("ready-unready-config", 100, "ready-unready-revision-1")] });
  });

  it("TestBuildTrafficConfigurationTag0Percent: a 0% tag gets no default rollout entry", () => {
    const tc = build({ configurationName: "nice-config", percent: 100 }, { configurationName: "good-config", percent: 0, tag: "robert" });
    expect(Object.fromEntries(tc.targets)).toEqual({
      "": [
        { configurationName: "nice-config", revisionName: "nice-revision-2", percent: 100, latestRevision: true, protocol: "h2c" },
        { configurationName: "good-config", revisionName: "good-revision-2", percent: 0, latestRevision: true, tag: "robert", protocol: "h2c" },
      ],
      robert: [{ configurationName: "good-config", revisionName: "good-revision-2", percent: 100, tag: "robert", latestRevision: true, protocol: "h2c" }],
    });
    expect(buildRollout(tc.targets)).toEqual({
      configurations: [ro("nice-config", 100, "nice-revision-2"), ro("good-config", 100, "good-revision-2", "robert")],
    });
  });
});

describe(`${SERVING} target errors`, () => {
  const problem = (...traffic: TrafficTarget[]) => {
    const tc = build(...traffic);
    expect(tc.targets.size).toBe(0);
    return tc.problem;
  };
  it.each<[string, TrafficTarget[], { message: string; isFailure: boolean }]>([
    [
      "TestBuildTrafficConfigurationMissingConfig",
      [
        { revisionName: "good-revision-1", percent: 100 },
        { tag: "beta", revisionName: "good-revision-2" },
        { tag: "alpha", configurationName: "missing-config" },
      ],
      { message: 'Configuration "missing-config" referenced in traffic not found.', isFailure: true },
    ],
    [
      "TestBuildTrafficConfigurationNotRoutableRevision",
      [{ revisionName: "unready-revision", percent: 100 }],
      { message: 'Revision "unready-revision" is not yet ready.', isFailure: false },
    ],
    [
      "TestBuildTraffic_LatestReadyRevisionFailed",
      [{ configurationName: "failed-ready-config", latestRevision: true, percent: 100 }],
      { message: 'Revision "failed-ready-revision" failed to become ready.', isFailure: true },
    ],
    [
      "TestBuildTrafficConfigurationNotRoutableConfiguration",
      [{ configurationName: "unready-config", percent: 100 }],
      { message: 'Configuration "unready-config" is waiting for a Revision to become ready.', isFailure: false },
    ],
    [
      "TestBuildTrafficConfigurationEmptyConfiguration",
      [{ configurationName: "empty-config", percent: 100 }],
      { message: 'Configuration "empty-config" is waiting for a Revision to become ready.', isFailure: false },
    ],
    [
      "TestBuildTrafficConfigurationEmptyAndFailedConfigurations",
      [
        { configurationName: "empty-config", percent: 50 },
        { configurationName: "failed-config", percent: 50 },
      ],
      { message: 'Configuration "failed-config" does not have any ready Revision.', isFailure: true },
    ],
    [
      "TestBuildTrafficConfigurationFailedAndEmptyConfigurations",
      [
        { configurationName: "failed-config", percent: 50 },
        { configurationName: "empty-config", percent: 50 },
      ],
      { message: 'Configuration "failed-config" does not have any ready Revision.', isFailure: true },
    ],
    [
      "TestBuildTrafficConfigurationMissingRevision",
      [
        { revisionName: "missing-revision", percent: 50 },
        { revisionName: "good-revision-2", percent: 50 },
      ],
      { message: 'Revision "missing-revision" referenced in traffic not found.', isFailure: true },
    ],
  ])("%s", (_n, traffic, want) => {
    expect(problem(...traffic)).toMatchObject(want);
  });
});

describe(`${SERVING} TestBuildTrafficConfiguration_RevisionOwnership`, () => {
  const owned = (routeService: string, revisionService: string) => {
    const r = route({ revisionName: "test-rev", percent: 100 });
    if (routeService !== "") r.metadata.labels = { "serving.knative.dev/service": routeService };
    const labels = { "serving.knative.dev/service": revisionService };
    return buildTrafficConfig(r, {
      configurations: [config("test-config", "test-rev", "True")],
      revisions: [rev("test-config", "test-rev", "True", false, labels)],
    });
  };
  it("service-owned route cannot reference revision from different service", () => {
    expect(owned("my-service", "other-service").problem).toMatchObject({
      reason: "RevisionNotOwned",
      message: 'Revision "test-rev" belongs to Service "other-service", not Service "my-service".',
    });
  });
  it("service-owned route can reference its own revision", () => {
    expect(owned("my-service", "my-service").problem).toBeNull();
  });
  it("standalone route can reference revision from any service", () => {
    expect(owned("", "some-service").problem).toBeNull();
  });
  it("service-owned route cannot reference revision without service label", () => {
    expect(owned("my-service", "").problem?.message).toContain("does not belong to Service");
  });
});

describe("knative.dev/serving v0.50.0 (knative-v1.23.0) traffic/rollout_test.go", () => {
  it("TestGetByTag", () => {
    const r = {
      configurations: sortRollout([
        {
          configurationName: "one",
          tag: "",
          percent: 50,
          revisions: [
            { revisionName: "rob", percent: 10 },
            { revisionName: "roy", percent: 40 },
          ],
        },
        { configurationName: "two", tag: "", percent: 40, revisions: [{ revisionName: "wish", percent: 40 }] },
        { configurationName: "two", tag: "gilberto", percent: 100, revisions: [{ revisionName: "wish", percent: 100 }] },
        {
          configurationName: "three",
          tag: "",
          percent: 10,
          revisions: [
            { revisionName: "forty-two", percent: 5 },
            { revisionName: "flowers", percent: 5 },
          ],
        },
        {
          configurationName: "three",
          tag: "jobim",
          percent: 100,
          revisions: [
            { revisionName: "forty-two", percent: 60 },
            { revisionName: "flowers", percent: 40 },
          ],
        },
      ]),
    };
    const c = r.configurations;
    expect(rolloutsByTag(r, "")).toEqual([c[0], c[1], c[2]]);
    expect(rolloutsByTag(r, "gilberto")).toEqual([c[3]]);
    expect(rolloutsByTag(r, "jobim")).toEqual([c[4]]);
    expect(rolloutsByTag(r, "nyaful")).toEqual([]);
  });

  it("TestJSONRoundtrip", () => {
    const orig = {
      configurations: [
        {
          configurationName: "one",
          tag: "",
          percent: 100,
          revisions: [{ revisionName: "roy", percent: 100 }],
          stepParams: { starttime: 1955, nextStepTime: 1988, stepDuration: 1984 },
        },
        { configurationName: "no", tag: "", percent: 0, revisions: [] },
        {
          configurationName: "many",
          tag: "",
          percent: 100,
          revisions: [
            { revisionName: "black-on-blue", percent: 83 },
            { revisionName: "flowers", percent: 17 },
          ],
        },
      ],
    };
    expect(parseRollout(serializeRollout(orig))).toEqual(orig);
  });

  it("serialises as encoding/json does: omitempty on tag, revisions and step params, not on stepParams", () => {
    // Output of json.Marshal(&traffic.Rollout{...}) with knative.dev/serving v0.50.0.
    const one = { configurationName: "a", tag: "", percent: 5, revisions: [], stepParams: { starttime: 12, stepSize: 3 } };
    expect(serializeRollout({ configurations: [one] })).toBe(
      '{"configurations":[{"configurationName":"a","percent":5,"stepParams":{"starttime":12,"stepSize":3}}]}',
    );
    expect(serializeRollout({ configurations: [] })).toBe("{}");
  });
});
