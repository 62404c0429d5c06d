import { describe, expect, it } from "vitest";
import { domainNameFromTemplate, expandedHosts, lookupDomainForLabels } from "./domains";
import { renderGoTemplate, TemplateError } from "./go-template";
import { resolveNetworkConfig } from "./network-config";

describe("lookupDomainForLabels", () => {
  const cfg = resolveNetworkConfig({
    domains: {
      "example.com": {},
      "prod.example.com": { env: "prod" },
      "a.example.com": { env: "prod", team: "a" },
      "b.example.com": { env: "prod", team: "a" },
    },
  });
  it.each([
    [{}, "example.com"],
    [{ env: "prod" }, "prod.example.com"],
    [{ env: "prod", team: "a" }, "a.example.com"], // most specific; ties by name
    [{ "networking.knative.dev/visibility": "cluster-local", env: "prod" }, "svc.cluster.local"],
  ])("labels %j → %s", (labels, want) => {
    expect(lookupDomainForLabels(labels, cfg)).toBe(want);
  });
});

describe("domainNameFromTemplate", () => {
  it("ignores a custom template for cluster-local routes", () => {
    const cfg = resolveNetworkConfig({ domainTemplate: "{{.Name}}.{{.Domain}}" });
    const meta = { name: "hello", namespace: "default", labels: { "networking.knative.dev/visibility": "cluster-local" } };
    expect(domainNameFromTemplate(meta, "hello", cfg)).toBe("hello.default.svc.cluster.local");
    expect(domainNameFromTemplate({ ...meta, labels: {} }, "hello", cfg)).toBe("hello.svc.cluster.local");
  });

  it("reads annotations in the template", () => {
    const cfg = resolveNetworkConfig({ domainTemplate: '{{index .Annotations "sub"}}.{{.Name}}.{{.Domain}}', domains: { "example.com": {} } });
    expect(domainNameFromTemplate({ namespace: "ns", annotations: { sub: "eu" } }, "hello", cfg)).toBe("eu.hello.example.com");
  });
});

describe("expandedHosts", () => {
  it("adds the short in-cluster names, sorted", () => {
    expect(expandedHosts(["hello.default.svc.cluster.local"], "cluster.local")).toEqual([
      "hello.default",
      "hello.default.svc",
      "hello.default.svc.cluster.local",
    ]);
  });
  it("leaves external names alone and drops all-digit TLDs", () => {
    expect(expandedHosts(["hello.default.example.com"], "cluster.local")).toEqual(["hello.default.example.com"]);
    expect(expandedHosts(["10.svc.cluster.local"], "cluster.local")).toEqual(["10.svc", "10.svc.cluster.local"]);
  });
});

describe("renderGoTemplate", () => {
  it("throws TemplateError for actions it cannot evaluate", () => {
    expect(() => renderGoTemplate("{{if .Name}}x{{end}}", { Name: "a" })).toThrow(TemplateError);
  });
});
