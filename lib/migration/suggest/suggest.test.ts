import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gatewayApiCrdFiles } from "@/e2e/cluster/crds.ts";
import { validateHTTPRoute, type CustomResourceDefinition } from "@/lib/validate";
import { gatewayDuration } from "./actions";
import type { VirtualServiceResource } from "./istio-types";
import { suggestHTTPRoute, type SuggestOptions } from "./suggest";

const vs = (spec: VirtualServiceResource["spec"], name = "hello-extras"): VirtualServiceResource => ({ metadata: { name, namespace: "legacy" }, spec });
const opts: SuggestOptions = {
  knativeServices: new Set(["legacy/hello", "legacy/docs"]),
  servicePorts: new Map([
    ["legacy/hello-00001", [80, 443]],
    ["legacy/hello-00002", [80, 443]],
    ["legacy/shadow", [8080]],
  ]),
};
const INGRESS = ["knative-serving/knative-ingress-gateway"];
const external = [{ group: "gateway.networking.k8s.io", kind: "Gateway", namespace: "istio-system", name: "knative-gateway" }];
const localGatewayRef = { name: "knative-local-gateway", namespace: "istio-system", port: 80 };

/** The hand-written VirtualService of a team mid-migration: canary by header, a split, a redirect, a path to another Knative Service, a mirror. */
const realistic = vs({
  hosts: ["hello.legacy.example.com"],
  gateways: INGRESS,
  http: [
    {
      name: "canary-by-header",
      match: [{ uri: { prefix: "/api/" }, headers: { "x-canary": { exact: "1" } } }],
      route: [{ destination: { host: "hello-00002.legacy.svc.cluster.local" } }],
      timeout: "10s",
      retries: { attempts: 3, retryOn: "5xx" },
    },
    {
      match: [{ uri: { prefix: "/api/" } }],
      route: [
        { destination: { host: "hello-00001" }, weight: 90 },
        { destination: { host: "hello-00002", port: { number: 80 } }, weight: 10 },
      ],
      retries: { attempts: 0 },
      mirror: { host: "shadow" },
      mirrorPercentage: { value: 12.5 },
    },
    { match: [{ uri: { exact: "/old" } }], redirect: { uri: "/new" } },
    {
      match: [{ uri: { prefix: "/docs/" } }],
      rewrite: { uri: "/" },
      route: [{ destination: { host: "docs.legacy.svc.cluster.local" } }],
      retries: { attempts: 0 },
      headers: { request: { set: { "x-from": "gateway" } }, response: { remove: ["server"] } },
    },
  ],
});

describe("suggestHTTPRoute", () => {
  it("carries a realistic VirtualService over rule by rule", () => {
    const { route, notes } = suggestHTTPRoute(realistic, opts);
    expect(route).toEqual({
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: { name: "hello-extras", namespace: "legacy" },
      spec: {
        parentRefs: external,
        hostnames: ["hello.legacy.example.com"],
        rules: [
          {
            name: "canary-by-header",
            matches: [{ path: { type: "PathPrefix", value: "/api/" }, headers: [{ name: "x-canary", type: "Exact", value: "1" }] }],
            backendRefs: [{ name: "hello-00002", port: 80 }],
            timeouts: { request: "10s" },
          },
          {
            matches: [{ path: { type: "PathPrefix", value: "/api/" } }],
            filters: [
              { type: "RequestMirror", requestMirror: { backendRef: { name: "shadow", port: 8080 }, fraction: { numerator: 12500, denominator: 100000 } } },
            ],
            backendRefs: [
              { name: "hello-00001", port: 80, weight: 90 },
              { name: "hello-00002", port: 80, weight: 10 },
            ],
          },
          {
            matches: [{ path: { type: "Exact", value: "/old" } }],
            filters: [{ type: "RequestRedirect", requestRedirect: { path: { type: "ReplaceFullPath", replaceFullPath: "/new" }, statusCode: 301 } }],
          },
          {
            matches: [{ path: { type: "PathPrefix", value: "/docs/" } }],
            filters: [
              { type: "RequestHeaderModifier", requestHeaderModifier: { set: [{ name: "x-from", value: "gateway" }] } },
              { type: "ResponseHeaderModifier", responseHeaderModifier: { remove: ["server"] } },
              { type: "URLRewrite", urlRewrite: { hostname: "docs.legacy.svc.cluster.local", path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/" } } },
            ],
            backendRefs: [localGatewayRef],
          },
        ],
      },
    });
    expect(notes).toEqual([
      "Route 1 (canary-by-header) retries 3 times on 5xx: HTTPRoutes do not retry (retry is only in the Gateway API's experimental channel).",
      "Route 3 sets no retries, so Istio retries failed requests twice; HTTPRoutes do not retry (retry is only in the Gateway API's experimental channel).",
    ]);
  });

  it("says where Istio's first-match order and the Gateway API's precedence part ways", () => {
    const { notes } = suggestHTTPRoute(
      vs({
        hosts: ["a.example.com"],
        gateways: INGRESS,
        http: [
          { match: [{ uri: { prefix: "/" } }], route: [{ destination: { host: "hello-00001" } }], retries: {} },
          { match: [{ uri: { prefix: "/api/" } }], route: [{ destination: { host: "hello-00002" } }], retries: {} },
        ],
      }),
      opts,
    );
    expect(notes).toEqual([
      "Istio sends a request like GET /api/ to the first route that matches it (rule 1 here); the Gateway API sends it to the most specific match, rule 2. Check the rules' order with the request tester.",
    ]);
  });

  it("names what it cannot carry over, and how the rule changes without it", () => {
    const { route, notes } = suggestHTTPRoute(
      vs({
        hosts: ["*", "hello", "10.0.0.1"],
        http: [
          {
            match: [
              {
                uri: { prefix: "/api" },
                ignoreUriCase: true,
                withoutHeaders: { debug: {} },
                method: { regex: "GE.*" },
                headers: { "x-user": { prefix: "team-" } },
              },
            ],
            route: [{ destination: { host: "api.example.org" } }, { destination: { host: "hello-00001", subset: "v1" } }],
            fault: { abort: { httpStatus: 503 } },
            corsPolicy: { allowOrigins: [{ exact: "https://app.example.com" }, { regex: ".*" }], allowMethods: ["GET"], maxAge: "24h" },
          },
          { delegate: { name: "other" } },
          { directResponse: { status: 404 }, match: [{ uri: { prefix: "/admin/" } }], retries: {} },
        ],
      }),
      opts,
    );
    expect(route.spec.hostnames).toEqual(["hello.legacy.svc.cluster.local"]);
    expect(route.spec.parentRefs).toEqual([{ group: "gateway.networking.k8s.io", kind: "Gateway", namespace: "istio-system", name: "knative-local-gateway" }]);
    expect(route.spec.rules?.[0]?.matches).toEqual([
      { path: { type: "PathPrefix", value: "/api" }, headers: [{ name: "x-user", type: "RegularExpression", value: "^team-.*" }] },
    ]);
    expect(route.spec.rules?.[0]?.backendRefs).toEqual([{ name: "hello-00001", port: 80, weight: 0 }]);
    expect(route.spec.rules?.[0]?.filters).toEqual([{ type: "CORS", cors: { allowOrigins: ["https://app.example.com"], allowMethods: ["GET"] } }]);
    // The direct response keeps its rule, with no backend: the Gateway answers 500 rather than sending /admin/ elsewhere.
    expect(route.spec.rules?.[1]).toEqual({ matches: [{ path: { type: "PathPrefix", value: "/admin/" } }] });
    expect(notes).toEqual(
      expect.arrayContaining([
        "The VirtualService serves every host (*): the suggestion lists no hostnames, so it takes every host its Gateway listener allows.",
        "The host 10.0.0.1 is not a hostname an HTTPRoute takes: left out.",
        "The VirtualService applies inside the mesh only (gateways: mesh); an HTTPRoute on a Gateway serves requests at the Gateway instead.",
        "Route 1 matches the path prefix /api as a string (Istio also sends /apix there); PathPrefix matches whole segments only (/api and /api/…).",
        "Route 1 ignores the case of the path; HTTPRoute path matches are case-sensitive.",
        "Route 1 matches the header x-user by prefix: the suggestion uses the regular expression ^team-.*.",
        "Route 1 matches the method by a pattern: HTTPRoutes match one standard method exactly; left out.",
        "Route 1 also matches on headers that must be absent: an HTTPRoute match cannot, so the rule matches more than before.",
        "Route 1 goes to api.example.org, which is not a Service of this cluster: an HTTPRoute cannot name it (left out).",
        "Route 1 goes to the subset v1 of legacy/hello-00001 (a DestinationRule's): the Gateway API has no subsets, so the suggestion sends to the whole Service.",
        "Route 1 aborts requests on purpose: the Gateway API has no fault injection.",
        "Route 1 allows CORS origins by prefix or pattern: only exact origins carry over.",
        "Route 2 delegates to the VirtualService legacy/other: HTTPRoutes cannot delegate; left out.",
        "Route 3 answers 404 itself: an HTTPRoute cannot, and a rule with no backend answers 500.",
      ]),
    );
  });

  it("takes a name no HTTPRoute has", () => {
    const taken = new Set(["legacy/hello-extras", "legacy/hello-extras-httproute"]);
    expect(suggestHTTPRoute(realistic, { ...opts, takenNames: taken }).route.metadata.name).toBe("hello-extras-httproute-2");
  });

  it("splits a path rewrite over several prefixes into one rule each, as ReplacePrefixMatch needs", () => {
    const { route } = suggestHTTPRoute(
      vs({
        hosts: ["a.example.com"],
        gateways: INGRESS,
        http: [
          {
            name: "v1",
            match: [{ uri: { prefix: "/v1/" } }, { uri: { prefix: "/api/v1/" } }],
            rewrite: { uri: "/" },
            route: [{ destination: { host: "hello-00001" } }],
            retries: {},
          },
        ],
      }),
      opts,
    );
    expect(route.spec.rules?.map((r) => [r.name, r.matches?.[0]?.path?.value, r.filters?.[0]?.urlRewrite?.path])).toEqual([
      ["v1", "/v1/", { type: "ReplacePrefixMatch", replacePrefixMatch: "/" }],
      ["v1-2", "/api/v1/", { type: "ReplacePrefixMatch", replacePrefixMatch: "/" }],
    ]);
  });

  it("writes Istio's durations in the Gateway API's format", () => {
    expect(["10s", "0.250s", "1.5s", "90s", "120s", "3600s", "0s", "5m"].map(gatewayDuration)).toEqual([
      "10s",
      "250ms",
      "1500ms",
      "90s",
      "2m",
      "1h",
      "0s",
      undefined,
    ]);
  });
});

describe("every suggestion is an HTTPRoute the API server takes (validated by the CRD's own schema and CEL rules)", () => {
  let crd: CustomResourceDefinition;
  beforeAll(() => {
    const file = gatewayApiCrdFiles().find((f) => f.endsWith("_httproutes.yaml"));
    if (!file) throw new Error("no HTTPRoute CRD");
    crd = parse(readFileSync(file, "utf8")) as CustomResourceDefinition;
  });

  const cases: [string, VirtualServiceResource][] = [
    ["realistic", realistic],
    [
      "a split across two Knative Services",
      vs({
        hosts: ["a.example.com"],
        gateways: INGRESS,
        http: [
          {
            route: [
              { destination: { host: "hello" }, weight: 50 },
              { destination: { host: "docs" }, weight: 50 },
            ],
          },
        ],
      }),
    ],
    [
      "redirects of every kind",
      vs({
        hosts: ["a.example.com"],
        gateways: INGRESS,
        http: [
          {
            match: [{ uri: { prefix: "/a/" } }],
            redirect: { prefixRewrite: "/b/", redirectCode: 308, scheme: "https", authority: "b.example.com", port: 8443 },
          },
          { match: [{ uri: { regex: "/c.*" } }], redirect: { uri: "/d", redirectCode: 300 } },
        ],
      }),
    ],
    [
      "every header and query match",
      vs({
        hosts: ["a.example.com"],
        gateways: INGRESS,
        http: [
          {
            match: [
              {
                headers: { a: { exact: "1" }, b: { regex: "x+" }, c: { prefix: "p" } },
                queryParams: { q: { exact: "1" }, r: { regex: "\\d+" } },
                method: { exact: "POST" },
              },
            ],
            route: [{ destination: { host: "hello-00001" } }],
            timeout: "0.5s",
            mirrors: [{ destination: { host: "shadow" }, percentage: { value: 5 } }],
          },
        ],
      }),
    ],
  ];
  it.each(cases)("%s", (_, input) => {
    expect(validateHTTPRoute(suggestHTTPRoute(input, opts).route, crd)).toEqual([]);
  });
});
