import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../k8s/meta";
import type { HTTPRouteMatch, HTTPRouteRule } from "../route-types";
import { base, gatewayClass, gateway, GW_NS, http, https, namespace, NS, route, service, to } from "../testing/objects";
import { matchRequest, type MatchInput, type MatchResult } from "./index";

const GW = { namespace: GW_NS, name: "gw" };
const rule = (backend: string, ...matches: HTTPRouteMatch[]): HTTPRouteRule => ({ matches, backendRefs: [to(backend)] });
const svcs = (...names: string[]) => names.map((n) => service(n));

interface Want {
  readonly status: number;
  /** "namespace/name#rule" of the route that serves. */
  readonly route?: string;
  /** Backend names with a share > 0, in order. */
  readonly backends?: readonly string[];
  readonly errorShare?: number;
  readonly location?: string;
  readonly forwardedPath?: string;
  readonly forwardedHost?: string;
  readonly header?: readonly [string, string];
  readonly certainty?: "required" | "implementation-specific";
  readonly warning?: string;
  readonly listener?: string;
}

interface Case {
  readonly name: string;
  readonly objects: readonly KubeObject[];
  readonly requests: readonly (readonly [Omit<MatchInput, "gateway"> & { gateway?: MatchInput["gateway"] | null }, Want])[];
}

const precedence = [
  ...base(),
  ...svcs("root", "prefix", "longer", "exact", "method", "header", "query"),
  route("r", {
    rules: [
      rule("root", { path: { value: "/" } }),
      rule("prefix", { path: { value: "/a" } }),
      rule("exact", { path: { type: "Exact", value: "/a/b" } }),
      rule("longer", { path: { value: "/a/b" } }),
      rule("query", { path: { value: "/x" }, queryParams: [{ name: "q", value: "1" }] }),
      rule("header", { path: { value: "/x" }, headers: [{ name: "h", value: "1" }] }),
      rule("method", { path: { value: "/x" }, method: "GET" }),
    ],
  }),
];

const cases: Case[] = [
  {
    name: "Exact path > longest PathPrefix > method > most headers > most query params",
    objects: precedence,
    requests: [
      [
        { host: "any.example", path: "/a/b" },
        { status: 200, route: "apps/r#2", backends: ["exact"] },
      ],
      [
        { host: "any.example", path: "/a/b/c" },
        { status: 200, route: "apps/r#3", backends: ["longer"] },
      ],
      [
        { host: "any.example", path: "/ab" },
        { status: 200, route: "apps/r#0", backends: ["root"] },
      ],
      [
        { host: "any.example", path: "/x", method: "GET", headers: { H: "1" }, query: { q: "1" } },
        { status: 200, backends: ["method"] },
      ],
      [
        { host: "any.example", path: "/x", method: "POST", headers: { h: "1" }, query: { q: "1" } },
        { status: 200, backends: ["header"] },
      ],
      [
        { host: "any.example", path: "/x?q=1", method: "POST" },
        { status: 200, backends: ["query"] },
      ],
      [
        { host: "any.example", path: "/x", method: "POST" },
        { status: 200, backends: ["root"] },
      ],
    ],
  },
  {
    name: "shadowed rules: the oldest route wins a tie, then namespace/name, then the first rule",
    objects: [
      ...base(),
      ...svcs("old", "a1", "a2", "b"),
      route("zzz", { rules: [rule("old", { path: { value: "/api" } })] }, { creationTimestamp: "2025-01-01T00:00:00Z" }),
      route("aaa", { rules: [rule("a1", { path: { value: "/api" } }), rule("a2", { path: { value: "/api" } }), rule("a1", { path: { value: "/b" } })] }),
      route("bbb", { rules: [rule("b", { path: { value: "/b" } })] }),
    ],
    requests: [
      [
        { host: "h", path: "/api/x" },
        { status: 200, route: "apps/zzz#0", backends: ["old"] },
      ],
      [
        { host: "h", path: "/b" },
        { status: 200, route: "apps/aaa#2", backends: ["a1"] },
      ],
      [{ host: "h", path: "/nothing" }, { status: 404 }],
    ],
  },
  {
    name: "hostnames: exact over wildcard, longer wildcard over shorter; a host served by no route: 404",
    objects: [
      ...base(),
      ...svcs("exact", "wild", "wilder", "any"),
      route("e", { hostnames: ["a.example.com"], rules: [rule("exact", { path: { value: "/" } })] }),
      route("w", { hostnames: ["*.example.com"], rules: [rule("wild", { path: { type: "Exact", value: "/x" } })] }),
      route("ww", { hostnames: ["*.b.example.com"], rules: [rule("wilder", { path: { value: "/" } })] }),
      route("n", { hostnames: ["n.example.net"], rules: [rule("any", {})] }),
    ],
    requests: [
      [
        { host: "A.example.com:8080", path: "/x" },
        { status: 200, backends: ["exact"] },
      ],
      [
        { host: "c.example.com", path: "/x" },
        { status: 200, backends: ["wild"] },
      ],
      [
        { host: "c.b.example.com", path: "/x" },
        { status: 200, backends: ["wilder"] },
      ],
      [{ host: "example.com", path: "/x" }, { status: 404 }],
      // the routes of the best hostname have no matching rule: 404, and a flat ranking would differ
      [{ host: "c.example.com", path: "/y" }, { status: 404 }],
      [
        { host: "a.b.example.com", path: "/" },
        { status: 200, backends: ["wilder"] },
      ],
    ],
  },
  {
    name: "a more specific virtual host without a matching rule: 404, with a warning that flat rankers differ",
    objects: [
      ...base(),
      ...svcs("exact", "wild"),
      route("e", { hostnames: ["a.example.com"], rules: [rule("exact", { path: { value: "/e" } })] }),
      route("w", { hostnames: ["*.example.com"], rules: [rule("wild", {})] }),
    ],
    requests: [
      [
        { host: "a.example.com", path: "/other" },
        { status: 404, certainty: "implementation-specific", warning: "HostnameFallthrough" },
      ],
    ],
  },
  {
    name: "only routes Accepted on the listener take part",
    objects: [...base([http("http", { allowedRoutes: { namespaces: { from: "Same" } } })]), route("r", { rules: [rule("app", {})] })],
    requests: [[{ host: "h", path: "/" }, { status: 404 }]],
  },
  {
    name: "weighted backends: shares by weight, weight 0 gets nothing; an invalid backend gets its share of 500s",
    objects: [
      ...base(),
      ...svcs("v1", "v2", "v3"),
      route("w", {
        rules: [{ matches: [{ path: { value: "/w" } }], backendRefs: [to("v1", { weight: 70 }), to("v2", { weight: 30 }), to("v3", { weight: 0 })] }],
      }),
      route("half", { rules: [{ matches: [{ path: { value: "/half" } }], backendRefs: [to("v1"), to("missing")] }] }),
      route("none", { rules: [{ matches: [{ path: { value: "/none" } }], backendRefs: [to("missing")] }, { matches: [{ path: { value: "/empty" } }] }] }),
      route("cross", { rules: [{ matches: [{ path: { value: "/cross" } }], backendRefs: [to("db", { namespace: "data" })] }] }),
    ],
    requests: [
      [
        { host: "h", path: "/w" },
        { status: 200, backends: ["v1", "v2"], errorShare: 0 },
      ],
      [
        { host: "h", path: "/half" },
        { status: 200, backends: ["v1"], errorShare: 0.5 },
      ],
      [
        { host: "h", path: "/none" },
        { status: 500, errorShare: 1 },
      ],
      [{ host: "h", path: "/empty" }, { status: 500 }],
      [{ host: "h", path: "/cross" }, { status: 500 }],
    ],
  },
  {
    name: "a backend port the Service does not expose: forwarded, but implementation-specific",
    objects: [...base(), route("r", { rules: [{ backendRefs: [to("app", { port: 9999 })] }] })],
    requests: [
      [
        { host: "h", path: "/" },
        { status: 200, backends: ["app"], certainty: "implementation-specific", warning: "BackendPortNotExposed" },
      ],
    ],
  },
  {
    name: "RequestRedirect: status, scheme, host, port and path of the Location",
    objects: [
      ...base(),
      route("r", {
        rules: [
          {
            matches: [{ path: { value: "/old" } }],
            filters: [{ type: "RequestRedirect", requestRedirect: { path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/new" }, statusCode: 301 } }],
          },
          { matches: [{ path: { value: "/secure" } }], filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", hostname: "example.org" } }] },
          { matches: [{ path: { value: "/port" } }], filters: [{ type: "RequestRedirect", requestRedirect: { port: 8083 } }] },
        ],
      }),
    ],
    requests: [
      [
        { host: "h.example", path: "/old/x?y=1" },
        { status: 301, location: "http://h.example/new/x?y=1" },
      ],
      [
        { host: "h.example", path: "/secure" },
        { status: 302, location: "https://example.org/secure" },
      ],
      [
        { host: "h.example", path: "/port" },
        { status: 302, location: "http://h.example:8083/port" },
      ],
    ],
  },
  {
    name: "URLRewrite and RequestHeaderModifier change what the backend sees",
    objects: [
      ...base(),
      route("r", {
        rules: [
          {
            matches: [{ path: { value: "/strip" } }],
            filters: [{ type: "URLRewrite", urlRewrite: { path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/" } } }],
            backendRefs: [to("app")],
          },
          {
            matches: [{ path: { value: "/host" } }],
            filters: [
              { type: "URLRewrite", urlRewrite: { hostname: "inner.svc", path: { type: "ReplaceFullPath", replaceFullPath: "/x" } } },
              { type: "RequestHeaderModifier", requestHeaderModifier: { add: [{ name: "X-A", value: "2" }] } },
            ],
            backendRefs: [to("app")],
          },
        ],
      }),
    ],
    requests: [
      [
        { host: "h", path: "/strip/three" },
        { status: 200, forwardedPath: "/three" },
      ],
      [
        { host: "h", path: "/strip" },
        { status: 200, forwardedPath: "/" },
      ],
      [
        { host: "h", path: "/host/y", headers: { "x-a": "1" } },
        { status: 200, forwardedPath: "/x", forwardedHost: "inner.svc", header: ["x-a", "1,2"] },
      ],
    ],
  },
  {
    name: "listener isolation: the most specific listener takes the host; none takes it: 404",
    objects: [
      gatewayClass(),
      namespace(NS),
      gateway("gw", [http("any"), http("wild", { hostname: "*.example.com" }), http("exact", { hostname: "a.example.com" })]),
      ...svcs("to-any", "to-wild", "to-exact"),
      route("any", { parentRefs: [{ name: "gw", namespace: GW_NS, sectionName: "any" }], rules: [rule("to-any", {})] }),
      route("wild", { parentRefs: [{ name: "gw", namespace: GW_NS, sectionName: "wild" }], rules: [rule("to-wild", { path: { value: "/w" } })] }),
      route("exact", { parentRefs: [{ name: "gw", namespace: GW_NS, sectionName: "exact" }], rules: [rule("to-exact", {})] }),
    ],
    requests: [
      [
        { host: "a.example.com", path: "/" },
        { status: 200, backends: ["to-exact"], listener: "exact" },
      ],
      [
        { host: "b.example.com", path: "/w" },
        { status: 200, backends: ["to-wild"], listener: "wild" },
      ],
      [
        { host: "b.example.com", path: "/" },
        { status: 404, listener: "wild" },
      ],
      [
        { host: "other.net", path: "/" },
        { status: 200, backends: ["to-any"], listener: "any" },
      ],
    ],
  },
  {
    name: "HTTPS: a Host that belongs to another listener than the SNI's is misdirected (421)",
    objects: [
      gatewayClass(),
      namespace(NS),
      gateway("gw", [https("default", "cert"), https("second", "cert", { hostname: "second.example.org" })]),
      service("app"),
      route("r", { parentRefs: [{ name: "gw", namespace: GW_NS }], rules: [rule("app", {})] }),
    ],
    requests: [
      [
        { host: "example.org", sni: "example.org", path: "/" },
        { status: 200, backends: ["app"], listener: "default" },
      ],
      [{ host: "second.example.org", sni: "example.org", path: "/" }, { status: 421 }],
      [
        { host: "second.example.org", sni: "second.example.org", path: "/" },
        { status: 200, listener: "second" },
      ],
    ],
  },
  {
    name: "the port: from the Host header when a listener has it, else the first listener's",
    objects: [
      gatewayClass(),
      namespace(NS),
      gateway("gw", [http("l80", { hostname: "foo.com" }), http("l8080", { hostname: "foo.com", port: 8080 })]),
      ...svcs("p80", "p8080"),
      route("a", { parentRefs: [{ name: "gw", namespace: GW_NS, port: 80 }], rules: [rule("p80", {})] }),
      route("b", { parentRefs: [{ name: "gw", namespace: GW_NS, port: 8080 }], rules: [rule("p8080", {})] }),
    ],
    requests: [
      [
        { host: "foo.com", path: "/" },
        { status: 200, backends: ["p80"] },
      ],
      [
        { host: "foo.com:8080", path: "/" },
        { status: 200, backends: ["p8080"] },
      ],
      [
        { host: "foo.com:1234", path: "/" },
        { status: 200, backends: ["p80"] },
      ],
      [{ host: "foo.com", path: "/", port: 9999 }, { status: 0 }],
    ],
  },
  {
    name: "a regular-expression path is implementation-specific",
    objects: [...base(), ...svcs("re"), route("r", { rules: [rule("re", { path: { type: "RegularExpression", value: "/v[0-9]+/.*" } })] })],
    requests: [
      [
        { host: "h", path: "/v2/x" },
        { status: 200, backends: ["re"], certainty: "implementation-specific" },
      ],
      [{ host: "h", path: "/vx/x" }, { status: 404 }],
    ],
  },
  {
    name: "a CORS preflight is answered by the Gateway",
    objects: [...base(), route("r", { rules: [{ filters: [{ type: "CORS", cors: { allowOrigins: ["https://*.foo.com"] } }], backendRefs: [to("app")] }] })],
    requests: [
      [{ host: "h", path: "/", method: "OPTIONS", headers: { Origin: "https://www.foo.com", "Access-Control-Request-Method": "GET" } }, { status: 204 }],
      [
        { host: "h", path: "/", method: "GET", headers: { Origin: "https://www.foo.com" } },
        { status: 200, backends: ["app"] },
      ],
    ],
  },
  {
    name: "without a gateway given, the Gateway that serves the request answers",
    objects: [...base(), gateway("empty", [http()]), route("r", { rules: [rule("app", {})] })],
    requests: [
      [
        { host: "h", path: "/", gateway: null },
        { status: 200, backends: ["app"], warning: "GatewayGuessed" },
      ],
    ],
  },
];

function check(r: MatchResult, w: Want, label: string): void {
  expect(r.status, `${label}: ${r.reason}`).toBe(w.status);
  if (w.route) expect(`${r.route?.namespace}/${r.route?.name}#${r.rule}`, label).toBe(w.route);
  if (w.backends)
    expect(
      r.backends.filter((b) => b.valid && b.share > 0).map((b) => b.name),
      label,
    ).toEqual(w.backends);
  if (w.errorShare !== undefined) expect(r.errorShare, label).toBeCloseTo(w.errorShare);
  if (w.location) expect(r.redirect?.location, label).toBe(w.location);
  if (w.forwardedPath) expect(r.forwarded?.path, label).toBe(w.forwardedPath);
  if (w.forwardedHost) expect(r.forwarded?.host, label).toBe(w.forwardedHost);
  if (w.header) expect(r.forwarded?.headers[w.header[0]], label).toBe(w.header[1]);
  if (w.certainty) expect(r.certainty, label).toBe(w.certainty);
  if (w.warning)
    expect(
      r.warnings.map((x) => x.code),
      label,
    ).toContain(w.warning);
  if (w.listener) expect(r.listener?.name, label).toBe(w.listener);
}

describe("matchRequest", () => {
  for (const c of cases) {
    it(c.name, () => {
      for (const [req, want] of c.requests) {
        const { gateway: g, ...rest } = req;
        const r = matchRequest(c.objects, { ...rest, ...(g === null ? {} : { gateway: g ?? GW }) });
        check(r, want, `${req.method ?? "GET"} ${req.host}${req.path}`);
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      }
    });
  }

  it("weights: each backend carries namespace, name, port, weight and validity", () => {
    const objects = [...base(), ...svcs("v1"), route("r", { rules: [{ backendRefs: [to("v1", { weight: 3 }), to("gone", { weight: 1 })] }] })];
    const r = matchRequest(objects, { host: "h", path: "/", gateway: GW });
    expect(r.backends.map(({ namespace: n, name, port, weight, valid, share }) => ({ n, name, port, weight, valid, share }))).toEqual([
      { n: NS, name: "v1", port: 8080, weight: 3, valid: true, share: 0.75 },
      { n: NS, name: "gone", port: 8080, weight: 1, valid: false, share: 0.25 },
    ]);
    expect(r.backends[1]?.reason).toBe("BackendNotFound");
  });
});
