// networkConfigFromConfigMaps against the parsing rules of knative-v1.23: the literal cases of
// knative.dev/networking@c7a7b772cac9 (the version knative.dev/serving v0.50.0 pins)
// pkg/config/config_test.go, for the fields the route reconciler reads, plus config-domain
// values as sigs.k8s.io/yaml v1.6.0 decodes them (outputs taken from NewDomainFromConfigMap).
import { describe, expect, it } from "vitest";
import { parseConfigDomain } from "./config-domain";
import { networkConfigFromConfigMaps } from "./config-maps";
import { renderGoTemplate } from "./go-template";
import { KNATIVE_DEFAULTS, type NetworkConfig } from "./network-config";

const NETWORKING = "knative.dev/networking@c7a7b772cac9 (knative-v1.23) pkg/config/config_test.go";
const parse = (data: Record<string, string>) => networkConfigFromConfigMaps({ "config-network": data });
const defaults = { ...KNATIVE_DEFAULTS };
const want = (over: NetworkConfig) => ({ ...defaults, ...over });
const picked = (data: Record<string, string>) => {
  const { errors, config } = parse(data);
  expect(errors).toEqual([]);
  const { domains: _d, ...rest } = config;
  return rest;
};

describe(`${NETWORKING} TestOurConfig`, () => {
  it("the shipped config-network (only _example) gives Knative's defaults", () => {
    expect(picked({ _example: "# ingress-class: istio.ingress.networking.knative.dev" })).toStrictEqual(defaults);
  });
});

describe(`${NETWORKING} TestConfiguration`, () => {
  it.each<[string, Record<string, string>, NetworkConfig]>([
    ["network configuration with no network input", {}, {}],
    ["network configuration with non-default ingress type", { "ingress-class": "foo-ingress" }, { ingressClass: "foo-ingress" }],
    ["network configuration with non-default rollout duration", { "rollout-duration": "211" }, {}],
    ["network configuration with non-default autocreateClusterDomainClaim value", { "autocreate-cluster-domain-claims": "false" }, {}],
    ["network configuration with non-Cert-Manager Certificate type", { "certificate-class": "foo-cert" }, {}],
    [
      "network configuration with configured wildcard cert label selector",
      { "namespace-wildcard-cert-selector": 'matchExpressions:\n- key: networking.knative.dev/disableWildcardCert\n  operator: NotIn\n  values: ["true"]' },
      {},
    ],
    [
      "network configuration with diff domain template",
      { "ingress-class": "foo-ingress", "domain-template": "{{.Namespace}}.{{.Name}}.{{.Domain}}" },
      { ingressClass: "foo-ingress", domainTemplate: "{{.Namespace}}.{{.Name}}.{{.Domain}}" },
    ],
    ["network configuration with external-domain-tls enabled", { "external-domain-tls": "enabled" }, { externalDomainTLS: true }],
    ["network configuration with external-domain-tls disabled", { "external-domain-tls": "disabled" }, {}],
    ["network configuration with Auto TLS enabled (deprecated)", { "auto-tls": "enabled" }, { externalDomainTLS: true }],
    ["network configuration with Auto TLS disabled (deprecated)", { "auto-tls": "disabled" }, {}],
    [
      "network configuration with external-domain-tls enabled and Auto TLS disabled",
      { "external-domain-tls": "enabled", "auto-tls": "disabled" },
      { externalDomainTLS: true },
    ],
    [
      "network configuration with HTTPProtocol disabled",
      { "auto-tls": "enabled", "http-protocol": "Disabled" },
      { externalDomainTLS: true, httpProtocol: "Disabled" },
    ],
    [
      "network configuration with HTTPProtocol redirected",
      { "auto-tls": "enabled", "http-protocol": "Redirected" },
      { externalDomainTLS: true, httpProtocol: "Redirected" },
    ],
    ["network configuration with enabled pod-addressability", { "enable-mesh-pod-addressability": "true" }, {}],
    ["network configuration with enabled mesh compatibility mode", { "mesh-compatibility-mode": "enabled" }, {}],
    ["network configuration with disabled mesh compatibility mode", { "mesh-compatibility-mode": "disabled" }, {}],
    ["network configuration with overridden external and internal scheme", { "default-external-scheme": "https" }, { defaultExternalScheme: "https" }],
    ["internal-encryption disabled (deprecated)", { "internal-encryption": "false" }, {}],
    ["internal-encryption enabled (deprecated)", { "internal-encryption": "true" }, { systemInternalTLS: true }],
    ["system-internal-tls with encryption disabled", { "system-internal-tls": "disabled" }, {}],
    ["system-internal-tls with encryption enabled", { "system-internal-tls": "enabled" }, { systemInternalTLS: true }],
    ["cluster-local-domain-tls with encryption disabled", { "cluster-local-domain-tls": "disabled" }, {}],
    ["cluster-local-domain-tls with encryption enabled", { "cluster-local-domain-tls": "enabled" }, { clusterLocalDomainTLS: true }],
    [
      "legacy keys",
      {
        "ingress.class": "1",
        "certificate.class": "2",
        domainTemplate: "3",
        tagTemplate: "4",
        rolloutDuration: "5",
        defaultExternalScheme: "6",
        autocreateClusterDomainClaims: "true",
        httpProtocol: "redirected",
        autoTLS: "enabled",
      },
      { ingressClass: "1", domainTemplate: "3", tagTemplate: "4", defaultExternalScheme: "6", httpProtocol: "Redirected", externalDomainTLS: true },
    ],
    [
      "newer keys take precedence over legacy keys",
      {
        "ingress.class": "1",
        "certificate.class": "2",
        domainTemplate: "3",
        tagTemplate: "4",
        rolloutDuration: "5",
        defaultExternalScheme: "6",
        autocreateClusterDomainClaims: "true",
        httpProtocol: "redirected",
        autoTLS: "enabled",
        "ingress-class": "7",
        "certificate-class": "8",
        "domain-template": "9",
        "tag-template": "10",
        "rollout-duration": "11",
        "default-external-scheme": "12",
        "autocreate-cluster-domain-claims": "false",
        "http-protocol": "enabled",
        "auto-tls": "disabled",
      },
      { ingressClass: "7", domainTemplate: "9", tagTemplate: "10", defaultExternalScheme: "12", httpProtocol: "Enabled", externalDomainTLS: false },
    ],
  ])("%s", (_n, data, over) => {
    expect(picked(data)).toStrictEqual(want(over));
  });

  it.each<[string, Record<string, string>]>([
    ["network configuration with bad rollout duration", { "rollout-duration": "mil novecientos ochenta y dos" }],
    ["network configuration with negative rollout duration", { "rollout-duration": "-444" }],
    ["network configuration with invalid autocreateClusterDomainClaim value", { "autocreate-cluster-domain-claims": "salad" }],
    ["network configuration with blank domain template", { "ingress-class": "foo-ingress", "domain-template": "" }],
    ["network configuration with bad domain template", { "ingress-class": "foo-ingress", "domain-template": "{{.Namespace}.{{.Name}}.{{.Domain}}" }],
    ["network configuration with bad url", { "ingress-class": "foo-ingress", "domain-template": "{{.Domain}}/{{.Namespace}}/{{.Name}}." }],
    ["network configuration with bad variable", { "ingress-class": "foo-ingress", "domain-template": "{{.Name}}.{{.NAmespace}}.{{.Domain}}" }],
    ["network configuration with HTTPProtocol bad", { "auto-tls": "enabled", "http-protocol": "under-the-bridge" }],
    ["system-internal-tls with invalid configuration value", { "system-internal-tls": "wrong" }],
    ["cluster-local-domain-tls with invalid configuration value", { "cluster-local-domain-tls": "wrong" }],
  ])("%s is rejected, and Knative's defaults stay", (_n, data) => {
    const r = parse(data);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.configMap).toBe("config-network");
    expect(r.config.ingressClass).toBe(KNATIVE_DEFAULTS.ingressClass);
    expect(r.sources.ingressClass.text).toBe("Knative's default");
  });
});

describe(`${NETWORKING} TestAnnotationsInDomainTemplate, TestLabelsInDomainTemplate`, () => {
  it.each([
    [`{{.Name}}.{{ index .Annotations "sub"}}.{{.Domain}}`, { Annotations: { sub: "sub1" }, Labels: {} }, "foo.sub1.baz.com"],
    ["{{.Name}}.{{.Namespace}}.{{.Domain}}", { Annotations: {}, Labels: {} }, "foo.bar.baz.com"],
    [`{{.Name}}.{{ index .Labels "sub"}}.{{.Domain}}`, { Annotations: {}, Labels: { sub: "sub1" } }, "foo.sub1.baz.com"],
  ])("%s", (template, maps, out) => {
    const { config, errors } = parse({ "ingress-class": "foo-ingress", "domain-template": template });
    expect(errors).toEqual([]);
    expect(renderGoTemplate(config.domainTemplate, { Name: "foo", Namespace: "bar", Domain: "baz.com", ...maps })).toBe(out);
  });
});

describe("networkConfigFromConfigMaps: where each value comes from", () => {
  it("names the ConfigMap key, or Knative's default", () => {
    const r = networkConfigFromConfigMaps({
      "config-network": { "ingress.class": "legacy", "ingress-class": "gateway-api.ingress.networking.knative.dev", "internal-encryption": "true" },
      "config-domain": { "example.com": "", _example: "ignored" },
      "config-features": { "tag-header-based-routing": "Enabled" },
    });
    expect(r.config.ingressClass).toBe("gateway-api.ingress.networking.knative.dev");
    expect(r.sources.ingressClass.text).toBe("ConfigMap config-network key ingress-class");
    expect(r.sources.systemInternalTLS.text).toBe("ConfigMap config-network key internal-encryption");
    expect(r.sources.domainTemplate.text).toBe("Knative's default");
    expect(r.sources.tagHeaderBasedRouting.text).toBe("ConfigMap config-features key tag-header-based-routing");
    expect(r.config.tagHeaderBasedRouting).toBe(true);
    expect(r.config.domains).toStrictEqual({ "example.com": {} });
    expect(r.domainSources).toStrictEqual({
      "example.com": { configMap: "config-domain", key: "example.com", text: "ConfigMap config-domain key example.com" },
    });
  });

  it("adds svc.<cluster domain> when config-domain names no default domain", () => {
    const r = networkConfigFromConfigMaps({ "config-domain": { "prod.example.com": "selector:\n  env: prod" } }, { clusterDomain: "corp.local" });
    expect(r.config.domains).toStrictEqual({ "prod.example.com": { env: "prod" }, "svc.corp.local": {} });
    expect(r.domainSources["svc.corp.local"]!.text).toBe("Knative's default");
  });

  it("ignores a tag-header-based-routing value that is not a flag, as asFlag does", () => {
    expect(networkConfigFromConfigMaps({ "config-features": { "tag-header-based-routing": "yes" } }).sources.tagHeaderBasedRouting.text).toBe(
      "Knative's default",
    );
  });

  it("keeps a template it cannot evaluate and says so", () => {
    const r = parse({ "domain-template": "{{.Name}}.{{.Namespace | lower}}.{{.Domain}}" });
    expect(r.errors).toEqual([]);
    expect(r.unsupported).toHaveLength(1);
  });
});

describe("config-domain values as sigs.k8s.io/yaml v1.6.0 decodes them (NewDomainFromConfigMap)", () => {
  it("turns YAML 1.1 scalars into Go strings", () => {
    const v =
      'selector:\n  app: yes\n  v: 1.5\n  n: 017\n  h: 0x1F\n  t: 1:30\n  d: 2001-12-14\n  z: ~\n  e: 1e10\n  q: "yes"\n  1: one\n  o: off\n  u: 1_000\n  f: .5\n  big: 18446744073709551615\n';
    expect(parseConfigDomain({ "x.com": v }).domains["x.com"]).toStrictEqual({
      "1": "one",
      app: "true",
      big: "18446744073709551615",
      d: "2001-12-14",
      e: "1e+10",
      f: "0.5",
      false: "15",
      h: "31",
      o: "false",
      q: "yes",
      t: "1:30",
      u: "1000",
      v: "1.5",
      z: "",
    });
  });
  it.each([
    ["Selector:\n  app: x\nTYPE: wildcard\nother: 1", { app: "x" }],
    ["selector:\n", {}],
    ["selector: ~\ntype: 3", {}],
    ["{}", {}],
  ])("%j → %j", (v, sel) => {
    expect(parseConfigDomain({ "x.com": v })).toStrictEqual({ domains: { "x.com": sel } });
  });
  it.each([
    ["foo", "cannot unmarshal string into Go value of type config.domainInternalConfig"],
    ["- a", "cannot unmarshal array into Go value of type config.domainInternalConfig"],
    ["selector: foo", "cannot unmarshal string into Go struct field domainInternalConfig.selector of type map[string]string"],
    ["selector:\n  a:\n    b: c", "cannot unmarshal object into Go struct field domainInternalConfig.selector of type string"],
    ["selector:\n  a: [1]", "cannot unmarshal array into Go struct field domainInternalConfig.selector of type string"],
    ["selector:\n  ~: x", "error converting YAML to JSON: unsupported map key"],
  ])("%j is rejected", (v, message) => {
    expect(parseConfigDomain({ "x.com": v }).error).toContain(message);
  });
});
