import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../k8s/meta";
import { base, gateway, gatewayClass, grant, GW_NS, http, https, kube, listenerSet, namespace, NS, route, secret, service, to } from "../testing/objects";
import { predictStatus, type PredictOptions, type StatusPrediction } from "./index";

interface Expect {
  /** "route apps/r" (first parent, or "route apps/r#1"), "listener infra/gw/http", "gateway infra/gw", "listenerSet infra/ls" */
  readonly at: string;
  /** type → "Status/Reason" */
  readonly conditions?: Readonly<Record<string, string>>;
  readonly certainty?: Readonly<Record<string, "required" | "implementation-specific">>;
  readonly attachedRoutes?: number;
  readonly listeners?: readonly string[];
  readonly supportedKinds?: readonly string[];
  readonly message?: Readonly<Record<string, RegExp>>;
  readonly notMessage?: Readonly<Record<string, RegExp>>;
  readonly warnings?: readonly string[];
  readonly rule?: Readonly<Record<string, RegExp>>;
}

interface Case {
  readonly name: string;
  readonly objects: readonly KubeObject[];
  readonly opts?: PredictOptions;
  readonly expect: readonly Expect[];
}

interface Found {
  conditions: readonly { type: string; status: string; reason: string; message: string; rule: string; certainty: string }[];
  warnings: readonly { code: string; certainty: string }[];
  attachedRoutes?: number;
  listeners?: readonly string[];
  supportedKinds?: readonly string[];
}

function find(p: StatusPrediction, at: string): Found {
  const [what, path = ""] = at.split(" ");
  const [ref, idx] = path.split("#");
  const parts = (ref ?? "").split("/");
  if (what === "route") {
    const r = p.routes.find((x) => `${x.namespace}/${x.name}` === ref);
    const parent = r?.parents[Number(idx ?? 0)];
    if (!r || !parent) throw new Error(`no ${at}`);
    return { conditions: parent.conditions, warnings: r.warnings, listeners: parent.listeners.map((l) => l.listener) };
  }
  if (what === "gateway") {
    const g = p.gateways.find((x) => `${x.namespace}/${x.name}` === ref);
    if (!g) throw new Error(`no ${at}`);
    return { conditions: g.conditions, warnings: g.warnings };
  }
  if (what === "listenerSet") {
    const s = p.listenerSets.find((x) => `${x.namespace}/${x.name}` === ref);
    if (!s) throw new Error(`no ${at}`);
    return { conditions: s.conditions, warnings: [] };
  }
  // listener infra/gw/http or listener infra/gw/infra/ls/name (a ListenerSet's)
  const g = p.gateways.find((x) => x.namespace === parts[0] && x.name === parts[1]);
  const l = g?.listeners.find((x) =>
    parts.length === 3
      ? x.source.kind === "Gateway" && x.name === parts[2]
      : x.source.namespace === parts[2] && x.source.name === parts[3] && x.name === parts[4],
  );
  if (!l) throw new Error(`no ${at}`);
  return { conditions: l.conditions, warnings: l.warnings, attachedRoutes: l.attachedRoutes, supportedKinds: l.supportedKinds.map((k) => k.kind) };
}

const gwOnly = (listeners = [http()]) => [gatewayClass(), namespace(NS), namespace(GW_NS), gateway("gw", listeners)];

const cases: Case[] = [
  {
    name: "a route attached to an HTTP listener: Accepted, ResolvedRefs, counted in attachedRoutes",
    objects: [...base(), route("r", { rules: [{ backendRefs: [to("app")] }] })],
    expect: [
      { at: "route apps/r", conditions: { Accepted: "True/Accepted", ResolvedRefs: "True/ResolvedRefs" }, listeners: ["http"] },
      {
        at: "listener infra/gw/http",
        conditions: { Accepted: "True/Accepted", ResolvedRefs: "True/ResolvedRefs", Conflicted: "False/NoConflicts", Programmed: "True/Programmed" },
        attachedRoutes: 1,
        supportedKinds: ["HTTPRoute", "GRPCRoute"],
      },
      { at: "gateway infra/gw", conditions: { Accepted: "True/Accepted", Programmed: "True/Programmed" } },
    ],
  },
  {
    name: "a backendRef to a port the Service does not expose: a warning marked implementation-specific, not a verdict",
    objects: [...base(), route("r", { rules: [{ backendRefs: [to("app", { port: 9999 })] }] })],
    expect: [{ at: "route apps/r", conditions: { Accepted: "True/Accepted", ResolvedRefs: "True/ResolvedRefs" }, warnings: ["BackendPortNotExposed"] }],
  },
  {
    name: "an ExternalName Service: a warning, implementation-specific",
    objects: [...base(), service("ext", [], NS, { type: "ExternalName", externalName: "example.org" }), route("r", { rules: [{ backendRefs: [to("ext")] }] })],
    expect: [{ at: "route apps/r", conditions: { ResolvedRefs: "True/ResolvedRefs" }, warnings: ["ExternalNameService"] }],
  },
  {
    name: "a TLS certificateRef to a missing Secret: listener ResolvedRefs False InvalidCertificateRef, not programmed, nor is the Gateway",
    objects: [...gwOnly([https("https", "missing")])],
    opts: { secrets: [] },
    expect: [
      {
        at: "listener infra/gw/https",
        conditions: { Accepted: "True/Accepted", ResolvedRefs: "False/InvalidCertificateRef", Programmed: "False/Invalid" },
        message: { ResolvedRefs: /Secret infra\/missing does not exist/ },
      },
      { at: "gateway infra/gw", conditions: { Accepted: "True/Accepted", Programmed: "False/Invalid", ResolvedRefs: "False/ListenersNotResolved" } },
    ],
  },
  {
    name: "a certificateRef to a Secret that exists (given by name, or as an object)",
    objects: [...gwOnly([https("a", "cert"), https("b", "obj", { hostname: "b.example.com" })]), secret("obj")],
    opts: { secrets: ["infra/cert"] },
    expect: [
      { at: "listener infra/gw/a", conditions: { ResolvedRefs: "True/ResolvedRefs", Programmed: "True/Programmed" } },
      { at: "listener infra/gw/b", conditions: { ResolvedRefs: "True/ResolvedRefs", Programmed: "True/Programmed" } },
    ],
  },
  {
    name: "a Secret object that holds no certificate: InvalidCertificateRef",
    objects: [...gwOnly([https("https", "bad")]), secret("bad", GW_NS, { "tls.crt": btoa("Hello world"), "tls.key": btoa("Hello world") })],
    expect: [
      { at: "listener infra/gw/https", conditions: { ResolvedRefs: "False/InvalidCertificateRef" }, message: { ResolvedRefs: /not a PEM certificate/ } },
    ],
  },
  {
    name: "Secrets unknown: whether the certificate resolves cannot be told",
    objects: [...gwOnly([https("https", "cert")])],
    expect: [
      {
        at: "listener infra/gw/https",
        conditions: { ResolvedRefs: "Unknown/Pending", Programmed: "Unknown/Pending" },
        message: { ResolvedRefs: /cannot tell/ },
      },
      { at: "gateway infra/gw", conditions: { Programmed: "Unknown/Pending" } },
    ],
  },
  {
    name: "a certificate in another namespace without, then with, a ReferenceGrant",
    objects: [...gwOnly([https("https", "cert", { tls: { certificateRefs: [{ name: "cert", namespace: "certs" }] } })])],
    opts: { secrets: ["certs/cert"] },
    expect: [{ at: "listener infra/gw/https", conditions: { ResolvedRefs: "False/RefNotPermitted" } }],
  },
  {
    name: "a certificate in another namespace with a ReferenceGrant from Gateways",
    objects: [
      ...gwOnly([https("https", "cert", { tls: { certificateRefs: [{ name: "cert", namespace: "certs" }] } })]),
      grant("certs", { kind: "Gateway", namespace: GW_NS }, { kind: "Secret" }),
    ],
    opts: { secrets: ["certs/cert"] },
    expect: [{ at: "listener infra/gw/https", conditions: { ResolvedRefs: "True/ResolvedRefs" } }],
  },
  {
    name: "a listener that allows only GRPCRoute: NotAllowedByListeners, and the kinds are named as the cause",
    objects: [
      ...base([http("grpc", { allowedRoutes: { kinds: [{ kind: "GRPCRoute" }], namespaces: { from: "All" } } })]),
      route("r", { rules: [{ backendRefs: [to("app")] }] }),
    ],
    expect: [
      {
        at: "route apps/r",
        conditions: { Accepted: "False/NotAllowedByListeners" },
        message: { Accepted: /route kind is the cause, not its namespace.*grpc: GRPCRoute/ },
        notMessage: { Accepted: /namespace apps is not allowed/ },
        rule: { Accepted: /allowedRoutes\.kinds/ },
      },
      { at: "listener infra/gw/grpc", conditions: { ResolvedRefs: "True/ResolvedRefs" }, supportedKinds: ["GRPCRoute"], attachedRoutes: 0 },
    ],
  },
  {
    name: "a route from a namespace the listener does not allow: NotAllowedByListeners about namespaces",
    objects: [...base([http("http", { allowedRoutes: { namespaces: { from: "Same" } } })]), route("r", { rules: [{ backendRefs: [to("app")] }] })],
    expect: [
      {
        at: "route apps/r",
        conditions: { Accepted: "False/NotAllowedByListeners", ResolvedRefs: "True/ResolvedRefs" },
        message: { Accepted: /namespace apps is not allowed/ },
      },
    ],
  },
  {
    name: "a namespace selector on the listener admits a labelled namespace",
    objects: [
      gatewayClass(),
      namespace(NS, { team: "a" }),
      gateway("gw", [http("http", { allowedRoutes: { namespaces: { from: "Selector", selector: { matchLabels: { team: "a" } } } } })]),
      service("app"),
      route("r", { rules: [{ backendRefs: [to("app")] }] }),
    ],
    expect: [{ at: "route apps/r", conditions: { Accepted: "True/Accepted" } }],
  },
  {
    name: "hostname mismatch: NoMatchingListenerHostname; a wildcard route hostname narrows to the listener's",
    objects: [
      ...base([http("a", { hostname: "a.example.com" }), http("w", { hostname: "*.example.org" })]),
      route("miss", { hostnames: ["other.net"], rules: [{ backendRefs: [to("app")] }] }),
      route("wild", { hostnames: ["*.example.com"], rules: [{ backendRefs: [to("app")] }] }),
    ],
    expect: [
      { at: "route apps/miss", conditions: { Accepted: "False/NoMatchingListenerHostname" } },
      { at: "route apps/wild", conditions: { Accepted: "True/Accepted" }, listeners: ["a"] },
      { at: "listener infra/gw/a", attachedRoutes: 1 },
      { at: "listener infra/gw/w", attachedRoutes: 0 },
    ],
  },
  {
    name: "sectionName or port that names no listener: NoMatchingParent",
    objects: [
      ...base(),
      route("s", { parentRefs: [{ name: "gw", namespace: GW_NS, sectionName: "nope" }] }),
      route("p", { parentRefs: [{ name: "gw", namespace: GW_NS, sectionName: "http", port: 81 }] }),
    ],
    expect: [
      { at: "route apps/s", conditions: { Accepted: "False/NoMatchingParent" }, message: { Accepted: /no listener named nope/ } },
      { at: "route apps/p", conditions: { Accepted: "False/NoMatchingParent" }, message: { Accepted: /port 81/ } },
    ],
  },
  {
    name: "a cross-namespace backend without a ReferenceGrant: RefNotPermitted",
    objects: [...base(), service("db", [{ port: 8080 }], "data"), route("r", { rules: [{ backendRefs: [to("db", { namespace: "data" })] }] })],
    expect: [
      { at: "route apps/r", conditions: { Accepted: "True/Accepted", ResolvedRefs: "False/RefNotPermitted" }, rule: { ResolvedRefs: /ReferenceGrant/ } },
    ],
  },
  {
    name: "a cross-namespace backend with a ReferenceGrant: resolves",
    objects: [
      ...base(),
      service("db", [{ port: 8080 }], "data"),
      grant("data", { kind: "HTTPRoute", namespace: NS }, { kind: "Service", name: "db" }),
      route("r", { rules: [{ backendRefs: [to("db", { namespace: "data" })] }] }),
    ],
    expect: [{ at: "route apps/r", conditions: { ResolvedRefs: "True/ResolvedRefs" } }],
  },
  {
    name: "a missing Service and an unknown kind: BackendNotFound, InvalidKind (the first one decides)",
    objects: [
      ...base(),
      route("nf", { rules: [{ backendRefs: [to("gone")] }] }),
      route("k", { rules: [{ backendRefs: [to("x", { group: "example.com", kind: "Thing" })] }] }),
    ],
    expect: [
      { at: "route apps/nf", conditions: { ResolvedRefs: "False/BackendNotFound" } },
      { at: "route apps/k", conditions: { Accepted: "True/Accepted", ResolvedRefs: "False/InvalidKind" } },
    ],
  },
  {
    name: "an unknown appProtocol: UnsupportedProtocol is a warning (implementation-specific)",
    objects: [...base(), service("odd", [{ port: 8080, appProtocol: "example.com/proto" }]), route("r", { rules: [{ backendRefs: [to("odd")] }] })],
    expect: [{ at: "route apps/r", conditions: { ResolvedRefs: "True/ResolvedRefs" }, warnings: ["UnsupportedProtocol"] }],
  },
  {
    name: "one invalid rule of two: PartiallyInvalid, the route stays Accepted; all invalid: Accepted False",
    objects: [
      ...base(),
      route("part", {
        rules: [
          { backendRefs: [to("app")] },
          {
            filters: [
              { type: "RequestRedirect", requestRedirect: { hostname: "x" } },
              { type: "URLRewrite", urlRewrite: { hostname: "y" } },
            ],
          },
        ],
      }),
      route("all", {
        rules: [
          {
            filters: [
              { type: "RequestRedirect", requestRedirect: { hostname: "x" } },
              { type: "URLRewrite", urlRewrite: { hostname: "y" } },
            ],
          },
        ],
      }),
    ],
    expect: [
      {
        at: "route apps/part",
        conditions: { Accepted: "True/Accepted", PartiallyInvalid: "True/UnsupportedValue" },
        message: { PartiallyInvalid: /^Dropped Rule/ },
      },
      { at: "route apps/all", conditions: { Accepted: "False/IncompatibleFilters" } },
      { at: "listener infra/gw/http", attachedRoutes: 1 },
    ],
  },
  {
    name: "listener kinds: an unknown kind is InvalidRouteKinds, valid kinds stay supported",
    objects: [...gwOnly([http("http", { allowedRoutes: { kinds: [{ kind: "Nope" }, { kind: "HTTPRoute" }] } })])],
    expect: [
      { at: "listener infra/gw/http", conditions: { ResolvedRefs: "False/InvalidRouteKinds", Programmed: "True/Programmed" }, supportedKinds: ["HTTPRoute"] },
    ],
  },
  {
    name: "an unsupported protocol beside a valid listener: Accepted True, ListenersNotValid",
    objects: [...gwOnly([http(), { name: "odd", port: 1111, protocol: "INVALID" }])],
    expect: [
      { at: "listener infra/gw/odd", conditions: { Accepted: "False/UnsupportedProtocol" }, supportedKinds: [] },
      { at: "gateway infra/gw", conditions: { Accepted: "True/ListenersNotValid", Programmed: "True/Programmed" } },
    ],
  },
  {
    name: "two listeners with the same port, protocol and hostname: both Conflicted (no winner)",
    objects: [...gwOnly([http("a", { hostname: "x.example.com" }), http("b", { hostname: "x.example.com" }), http("c")])],
    expect: [
      { at: "listener infra/gw/a", conditions: { Accepted: "False/HostnameConflict", Conflicted: "True/HostnameConflict" } },
      { at: "listener infra/gw/b", conditions: { Conflicted: "True/HostnameConflict" } },
      { at: "listener infra/gw/c", conditions: { Conflicted: "False/NoConflicts" } },
      { at: "gateway infra/gw", conditions: { Accepted: "True/ListenersNotValid" } },
    ],
  },
  {
    name: "no GatewayClass: nothing reconciles the Gateway, its routes get no status",
    objects: [namespace(NS), gateway("gw", [http()]), route("r", {})],
    expect: [
      {
        at: "gateway infra/gw",
        conditions: { Accepted: "Unknown/Pending", Programmed: "Unknown/Pending" },
        message: { Accepted: /GatewayClass test does not exist/ },
      },
      { at: "route apps/r", conditions: { Accepted: "Unknown/Pending" } },
    ],
  },
  {
    name: "a class named in acceptedClasses needs no GatewayClass object",
    objects: [gateway("gw", [http()])],
    opts: { acceptedClasses: ["test"] },
    expect: [{ at: "gateway infra/gw", conditions: { Accepted: "True/Accepted", Programmed: "True/Programmed" } }],
  },
  {
    name: "a rejected GatewayClass: implementation-specific Pending",
    objects: [gatewayClass("test", "False"), gateway("gw", [http()])],
    expect: [{ at: "gateway infra/gw", conditions: { Accepted: "Unknown/Pending" }, certainty: { Accepted: "implementation-specific" } }],
  },
  {
    name: "a parametersRef that is not among the objects: InvalidParameters",
    objects: [gatewayClass(), gateway("gw", [http()], { infrastructure: { parametersRef: { group: "example.com", kind: "Params", name: "p" } } })],
    expect: [{ at: "gateway infra/gw", conditions: { Accepted: "False/InvalidParameters", Programmed: "False/Invalid" } }],
  },
  {
    name: "a GRPCRoute counts in attachedRoutes too",
    objects: [
      ...base(),
      route("r", {}),
      kube({
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "GRPCRoute",
        metadata: { name: "g", namespace: NS },
        spec: { parentRefs: [{ name: "gw", namespace: GW_NS }] },
      }),
    ],
    expect: [{ at: "listener infra/gw/http", attachedRoutes: 2 }],
  },
  {
    name: "ListenerSets: not allowed by default; allowed, a conflicting listener loses to the Gateway's",
    objects: [
      gatewayClass(),
      namespace(GW_NS),
      gateway("gw", [http("gw-l", { hostname: "a.example.com" })], { allowedListeners: { namespaces: { from: "Same" } } }),
      gateway("closed", [http()]),
      listenerSet("ls", [
        { name: "dup", port: 80, protocol: "HTTP", hostname: "a.example.com" },
        { name: "own", port: 80, protocol: "HTTP", hostname: "b.example.com" },
      ]),
      listenerSet("no", [{ name: "x", port: 80, protocol: "HTTP" }], {}, "closed"),
      route("r", { parentRefs: [{ kind: "ListenerSet", name: "ls", namespace: GW_NS }] }, { namespace: GW_NS }),
    ],
    expect: [
      { at: "listenerSet infra/no", conditions: { Accepted: "False/NotAllowed", Programmed: "False/NotAllowed" } },
      { at: "listenerSet infra/ls", conditions: { Accepted: "True/ListenersNotValid", Programmed: "True/Programmed" } },
      {
        at: "listener infra/gw/infra/ls/dup",
        conditions: { Accepted: "False/HostnameConflict", Conflicted: "True/HostnameConflict", Programmed: "False/HostnameConflict" },
      },
      { at: "listener infra/gw/infra/ls/own", conditions: { Accepted: "True/Accepted" }, attachedRoutes: 1 },
      { at: "listener infra/gw/gw-l", conditions: { Accepted: "True/Accepted" }, attachedRoutes: 0 },
      { at: "route infra/r", conditions: { Accepted: "True/Accepted" }, listeners: ["own"] },
    ],
  },
];

describe("predictStatus", () => {
  for (const c of cases) {
    it(c.name, () => {
      const p = predictStatus(c.objects, c.opts);
      for (const e of c.expect) {
        const f = find(p, e.at);
        for (const [type, want] of Object.entries(e.conditions ?? {})) {
          const got = f.conditions.find((x) => x.type === type);
          expect(got && `${got.status}/${got.reason}`, `${e.at} ${type}`).toBe(want);
          expect(got?.rule, `${e.at} ${type} cites a rule`).toMatch(/\w/);
        }
        for (const [type, want] of Object.entries(e.certainty ?? {}))
          expect(f.conditions.find((x) => x.type === type)?.certainty, `${e.at} ${type}`).toBe(want);
        for (const [type, re] of Object.entries(e.message ?? {})) expect(f.conditions.find((x) => x.type === type)?.message, `${e.at} ${type}`).toMatch(re);
        for (const [type, re] of Object.entries(e.notMessage ?? {}))
          expect(f.conditions.find((x) => x.type === type)?.message, `${e.at} ${type}`).not.toMatch(re);
        for (const [type, re] of Object.entries(e.rule ?? {})) expect(f.conditions.find((x) => x.type === type)?.rule, `${e.at} ${type}`).toMatch(re);
        if (e.attachedRoutes !== undefined) expect(f.attachedRoutes, `${e.at} attachedRoutes`).toBe(e.attachedRoutes);
        if (e.listeners) expect(f.listeners, `${e.at} listeners`).toEqual(e.listeners);
        if (e.supportedKinds) expect(f.supportedKinds, `${e.at} supportedKinds`).toEqual(e.supportedKinds);
        for (const code of e.warnings ?? []) {
          const w = f.warnings.find((x) => x.code === code);
          expect(w, `${e.at} warning ${code}`).toBeDefined();
          expect(w?.certainty).toBe("implementation-specific");
        }
      }
    });
  }

  it("is JSON-serialisable: a round trip changes nothing", () => {
    const p = predictStatus([...base(), route("r", { rules: [{ backendRefs: [to("app", { port: 1 })] }] })]);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it("keeps each parentRef as written, and fills its defaults", () => {
    const p = predictStatus([...base(), route("r", { parentRefs: [{ name: "gw", namespace: GW_NS, sectionName: "http" }] })]);
    const parent = p.routes[0]?.parents[0];
    expect(parent?.parentRef).toEqual({ name: "gw", namespace: GW_NS, sectionName: "http" });
    expect(parent?.parent).toEqual({ group: "gateway.networking.k8s.io", kind: "Gateway", namespace: GW_NS, name: "gw", sectionName: "http" });
  });
});
