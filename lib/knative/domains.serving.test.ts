// Knative Serving's expectations for the domain and tag host helpers and config-domain, ported
// from knative.dev/serving v0.50.0 (= knative-v1.23.0): pkg/reconciler/route/domains/domains_test.go
// and pkg/reconciler/route/config/domain_test.go (both unchanged in v0.51.0).
import { describe, expect, it } from "vitest";
import { parseConfigDomain } from "./config-domain";
import { DomainNameError, domainNameFromTemplate, getAllDomainsAndTags, getDomainsForVisibility, isClusterLocal, lookupDomainForLabels } from "./domains";
import { resolveNetworkConfig } from "./network-config";

const SERVING = "knative.dev/serving v0.50.0 (knative-v1.23.0)";

// domains_test.go testConfig(): example.com by default, another-example.com for app=prod.
const testConfig = (domainTemplate = "{{.Name}}.{{.Namespace}}.{{.Domain}}", tagTemplate = "{{.Tag}}-{{.Name}}") =>
  resolveNetworkConfig({
    domains: { "example.com": {}, "another-example.com": { app: "prod" } },
    ingressClass: "ingress-class-foo",
    domainTemplate,
    tagTemplate,
  });

describe(`${SERVING} domains/domains_test.go TestDomainNameFromTemplate`, () => {
  const meta = (local: boolean) => ({
    name: "myroute",
    namespace: "default",
    labels: { route: "myapp", bus: "mybus", ...(local ? { "networking.knative.dev/visibility": "cluster-local" } : {}) },
    annotations: { sub: "mysub" },
  });
  it.each([
    ["Default", "{{.Name}}.{{.Namespace}}.{{.Domain}}", false, "test-name.default.example.com"],
    ["Dash", "{{.Name}}-{{.Namespace}}.{{.Domain}}", false, "test-name-default.example.com"],
    ["LocalDash", "{{.Name}}-{{.Namespace}}.{{.Domain}}", true, "test-name.default.svc.cluster.local"],
    ["Short", "{{.Name}}.{{.Domain}}", false, "test-name.example.com"],
    ["Annotations", `{{.Name}}.{{ index .Annotations "sub"}}.{{.Domain}}`, false, "test-name.mysub.example.com"],
    ["Labels", `{{.Name}}.{{ index .Labels "bus"}}.{{.Domain}}`, false, "test-name.mybus.example.com"],
  ])("%s", (_n, template, local, want) => {
    expect(domainNameFromTemplate(meta(local), "test-name", testConfig(template))).toBe(want);
  });
  it.each([
    ["Too Short", "{{.Name}}"], // a domain needs at least two segments
    ["BadVarName", "{{.Name}}.{{.NNNamespace}}.{{.Domain}}"],
    ["Invalid domain name", "{{.Name}}.{{.Namespace}}.{{.Domain}}.Foo"],
  ])("%s is an error", (_n, template) => {
    expect(() => domainNameFromTemplate(meta(false), "test-name", testConfig(template))).toThrow(DomainNameError);
  });
});

describe(`${SERVING} domains/domains_test.go TestGetAllDomainsAndTags`, () => {
  const route = { metadata: { name: "myroute", namespace: "default", labels: { route: "myapp" } } };
  const all = (domainTemplate: string, tagTemplate: string) =>
    Object.fromEntries(getAllDomainsAndTags(route, ["", "target-1", "target-2"], {}, testConfig(domainTemplate, tagTemplate)));
  const dt = "{{.Name}}.{{.Namespace}}.{{.Domain}}";
  it.each([
    [
      "happy case",
      "{{.Name}}-{{.Tag}}",
      { "myroute-target-1.default.example.com": "target-1", "myroute-target-2.default.example.com": "target-2", "myroute.default.example.com": "" },
    ],
    [
      "another happy case",
      "{{.Tag}}-{{.Name}}",
      { "target-1-myroute.default.example.com": "target-1", "target-2-myroute.default.example.com": "target-2", "myroute.default.example.com": "" },
    ],
    [
      "or appengine style",
      "{{.Tag}}-dot-{{.Name}}",
      { "target-1-dot-myroute.default.example.com": "target-1", "target-2-dot-myroute.default.example.com": "target-2", "myroute.default.example.com": "" },
    ],
  ])("%s", (_n, tagTemplate, want) => {
    expect(all(dt, tagTemplate)).toStrictEqual(want);
  });
  it.each([
    ["bad template in domain template", "{{.NNName}}.{{.Namespace}}.{{.Domain}}", "{{.Name}}-{{.Tag}}"],
    ["bad template in tag template", dt, "{{.NNName}}-{{.Tag}}"],
    ["bad domain name", dt, "Foo.{{.Name}}-{{.Tag}}"],
  ])("%s is an error", (_n, domainTemplate, tagTemplate) => {
    expect(() => all(domainTemplate, tagTemplate)).toThrow(DomainNameError);
  });
});

describe(`${SERVING} domains/domains_test.go TestGetDomainsForVisibility`, () => {
  const route = { metadata: { name: "myroute", namespace: "default", labels: { route: "myapp" } } };
  const local = (h: string) => [`${h}.default`, `${h}.default.svc`, `${h}.default.svc.cluster.local`];
  it.each([
    ["default template - no tag - cluster-local", "", "ClusterLocal", "{{.Name}}-{{.Tag}}", "myroute.default.svc.cluster.local", local("myroute")],
    ["default template - no tag - external-IP", "", "ExternalIP", "{{.Name}}-{{.Tag}}", "myroute.default.example.com", ["myroute.default.example.com"]],
    [
      "default template - with tag - cluster-local",
      "test",
      "ClusterLocal",
      "{{.Name}}-{{.Tag}}",
      "myroute-test.default.svc.cluster.local",
      local("myroute-test"),
    ],
    [
      "default template - with tag - external-IP",
      "test",
      "ExternalIP",
      "{{.Name}}-{{.Tag}}",
      "myroute-test.default.example.com",
      ["myroute-test.default.example.com"],
    ],
    ["alternative template - no tag - cluster-local", "", "ClusterLocal", "{{.Tag}}-{{.Name}}", "myroute.default.svc.cluster.local", local("myroute")],
    ["alternative template - no tag - external-IP", "", "ExternalIP", "{{.Tag}}-{{.Name}}", "myroute.default.example.com", ["myroute.default.example.com"]],
    [
      "alternative template - with tag - cluster-local",
      "test",
      "ClusterLocal",
      "{{.Tag}}-{{.Name}}",
      "test-myroute.default.svc.cluster.local",
      local("test-myroute"),
    ],
    [
      "alternative template - with tag - external-IP",
      "test",
      "ExternalIP",
      "{{.Tag}}-{{.Name}}",
      "test-myroute.default.example.com",
      ["test-myroute.default.example.com"],
    ],
  ] as const)("%s", (_n, tag, visibility, tagTemplate, primary, expanded) => {
    const cfg = testConfig("{{.Name}}.{{.Namespace}}.{{.Domain}}", tagTemplate);
    expect(getDomainsForVisibility(route, tag, visibility, cfg)).toStrictEqual({ primary, expanded });
  });
});

describe(`${SERVING} domains/domains_test.go TestIsClusterLocal`, () => {
  it.each([
    ["k8s.io", false],
    ["my-app.cluster.local", true],
  ])("%s → %s", (domain, want) => {
    expect(isClusterLocal(domain, { clusterDomain: "cluster.local" })).toBe(want);
  });
});

describe(`${SERVING} route/config/domain_test.go`, () => {
  it("TestSelectorMatches: every selector label must match", () => {
    const cfg = resolveNetworkConfig({ domains: { "sel.com": { app: "bar", version: "beta" }, "default.com": {} } });
    const nonMatching: Record<string, string>[] = [{ app: "bar" }, { version: "beta" }, { app: "foo" }, {}];
    const matching: Record<string, string>[] = [
      { app: "bar", version: "beta" },
      { app: "bar", version: "beta", last_updated: "yesterday" },
      { app: "bar", version: "beta", deployer: "Felicity Smoak" },
    ];
    for (const labels of nonMatching) expect(lookupDomainForLabels(labels, cfg)).toBe("default.com");
    for (const labels of matching) {
      expect(lookupDomainForLabels(labels, cfg)).toBe("sel.com");
    }
  });

  it("TestNewConfigNoEntry: no entry means the default domain svc.cluster.local", () => {
    const { domains, error } = parseConfigDomain({});
    expect(error).toBeUndefined();
    expect(lookupDomainForLabels({}, resolveNetworkConfig({ domains }))).toBe("svc.cluster.local");
  });

  it("TestNewConfigBadYaml", () => {
    expect(parseConfigDomain({ "default.com": "bad: yaml: all: day" }).error).toBeDefined();
  });

  it("TestNewConfig", () => {
    expect(
      parseConfigDomain({
        "test-domain.foo.com": "selector:\n  app: foo\n",
        "bar.com": "selector:\n  app: bar\n  version: beta\ntype: wildcard",
        "default.com": "",
      }),
    ).toStrictEqual({
      domains: { "test-domain.foo.com": { app: "foo" }, "bar.com": { app: "bar", version: "beta" }, "default.com": {} },
    });
  });

  it.each([
    [{ app: "foo" }, "test-domain.foo.com"],
    [{ app: "foo", version: "prod" }, "foo.com"], // matches two selectors; version=prod is more specific
    [{ app: "bar" }, "bar.com"],
    [{ app: "bar", version: "whatever" }, "bar.com"],
    [{ app: "whatever" }, "default.com"],
    [{}, "default.com"],
    [{ "networking.knative.dev/visibility": "cluster-local" }, "svc.cluster.local"],
  ])("TestLookupDomainForLabels %j → %s", (labels, want) => {
    const cfg = resolveNetworkConfig({
      domains: { "test-domain.foo.com": { app: "foo" }, "foo.com": { app: "foo", version: "prod" }, "bar.com": { app: "bar" }, "default.com": {} },
    });
    expect(lookupDomainForLabels(labels, cfg)).toBe(want);
  });

  it("TestOurDomain: the shipped ConfigMap (only _example) parses", () => {
    expect(parseConfigDomain({ _example: "################################\n# example\n################################\nexample.com: |\n" })).toStrictEqual({
      domains: {},
    });
  });
});
