// Knative Serving's own expectations for MakeIngress, ported from
// knative.dev/serving v0.50.0 (= knative-v1.23.0) pkg/reconciler/route/resources/ingress_test.go
// (unchanged in v0.51.0). Upgrading Serving means re-reading that file and updating SERVING.
// Where Go builds an expectation with helpers, the object is written out here.
import { describe, expect, it } from "vitest";
import { makeIngressRules, makeBaseIngressPath, makeIngressTLS, type IngressTarget, type IngressTraffic } from "./ingress-spec";
import { resolveNetworkConfig, type NetworkConfig } from "./network-config";
import { makeIngress } from "./route-to-kingress";
import { buildRollout, type Rollout } from "./rollout";
import type { Route } from "./types.generated";
import type { IngressVisibility } from "./types";

const SERVING = "knative.dev/serving v0.50.0 (knative-v1.23.0) resources/ingress_test.go";
const ns = "test-ns";

// service_test.go testConfig(): example.com as default domain, another-example.com for app=prod.
// Its netcfg.Config leaves HTTPProtocol zero, which GetHTTPOption turns into no httpOption:
// that is "Disabled" here.
const testConfig = (over: NetworkConfig = {}) =>
  resolveNetworkConfig({
    domains: { "example.com": {}, "another-example.com": { app: "prod" } },
    ingressClass: "test-ingress-class",
    httpProtocol: "Disabled",
    ...over,
  });

// testing/v1 Route(ns, name, ...): a bare Route (status options do not matter to MakeIngress).
const route = (name: string, meta: Partial<Route["metadata"]> = {}, namespace = ns): Route => ({
  apiVersion: "serving.knative.dev/v1",
  kind: "Route",
  metadata: { namespace, name, ...meta },
  spec: {},
});
const traffic = (targets: Record<string, IngressTarget[]>, visibility?: Record<string, IngressVisibility>): IngressTraffic => ({
  targets: new Map(Object.entries(targets)),
  visibility,
});
const split = (rev: string, percent: number, port = 80, namespace = ns) => ({
  serviceNamespace: namespace,
  serviceName: rev,
  servicePort: port,
  percent,
  appendHeaders: { "Knative-Serving-Revision": rev, "Knative-Serving-Namespace": namespace },
});
const ownerRef = (name: string, uid: string) => ({
  apiVersion: "serving.knative.dev/v1",
  kind: "Route",
  name,
  uid,
  controller: true,
  blockOwnerDeletion: true,
});
const make = (r: Route, t: IngressTraffic, opts: { ingressClass?: string; cfg?: NetworkConfig; rollout?: Rollout } = {}) =>
  makeIngress(r, t, testConfig(opts.cfg), { ingressClass: opts.ingressClass ?? "", rollout: opts.rollout });
const v2v1 = {
  "": [{ configurationName: "config", revisionName: "v2", percent: 100 }],
  v1: [{ configurationName: "config", revisionName: "v1", percent: 100 }],
};

describe(`${SERVING} TestMakeIngressCorrectMetadata`, () => {
  it("takes the Route's ingress.class over the one passed in, and overrides the route labels", () => {
    const r = route("test-route", {
      labels: { "serving.knative.dev/route": "try-to-override", "serving.knative.dev/routeNamespace": "try-to-override", "test-label": "foo" },
      annotations: { "networking.knative.dev/ingress.class": "ok-ingress", "test-annotation": "bar" },
      uid: "1234-5678",
    });
    expect(make(r, traffic({}), { ingressClass: "ng-ingress" }).metadata).toStrictEqual({
      name: "test-route",
      namespace: ns,
      labels: { "serving.knative.dev/route": "test-route", "serving.knative.dev/routeNamespace": ns, "test-label": "foo" },
      annotations: { "networking.knative.dev/ingress.class": "ok-ingress", "networking.internal.knative.dev/rollout": "{}", "test-annotation": "bar" },
      ownerReferences: [ownerRef("test-route", "1234-5678")],
    });
  });
});

describe(`${SERVING} TestMakeIngressWithTaggedRollout`, () => {
  it("writes the steady-state rollout and the tag-to-host map", () => {
    const t = traffic({
      tagged: [{ configurationName: "thor", latestRevision: true, percent: 100, revisionName: "thor-02020" }],
      "": [{ configurationName: "valhalla", latestRevision: true, percent: 100, revisionName: "valhalla-01982" }],
    });
    const r = route("test-route", {
      labels: { "serving.knative.dev/route": "try-to-override", "serving.knative.dev/routeNamespace": "try-to-override", "test-label": "foo" },
      annotations: { "networking.knative.dev/ingress.class": "ng-ingress", "test-annotation": "bar" },
      uid: "1234-5678",
    });
    expect(make(r, t, { ingressClass: "ng-ingress" }).metadata).toStrictEqual({
      name: "test-route",
      namespace: ns,
      labels: { "serving.knative.dev/route": "test-route", "serving.knative.dev/routeNamespace": ns, "test-label": "foo" },
      annotations: {
        "networking.knative.dev/ingress.class": "ng-ingress",
        "networking.internal.knative.dev/rollout": `{"configurations":[{"configurationName":"valhalla","percent":100,"revisions":[{"revisionName":"valhalla-01982","percent":100}],"stepParams":{}},{"configurationName":"thor","tag":"tagged","percent":100,"revisions":[{"revisionName":"thor-02020","percent":100}],"stepParams":{}}]}`,
        "test-annotation": "bar",
        "networking.internal.knative.dev/tag-to-host": `{"tagged":["tagged-test-route.test-ns.svc.cluster.local","tagged-test-route.test-ns.example.com"]}`,
      },
      ownerReferences: [ownerRef("test-route", "1234-5678")],
    });
  });
});

describe(`${SERVING} TestMakeIngressWithActualRollout`, () => {
  // The Go test's rollout lists "rune" twice; rolloutConfig's binary search finds the first.
  const ro: Rollout = {
    configurations: [
      { configurationName: "rune", tag: "", percent: 1, revisions: [{ revisionName: "rune-01911", percent: 1 }] },
      {
        configurationName: "valhalla",
        tag: "",
        percent: 99,
        revisions: [
          { revisionName: "valhalla-01981", percent: 41 },
          { revisionName: "valhalla-01982", percent: 68 },
        ],
      },
      { configurationName: "rune", tag: "", percent: 1, revisions: [{ revisionName: "rune-01911", percent: 1 }] },
      {
        configurationName: "thor",
        tag: "hammer",
        percent: 80,
        revisions: [
          { revisionName: "thor-02018", percent: 60 },
          { revisionName: "thor-02019", percent: 15 },
          { revisionName: "thor-02020", percent: 5 },
        ],
      },
    ],
  };
  const t = traffic({
    hammer: [
      { configurationName: "thor", latestRevision: true, percent: 80, revisionName: "thor-02020" },
      { configurationName: "thor", latestRevision: false, percent: 20, revisionName: "thor-beta" },
    ],
    "": [
      { configurationName: "rune", latestRevision: true, percent: 1, revisionName: "rune-01911" },
      { configurationName: "valhalla", latestRevision: true, percent: 99, revisionName: "valhalla-01982" },
    ],
  });
  const ing = make(route("test-route", { annotations: { "networking.knative.dev/ingress.class": "ng-ingress" }, uid: "1234-5678" }), t, {
    ingressClass: "ng-ingress",
    rollout: ro,
  });

  it("serialises the rollout it is given and maps the tag to its hosts", () => {
    expect(ing.metadata).toStrictEqual({
      name: "test-route",
      namespace: ns,
      labels: { "serving.knative.dev/route": "test-route", "serving.knative.dev/routeNamespace": ns },
      annotations: {
        "networking.knative.dev/ingress.class": "ng-ingress",
        // serializeRollout(ro), written out (checked against Go's encoding/json).
        "networking.internal.knative.dev/rollout":
          `{"configurations":[{"configurationName":"rune","percent":1,"revisions":[{"revisionName":"rune-01911","percent":1}],"stepParams":{}},` +
          `{"configurationName":"valhalla","percent":99,"revisions":[{"revisionName":"valhalla-01981","percent":41},{"revisionName":"valhalla-01982","percent":68}],"stepParams":{}},` +
          `{"configurationName":"rune","percent":1,"revisions":[{"revisionName":"rune-01911","percent":1}],"stepParams":{}},` +
          `{"configurationName":"thor","tag":"hammer","percent":80,"revisions":[{"revisionName":"thor-02018","percent":60},{"revisionName":"thor-02019","percent":15},{"revisionName":"thor-02020","percent":5}],"stepParams":{}}]}`,
        "networking.internal.knative.dev/tag-to-host": `{"hammer":["hammer-test-route.test-ns.svc.cluster.local","hammer-test-route.test-ns.example.com"]}`,
      },
      ownerReferences: [ownerRef("test-route", "1234-5678")],
    });
  });

  it("splits a configuration mid-rollout over the rollout's revisions", () => {
    const main = [split("rune-01911", 1), split("valhalla-01981", 41), split("valhalla-01982", 68)];
    const hammer = [split("thor-02018", 60), split("thor-02019", 15), split("thor-02020", 5), split("thor-beta", 20)];
    expect(ing.spec?.rules).toStrictEqual([
      {
        hosts: ["test-route.test-ns", "test-route.test-ns.svc", "test-route.test-ns.svc.cluster.local"],
        http: { paths: [{ splits: main }] },
        visibility: "ClusterLocal",
      },
      { hosts: ["test-route.test-ns.example.com"], http: { paths: [{ splits: main }] }, visibility: "ExternalIP" },
      {
        hosts: ["hammer-test-route.test-ns", "hammer-test-route.test-ns.svc", "hammer-test-route.test-ns.svc.cluster.local"],
        http: { paths: [{ splits: hammer }] },
        visibility: "ClusterLocal",
      },
      { hosts: ["hammer-test-route.test-ns.example.com"], http: { paths: [{ splits: hammer }] }, visibility: "ExternalIP" },
    ]);
  });
});

describe(`${SERVING} TestIngressNoKubectlAnnotation`, () => {
  it("does not copy last-applied-configuration", () => {
    const r = route("test-route", {
      annotations: { "networking.knative.dev/ingress.class": "test-ingress", "kubectl.kubernetes.io/last-applied-configuration": "test-annotation-value" },
      uid: "1234-5678",
    });
    expect(make(r, traffic({}), { ingressClass: "test-ingress" }).metadata.annotations).not.toHaveProperty("kubectl.kubernetes.io/last-applied-configuration");
  });
});

const v2v1Rules = (port = 80) => [
  {
    hosts: ["test-route.test-ns", "test-route.test-ns.svc", "test-route.test-ns.svc.cluster.local"],
    http: { paths: [{ splits: [split("v2", 100, port)] }] },
    visibility: "ClusterLocal",
  },
  { hosts: ["test-route.test-ns.example.com"], http: { paths: [{ splits: [split("v2", 100, port)] }] }, visibility: "ExternalIP" },
  {
    hosts: ["v1-test-route.test-ns", "v1-test-route.test-ns.svc", "v1-test-route.test-ns.svc.cluster.local"],
    http: { paths: [{ splits: [split("v1", 100, port)] }] },
    visibility: "ClusterLocal",
  },
  { hosts: ["v1-test-route.test-ns.example.com"], http: { paths: [{ splits: [split("v1", 100, port)] }] }, visibility: "ExternalIP" },
];

describe(`${SERVING} TestMakeIngressSpecCorrectRules`, () => {
  it("makes a ClusterLocal and an ExternalIP rule per target, default target first", () => {
    expect(make(route("test-route"), traffic(v2v1)).spec?.rules).toStrictEqual(v2v1Rules());
  });
});

describe(`${SERVING} TestMakeIngressSpecCorrectRuleVisibility`, () => {
  const v2 = { "": [{ configurationName: "config", revisionName: "v2", percent: 100 }] };
  const localHosts = ["myroute.default", "myroute.default.svc", "myroute.default.svc.cluster.local"];
  it.each([
    ["public route", undefined, { ClusterLocal: localHosts, ExternalIP: ["myroute.default.example.com"] }],
    ["private route", { "": "ClusterLocal" as const }, { ClusterLocal: localHosts }],
    ["unspecified route", undefined, { ClusterLocal: localHosts, ExternalIP: ["myroute.default.example.com"] }],
  ])("%s", (_name, visibility, want: Record<string, string[]>) => {
    const rules = make(route("myroute", {}, "default"), traffic(v2, visibility)).spec?.rules ?? [];
    expect(rules).toHaveLength(Object.keys(want).length);
    for (const rule of rules) expect(rule.hosts).toStrictEqual(want[rule.visibility!]);
  });
});

describe(`${SERVING} TestMakeIngressSpecCorrectRulesWithTagBasedRouting`, () => {
  it("routes Knative-Serving-Tag on the default rules and tags the tag rules", () => {
    const tagPath = { headers: { "Knative-Serving-Tag": { exact: "v1" } }, splits: [split("v1", 100)] };
    const defaultPath = { appendHeaders: { "Knative-Serving-Default-Route": "true" }, splits: [split("v2", 100)] };
    const v1Path = { appendHeaders: { "Knative-Serving-Tag": "v1" }, splits: [split("v1", 100)] };
    expect(make(route("test-route"), traffic(v2v1), { cfg: { tagHeaderBasedRouting: true } }).spec?.rules).toStrictEqual([
      {
        hosts: ["test-route.test-ns", "test-route.test-ns.svc", "test-route.test-ns.svc.cluster.local"],
        http: { paths: [tagPath, defaultPath] },
        visibility: "ClusterLocal",
      },
      { hosts: ["test-route.test-ns.example.com"], http: { paths: [tagPath, defaultPath] }, visibility: "ExternalIP" },
      {
        hosts: ["v1-test-route.test-ns", "v1-test-route.test-ns.svc", "v1-test-route.test-ns.svc.cluster.local"],
        http: { paths: [v1Path] },
        visibility: "ClusterLocal",
      },
      { hosts: ["v1-test-route.test-ns.example.com"], http: { paths: [v1Path] }, visibility: "ExternalIP" },
    ]);
  });
});

describe(`${SERVING} makeIngressRules: TestMakeIngressRuleVanilla, TestMakeIngressRuleZeroPercentTarget, TestMakeIngressRuleTwoTargets`, () => {
  const rules = (hosts: string[], targets: IngressTarget[], tag = "") =>
    makeIngressRules(hosts, "ExternalIP", makeBaseIngressPath(ns, targets, buildRollout(new Map([[tag, targets]])).configurations, false));

  it("TestMakeIngressRuleVanilla: one ExternalIP rule per host", () => {
    const got = rules(["a.com", "b.org"], [{ configurationName: "config", revisionName: "revision-shark", percent: 100 }]);
    expect(got).toStrictEqual(
      ["a.com", "b.org"].map((h) => ({ hosts: [h], visibility: "ExternalIP", http: { paths: [{ splits: [split("revision-shark", 100)] }] } })),
    );
  });

  it("TestMakeIngressRuleZeroPercentTarget: a 0% target gets no split", () => {
    const got = rules(
      ["test.org"],
      [
        { configurationName: "config", revisionName: "revision-dolphin", percent: 100 },
        { configurationName: "new-config", revisionName: "new-revision-orca", percent: 0 },
      ],
    );
    expect(got).toStrictEqual([{ hosts: ["test.org"], http: { paths: [{ splits: [split("revision-dolphin", 100)] }] }, visibility: "ExternalIP" }]);
  });

  it("TestMakeIngressRuleTwoTargets: both targets split", () => {
    const got = rules(
      ["test.org"],
      [
        { configurationName: "config", revisionName: "revision-beluga", percent: 80 },
        { configurationName: "new-config", revisionName: "new-revision-narwhal", percent: 20 },
      ],
      "a-tag",
    );
    expect(got).toStrictEqual([
      { hosts: ["test.org"], http: { paths: [{ splits: [split("revision-beluga", 80), split("new-revision-narwhal", 20)] }] }, visibility: "ExternalIP" },
    ]);
  });
});

describe(`${SERVING} TestMakeIngressWithTLS`, () => {
  it("passes the TLS entries through; no rules without targets", () => {
    const tls = [{ hosts: ["*.default.domain.com"], secretName: "secret" }];
    const r = route("test-route", { uid: "1234-5678" });
    expect(makeIngress(r, traffic({}), testConfig(), { ingressClass: "foo-ingress", tls })).toStrictEqual({
      apiVersion: "networking.internal.knative.dev/v1alpha1",
      kind: "Ingress",
      metadata: {
        name: "test-route",
        namespace: ns,
        annotations: { "networking.knative.dev/ingress.class": "foo-ingress", "networking.internal.knative.dev/rollout": "{}" },
        labels: { "serving.knative.dev/route": "test-route", "serving.knative.dev/routeNamespace": ns },
        ownerReferences: [ownerRef("test-route", "1234-5678")],
      },
      // Go's Rules: [] is omitted on the wire (omitempty), so it is absent here.
      spec: { tls },
    });
  });
});

describe(`${SERVING} TestMakeIngressWithHTTPOption`, () => {
  const withAnnotation = (v: string) => route("test-route", { annotations: { "networking.knative.dev/httpOption": v } });
  const opts = { ingressClass: "foo-ingress", tls: [{ hosts: ["*.default.domain.com"], secretName: "secret" }] };
  it.each([
    ["Route annotation HTTPOption enabled", "Enabled", "Enabled"],
    ["No HTTPOption annotation", "", "Redirected"],
  ])("%s", (_n, annotation, want) => {
    expect(makeIngress(withAnnotation(annotation), traffic({}), testConfig({ httpProtocol: "Redirected" }), opts).spec?.httpOption).toBe(want);
  });
  it("Incorrect HTTPOption annotation", () => {
    expect(() => makeIngress(withAnnotation("INCORRECT"), traffic({}), testConfig({ httpProtocol: "Redirected" }), opts)).toThrow(
      "incorrect http-protocol annotation: incorrect",
    );
  });
});

describe(`${SERVING} TestMakeIngressWithActivatorCA`, () => {
  it("sends every split to port 443 when system-internal-tls is enabled", () => {
    expect(make(route("test-route"), traffic(v2v1), { cfg: { systemInternalTLS: true } }).spec?.rules).toStrictEqual(v2v1Rules(443));
  });
});

describe(`${SERVING} TestMakeIngressTLS`, () => {
  it("uses the Certificate's secret and namespace", () => {
    const hosts = ["test.default.example.com", "v1.test.default.example.com"];
    const cert = { metadata: { name: "route-1234", namespace: "knative-testing" }, spec: { dnsNames: hosts, secretName: "route-1234" } };
    expect(makeIngressTLS(cert, hosts)).toStrictEqual({ hosts, secretName: "route-1234", secretNamespace: "knative-testing" });
  });
});

describe(`${SERVING} TestMakeIngressACMEChallenges`, () => {
  it("puts the challenge path first on the ExternalIP rule of its host", () => {
    const r = route("test-route");
    const acmeChallenges = [
      {
        serviceNamespace: "test-ns",
        serviceName: "cm-solver",
        servicePort: 8090,
        url: "http://test-route.test-ns.example.com/.well-known/acme-challenge/challenge-token",
      },
    ];
    const t = traffic({ "": [{ configurationName: "config", revisionName: "v2", percent: 100 }] });
    expect(makeIngress(r, t, testConfig(), { ingressClass: "", acmeChallenges }).spec?.rules).toStrictEqual([
      {
        hosts: ["test-route.test-ns", "test-route.test-ns.svc", "test-route.test-ns.svc.cluster.local"],
        visibility: "ClusterLocal",
        http: { paths: [{ splits: [split("v2", 100)] }] },
      },
      {
        hosts: ["test-route.test-ns.example.com"],
        visibility: "ExternalIP",
        http: {
          paths: [
            {
              path: "/.well-known/acme-challenge/challenge-token",
              splits: [{ serviceNamespace: "test-ns", serviceName: "cm-solver", servicePort: 8090, percent: 100 }],
            },
            { splits: [split("v2", 100)] },
          ],
        },
      },
    ]);
  });
});

describe(`${SERVING} TestMakeIngressACMEChallengesWithTrafficTags`, () => {
  it("puts each challenge path in exactly one rule", () => {
    const v1 = [{ configurationName: "config", revisionName: "v1", percent: 100 }];
    const challenge = (svc: string, host: string, token: string) => ({
      serviceNamespace: "test-ns",
      serviceName: svc,
      servicePort: 8090,
      url: `http://${host}/.well-known/acme-challenge/${token}`,
    });
    const acmeChallenges = [
      challenge("cm-solver", "test-route.test-ns.example.com", "token-default"),
      challenge("cm-solver-blue", "blue-test-route.test-ns.example.com", "token-blue"),
      challenge("cm-solver-green", "green-test-route.test-ns.example.com", "token-green"),
    ];
    const spec = makeIngress(route("test-route"), traffic({ "": v1, blue: v1, green: v1 }), testConfig(), { ingressClass: "", acmeChallenges }).spec;
    const seen = new Map<string, number>();
    for (const rule of spec?.rules ?? []) {
      if (rule.visibility !== "ExternalIP") continue;
      for (const p of rule.http?.paths ?? []) if (p.path) seen.set(p.path, (seen.get(p.path) ?? 0) + 1);
    }
    for (const token of ["token-default", "token-blue", "token-green"]) expect(seen.get(`/.well-known/acme-challenge/${token}`)).toBe(1);
  });
});

describe(`${SERVING} TestMakeIngressFailToGenerateDomain, TestMakeIngressFailToGenerateTagHost`, () => {
  const t = traffic(v2v1);
  const bad = "{{.UnknownField}}.{{.NonExistentField}}.{{.BadField}}";
  it("fails on a domain template that cannot be executed", () => {
    const cfg = resolveNetworkConfig({ domains: { "example.com": {} }, ingressClass: "test-ingress-class", domainTemplate: bad });
    expect(() => makeIngress(route("test-route"), traffic({ "": v2v1[""] }), cfg, { ingressClass: "" })).toThrow("DomainTemplate");
  });
  it("fails on a tag template that cannot be executed", () => {
    const cfg = resolveNetworkConfig({ domains: { "example.com": {} }, ingressClass: "test-ingress-class", tagTemplate: bad });
    expect(() => makeIngress(route("test-route"), t, cfg, { ingressClass: "" })).toThrow("TagTemplate");
  });
});
