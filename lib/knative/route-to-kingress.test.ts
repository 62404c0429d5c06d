import { describe, expect, it } from "vitest";
import { routeToKIngress } from "./route-to-kingress";
import { routeFromService } from "./service-route";
import { CANARY_TRAFFIC, RESOLUTION, configuration, helloService, revision } from "./test-fixtures";
import type { Route } from "./types.generated";
import type { TrafficTarget } from "./types";

const helloRoute = (traffic: TrafficTarget[] = CANARY_TRAFFIC): Route => {
  const r = routeFromService(helloService(traffic));
  r.metadata.uid = "route-uid";
  return r;
};
const split = (rev: string, percent: number, port = 80) => ({
  serviceNamespace: "default",
  serviceName: rev,
  servicePort: port,
  percent,
  appendHeaders: { "Knative-Serving-Revision": rev, "Knative-Serving-Namespace": "default" },
});
const local = (host: string) => [`${host}.default`, `${host}.default.svc`, `${host}.default.svc.cluster.local`];
const domains = { domains: { "example.com": {} } };

describe("routeToKIngress", () => {
  it("builds the canary KIngress: default and tag targets, local and external rules", () => {
    const { ingress, problems } = routeToKIngress(helloRoute(), { ...RESOLUTION, ...domains });
    expect(problems).toEqual([]);
    expect(ingress?.spec).toEqual({
      rules: [
        { hosts: local("hello"), visibility: "ClusterLocal", http: { paths: [{ splits: [split("hello-00002", 90), split("hello-00003", 10)] }] } },
        { hosts: ["hello.default.example.com"], visibility: "ExternalIP", http: { paths: [{ splits: [split("hello-00002", 90), split("hello-00003", 10)] }] } },
        { hosts: local("canary-hello"), visibility: "ClusterLocal", http: { paths: [{ splits: [split("hello-00003", 100)] }] } },
        { hosts: ["canary-hello.default.example.com"], visibility: "ExternalIP", http: { paths: [{ splits: [split("hello-00003", 100)] }] } },
      ],
      httpOption: "Enabled",
    });
  });

  // Expectation corrected: Knative's default ingress class is Istio's (a net-gateway-api install
  // sets ingress-class), the rollout JSON always has stepParams, and since knative-v1.22 the
  // tag-to-host annotation is written (the route is cluster-local under the default domain).
  it("names, labels, annotates and owns the KIngress as the route reconciler does", () => {
    const { ingress } = routeToKIngress(helloRoute(), RESOLUTION);
    expect(ingress?.metadata).toEqual({
      name: "hello",
      namespace: "default",
      labels: { app: "hello", "serving.knative.dev/service": "hello", "serving.knative.dev/route": "hello", "serving.knative.dev/routeNamespace": "default" },
      annotations: {
        "networking.knative.dev/ingress.class": "istio.ingress.networking.knative.dev",
        "networking.internal.knative.dev/rollout":
          '{"configurations":[{"configurationName":"hello","percent":10,"revisions":[{"revisionName":"hello-00003","percent":10}],"stepParams":{}},{"configurationName":"hello","tag":"canary","percent":100,"revisions":[{"revisionName":"hello-00003","percent":100}],"stepParams":{}}]}',
        "networking.internal.knative.dev/tag-to-host": '{"canary":["canary-hello.default.svc.cluster.local"]}',
        "serving.knative.dev/creator": "alice@example.com",
      },
      ownerReferences: [{ apiVersion: "serving.knative.dev/v1", kind: "Route", name: "hello", uid: "route-uid", controller: true, blockOwnerDeletion: true }],
    });
  });

  // Expectation corrected: a Route under the default domain svc.cluster.local is cluster-local
  // (visibility.Resolver routeVisibility), so it gets no ExternalIP rule.
  it("uses svc.cluster.local as the default domain when config-domain names none: cluster-local only", () => {
    const { ingress } = routeToKIngress(helloRoute([{ latestRevision: true, percent: 100 }]), RESOLUTION);
    expect(ingress?.spec?.rules?.map((r) => [r.visibility, r.hosts])).toEqual([["ClusterLocal", local("hello")]]);
  });

  it("skips 0% splits, and a tag at 0% still gets its own rule at 100%", () => {
    const traffic = [
      { latestRevision: true, percent: 100 },
      { revisionName: "hello-00001", percent: 0, tag: "old" },
    ];
    const { ingress } = routeToKIngress(helloRoute(traffic), { ...RESOLUTION, ...domains });
    const rules = ingress?.spec?.rules ?? [];
    expect(rules[0]!.http!.paths[0]!.splits).toEqual([split("hello-00003", 100)]);
    expect(rules[2]).toEqual({ hosts: local("old-hello"), visibility: "ClusterLocal", http: { paths: [{ splits: [split("hello-00001", 100)] }] } });
  });

  it("merges targets that resolve to the same revision", () => {
    const traffic = [
      { revisionName: "hello-00003", percent: 40 },
      { latestRevision: true, percent: 60 },
    ];
    const { ingress } = routeToKIngress(helloRoute(traffic), RESOLUTION);
    expect(ingress?.spec?.rules?.[0]!.http!.paths[0]!.splits).toEqual([split("hello-00003", 100)]);
  });

  it("makes only cluster-local rules for a cluster-local route", () => {
    const route = helloRoute();
    route.metadata.labels = { ...route.metadata.labels, "networking.knative.dev/visibility": "cluster-local" };
    const { ingress } = routeToKIngress(route, { ...RESOLUTION, ...domains });
    expect(ingress?.spec?.rules?.map((r) => r.visibility)).toEqual(["ClusterLocal", "ClusterLocal"]);
  });

  it("keeps a tag private when its placeholder Service is cluster-local", () => {
    const { ingress } = routeToKIngress(helloRoute(), { ...RESOLUTION, ...domains, targetVisibility: { canary: "ClusterLocal" } });
    expect(ingress?.spec?.rules?.map((r) => r.hosts?.[0])).toEqual(["hello.default", "hello.default.example.com", "canary-hello.default"]);
  });

  it("applies custom domain and tag templates, and config-domain selectors", () => {
    const { ingress } = routeToKIngress(helloRoute(), {
      ...RESOLUTION,
      domains: { "example.com": {}, "apps.example.org": { app: "hello" } },
      domainTemplate: "{{.Name}}-{{.Namespace}}.{{.Domain}}",
      tagTemplate: "{{.Name}}-{{.Tag}}",
    });
    expect(ingress?.spec?.rules?.map((r) => r.hosts?.at(-1))).toEqual([
      "hello.default.svc.cluster.local",
      "hello-default.apps.example.org",
      "hello-canary.default.svc.cluster.local",
      "hello-canary-default.apps.example.org",
    ]);
  });

  // Input corrected: a cluster-local Route ignores domain-template, so a public domain is needed.
  it("reports an unsupported template instead of throwing", () => {
    const r = routeToKIngress(helloRoute(), { ...RESOLUTION, ...domains, domainTemplate: "{{.Name}}.{{.Nope}}" });
    expect(r.ingress).toBeNull();
    expect(r.errors[0]).toMatch(/can't evaluate field Nope/);
  });

  it("uses port 81 for h2c revisions", () => {
    const { ingress } = routeToKIngress(helloRoute([{ latestRevision: true, percent: 100 }]), {
      configurations: [configuration()],
      revisions: [revision(3, { h2c: true })],
    });
    expect(ingress?.spec?.rules?.[0]!.http!.paths[0]!.splits[0]!.servicePort).toBe(81);
  });

  it("adds tag-header paths when tag-header-based routing is on", () => {
    const { ingress } = routeToKIngress(helloRoute(), { ...RESOLUTION, ...domains, tagHeaderBasedRouting: true });
    const [first, , canary] = ingress?.spec?.rules ?? [];
    expect(first!.http!.paths).toEqual([
      { splits: [split("hello-00003", 100)], headers: { "Knative-Serving-Tag": { exact: "canary" } } },
      { splits: [split("hello-00002", 90), split("hello-00003", 10)], appendHeaders: { "Knative-Serving-Default-Route": "true" } },
    ]);
    expect(canary!.http!.paths[0]!.appendHeaders).toEqual({ "Knative-Serving-Tag": "canary" });
  });

  it.each([
    [
      "a missing revision",
      [{ revisionName: "hello-00009", percent: 100 }],
      RESOLUTION,
      { reason: "RevisionMissing", message: 'Revision "hello-00009" referenced in traffic not found.', isFailure: true },
    ],
    [
      "a missing configuration",
      [{ latestRevision: true, percent: 100 }],
      { revisions: RESOLUTION.revisions },
      { reason: "ConfigurationMissing", message: 'Configuration "hello" referenced in traffic not found.' },
    ],
    [
      "a revision not ready yet",
      [{ revisionName: "hello-00001", percent: 100 }],
      { ...RESOLUTION, revisions: [revision(1, { ready: "Unknown" })] },
      // Expectation corrected: MarkRevisionNotReady says "is not yet ready.".
      { reason: "RevisionMissing", message: 'Revision "hello-00001" is not yet ready.', isFailure: false },
    ],
    [
      "a failed revision",
      [{ revisionName: "hello-00001", percent: 100 }],
      { ...RESOLUTION, revisions: [revision(1, { ready: "False" })] },
      { message: 'Revision "hello-00001" failed to become ready.', isFailure: true },
    ],
    [
      "a configuration with no ready revision",
      [{ latestRevision: true, percent: 100 }],
      { ...RESOLUTION, configurations: [configuration("")] },
      { message: 'Configuration "hello" is waiting for a Revision to become ready.' },
    ],
  ])("produces no KIngress for %s, with Knative's reason", (_n, traffic, resolution, problem) => {
    const r = routeToKIngress(helloRoute(traffic), resolution);
    expect(r.ingress).toBeNull();
    expect(r.problems).toEqual([expect.objectContaining(problem)]);
  });

  it("prefers a hard failure over an earlier not-ready target", () => {
    const traffic = [
      { revisionName: "hello-00001", percent: 50 },
      { revisionName: "hello-00009", percent: 50 },
    ];
    const r = routeToKIngress(helloRoute(traffic), { ...RESOLUTION, revisions: [revision(1, { ready: "Unknown" })] });
    expect(r.problems.map((p) => p.name)).toEqual(["hello-00009"]);
  });
});

describe("routeFromService", () => {
  it("fills in the configuration for floating targets and drops last-applied", () => {
    const r = routeFromService(helloService());
    expect(r.spec?.traffic).toEqual([
      { revisionName: "hello-00002", percent: 90 },
      { latestRevision: true, percent: 10, tag: "canary", configurationName: "hello" },
    ]);
    expect(r.metadata.annotations).toEqual({ "serving.knative.dev/creator": "alice@example.com" });
    expect(r.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Service", name: "hello", uid: "ksvc-uid", controller: true });
  });
});
