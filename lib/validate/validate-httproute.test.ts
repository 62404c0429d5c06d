import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gatewayApiCrdFiles } from "@/e2e/cluster/crds.ts";
import { compileIssues, validateHTTPRoute, type CustomResourceDefinition } from "./index.ts";

const VERSIONS = ["v1.2.1", "v1.6.3"] as const;

function loadCrd(version: string): CustomResourceDefinition {
  const file = gatewayApiCrdFiles(version).find((f) => f.endsWith("_httproutes.yaml"));
  if (!file) throw new Error(`no HTTPRoute CRD in ${version}`);
  return parse(readFileSync(file, "utf8")) as CustomResourceDefinition;
}

const route = (spec: unknown, name = "r") => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { name, namespace: "default" },
  spec,
});

const paths = (errs: { path: string }[]) => errs.map((e) => e.path).sort();

describe.each(VERSIONS)("validateHTTPRoute with Gateway API %s", (version) => {
  let crd: CustomResourceDefinition;
  beforeAll(() => {
    crd = loadCrd(version);
  });

  it("compiles every CEL rule of the CRD", () => {
    expect(compileIssues(crd)).toEqual([]);
  });

  it("accepts a realistic route", () => {
    const r = route({
      parentRefs: [{ name: "gw", namespace: "infra", sectionName: "https" }],
      hostnames: ["app.example.com", "*.example.org"],
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/api/v1" }, headers: [{ name: "x-env", value: "canary" }] }],
          filters: [{ type: "RequestHeaderModifier", requestHeaderModifier: { set: [{ name: "a", value: "b" }] } }],
          backendRefs: [
            { name: "users", port: 80, weight: 90 },
            { name: "users-canary", port: 80, weight: 10 },
          ],
        },
        { matches: [{ path: { type: "Exact", value: "/docs" } }], backendRefs: [{ name: "docs", port: 8080 }] },
      ],
    });
    expect(validateHTTPRoute(r, crd)).toEqual([]);
  });

  it("reports schema errors worded like the API server", () => {
    const errs = validateHTTPRoute(
      route({
        hostnames: ["Foo_bar"],
        parentRefs: [{ name: "g", port: 0 }],
        rules: [{ matches: [{ path: { type: "Bogus", value: "x" } }], backendRefs: [{ name: "s", port: 80, weight: 1000001 }] }],
      }),
      crd,
    );
    expect(errs.map((e) => `${e.path}: ${e.message}`)).toEqual([
      `spec.hostnames[0]: Invalid value: "Foo_bar": spec.hostnames[0] in body should match '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$'`,
      "spec.parentRefs[0].port: Invalid value: 0: spec.parentRefs[0].port in body should be greater than or equal to 1",
      'spec.rules[0].matches[0].path.type: Unsupported value: "Bogus": supported values: "Exact", "PathPrefix", "RegularExpression"',
      "spec.rules[0].backendRefs[0].weight: Invalid value: 1000001: spec.rules[0].backendRefs[0].weight in body should be less than or equal to 1000000",
      ": Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
    ]);
  });

  it("evaluates CEL rules after defaulting", () => {
    const errs = validateHTTPRoute(
      route({
        rules: [
          {
            matches: [{ path: { type: "Exact", value: "/a//b" } }, {}],
            filters: [
              { type: "RequestRedirect", requestRedirect: {} },
              { type: "RequestRedirect", requestRedirect: {} },
            ],
            backendRefs: [{ name: "s" }],
          },
        ],
      }),
      crd,
    );
    expect(errs.map((e) => `${e.path}: ${e.message}`)).toEqual([
      "spec.rules[0]: Invalid value: RequestRedirect filter must not be used together with backendRefs",
      "spec.rules[0].matches[0].path: Invalid value: must not contain '//' when type one of ['Exact', 'PathPrefix']",
      "spec.rules[0].filters: Invalid value: RequestRedirect filter cannot be repeated",
      "spec.rules[0].backendRefs[0]: Invalid value: Must have port for Service reference",
    ]);
  });

  it("limits rules, matches and reports duplicates in list maps", () => {
    expect(paths(validateHTTPRoute(route({ rules: Array.from({ length: 17 }, () => ({})) }), crd))).toEqual(["", "spec.rules"]);
    const many = Array.from({ length: 9 }, () => ({ matches: Array.from({ length: 15 }, () => ({ path: { type: "PathPrefix", value: "/" } })) }));
    expect(paths(validateHTTPRoute(route({ rules: many }), crd))).toEqual(["spec.rules"]);
    const dup = route({
      rules: [
        {
          matches: [
            {
              headers: [
                { name: "a", value: "b" },
                { name: "a", value: "c" },
              ],
            },
          ],
        },
      ],
    });
    // A create names the later element; server-side apply refuses the list before validating it.
    expect(validateHTTPRoute(dup, crd, { request: "create" })).toEqual([
      { path: "spec.rules[0].matches[0].headers[1]", message: 'Duplicate value: {"name":"a"}', reason: "FieldValueDuplicate" },
    ]);
    expect(validateHTTPRoute(dup, crd)).toEqual([
      { path: "spec.rules[0].matches[0].headers", message: 'duplicate entries for key [name="a"]', reason: "InternalError" },
    ]);
  });

  it("checks timeouts with CEL durations, including the server's conversion error", () => {
    const ok = route({ rules: [{ timeouts: { request: "1h1h1h1h", backendRequest: "1s" } }] });
    expect(validateHTTPRoute(ok, crd)).toEqual([]);
    const bad = route({ rules: [{ timeouts: { request: "abc", backendRequest: "1s" } }] });
    expect(validateHTTPRoute(bad, crd).map((e) => e.message)).toEqual([
      `Invalid value: "abc": spec.rules[0].timeouts.request in body should match '^([0-9]{1,5}(h|m|s|ms)){1,4}$'`,
      `Invalid value: "object": type conversion error from 'string' to 'google.protobuf.Duration' evaluating rule: backendRequest timeout cannot be longer than request timeout`,
    ]);
  });

  it("attaches element ids through the caller's mapping", () => {
    const errs = validateHTTPRoute(route({ rules: [{ backendRefs: [{ name: "s" }] }] }), crd, {
      elementIdFor: (p) => (p.startsWith("spec.rules[0].backendRefs[0]") ? "backend:0:0" : undefined),
    });
    expect(errs).toEqual([
      {
        path: "spec.rules[0].backendRefs[0]",
        message: "Invalid value: Must have port for Service reference",
        reason: "FieldValueInvalid",
        elementId: "backend:0:0",
      },
    ]);
  });

  it("rejects a wrong apiVersion and a missing name", () => {
    expect(paths(validateHTTPRoute({ ...route({}), apiVersion: "gateway.networking.k8s.io/v9" }, crd))).toEqual(["apiVersion"]);
    expect(paths(validateHTTPRoute({ ...route({ rules: [{}] }), metadata: {} }, crd))).toEqual(["", "metadata.name"]);
  });

  it("never throws on junk", () => {
    for (const junk of [null, 5, "x", [], { apiVersion: 1 }, route(null), route([]), route({ rules: [null, 5, "x"] })]) {
      expect(() => validateHTTPRoute(junk, crd)).not.toThrow();
    }
  });

  it("finds nothing wrong in valid 16-rule routes as one path is typed", () => {
    const big = (typed: string) =>
      route({
        parentRefs: [{ name: "gw" }],
        hostnames: ["a.example.com"],
        rules: Array.from({ length: 16 }, (_, i) => ({
          matches: [{ path: { type: "PathPrefix", value: i === 7 ? `/p${typed}` : `/p${i}` }, headers: [{ name: "x", value: "y" }] }],
          filters: [{ type: "RequestHeaderModifier", requestHeaderModifier: { set: [{ name: "rev", value: `r${i}` }] } }],
          backendRefs: [
            { name: `s${i}`, port: 80, weight: 50 },
            { name: `t${i}`, port: 80, weight: 50 },
          ],
        })),
      });
    // Speed is measured by `npm run bench` (section compiler); here, the verdict on each edit.
    for (let i = 0; i < 20; i++) expect(validateHTTPRoute(big("abcdefghij".slice(0, (i % 10) + 1) + i), crd)).toEqual([]);
  });
});
