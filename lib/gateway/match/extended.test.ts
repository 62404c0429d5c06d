// matchRequest beyond plain HTTP routing: rule timeouts against a slow backend, frontend
// client-certificate validation, TLS listeners routing by SNI to TLSRoutes, and backends
// behind a BackendTLSPolicy.
import { describe, expect, it } from "vitest";
import type { Listener } from "../listeners";
import {
  backendTLSPolicy,
  base,
  configMap,
  gateway,
  gatewayClass,
  GW_NS,
  https,
  namespace,
  NS,
  otherRoute,
  route,
  secret,
  service,
  to,
} from "../testing/objects";
import { matchRequest } from "./index";

const GW = { namespace: GW_NS, name: "gw" };

describe("matchRequest: timeouts", () => {
  const objects = [
    ...base(),
    route("r", {
      rules: [
        { backendRefs: [to("app")], timeouts: { request: "500ms" } },
        { matches: [{ path: { value: "/off" } }], backendRefs: [to("app")], timeouts: { request: "0s", backendRequest: "1m" } },
      ],
    }),
  ];
  it("a backend slower than timeouts.request gets the client a 504; 0s disables it", () => {
    expect(matchRequest(objects, { host: "h", path: "/", gateway: GW, backendLatency: "1s" }).status).toBe(504);
    expect(matchRequest(objects, { host: "h", path: "/", gateway: GW, backendLatency: "400ms" }).status).toBe(200);
    expect(matchRequest(objects, { host: "h", path: "/off", gateway: GW, backendLatency: "30s" }).status).toBe(200);
    expect(matchRequest(objects, { host: "h", path: "/off", gateway: GW, backendLatency: "2m" }).status).toBe(504);
    expect(matchRequest(objects, { host: "h", path: "/", gateway: GW }).status).toBe(200);
  });
});

describe("matchRequest: frontend client-certificate validation", () => {
  const validated = (mode?: "AllowValidOnly" | "AllowInsecureFallback") => [
    ...base([https("https", "cert")], {
      tls: { frontend: { default: { validation: { caCertificateRefs: [{ group: "", kind: "ConfigMap", name: "ca" }], ...(mode && { mode }) } } } },
    }),
    secret("cert"),
    configMap("ca"),
    route("r", { rules: [{ backendRefs: [to("app")] }] }),
  ];
  const ask = (
    mode: "AllowValidOnly" | "AllowInsecureFallback" | undefined,
    clientCertificate: "none" | { issuer?: { namespace: string; name: string } } | undefined,
  ) =>
    matchRequest(
      validated(mode),
      { host: "h.example", path: "/", gateway: GW, sni: "h.example", ...(clientCertificate !== undefined && { clientCertificate }) },
      { secrets: [], configMaps: [] },
    );

  it("AllowValidOnly (default): no certificate or one of another CA fails the handshake", () => {
    expect(ask(undefined, "none").status).toBe(0);
    expect(ask(undefined, { issuer: { namespace: GW_NS, name: "other-ca" } }).status).toBe(0);
    expect(ask(undefined, { issuer: { namespace: GW_NS, name: "ca" } }).status).toBe(200);
  });
  it("AllowInsecureFallback lets them through; not saying which certificate assumes a valid one", () => {
    expect(ask("AllowInsecureFallback", "none").status).toBe(200);
    const r = ask(undefined, undefined);
    expect(r.status).toBe(200);
    expect(r.warnings.map((w) => w.code)).toContain("ClientCertificateAssumed");
  });
});

describe("matchRequest: TLS listeners and TLSRoutes", () => {
  const tls = (hostname?: string): Listener => ({
    name: "tls",
    port: 443,
    protocol: "TLS",
    ...(hostname && { hostname }),
    allowedRoutes: { namespaces: { from: "All" } },
    tls: { mode: "Passthrough" },
  });
  const objects = [
    gatewayClass(),
    namespace(NS),
    namespace(GW_NS),
    gateway("gw", [tls("*.example.com")]),
    service("exact", [{ port: 443 }]),
    service("wide", [{ port: 443 }]),
    otherRoute("TLSRoute", "exact", { hostnames: ["abc.example.com"], rules: [{ backendRefs: [{ name: "exact", port: 443 }] }] }),
    otherRoute("TLSRoute", "wide", { hostnames: ["*.com"], rules: [{ backendRefs: [{ name: "wide", port: 443 }] }] }),
  ];
  const to443 = (sni: string | undefined) => matchRequest(objects, { host: sni ?? "x", path: "/", gateway: GW, port: 443, ...(sni && { sni }) });

  it("the SNI picks the most specific TLSRoute hostname (a wider one narrowed to the listener's)", () => {
    expect(to443("abc.example.com").backends.map((b) => b.name)).toEqual(["exact"]);
    expect(to443("other.example.com").backends.map((b) => b.name)).toEqual(["wide"]);
    expect(to443("other.example.com").route).toEqual({ namespace: NS, name: "wide" });
  });
  it("an SNI no listener or route takes, or none at all: the connection is rejected", () => {
    expect(to443("abc.example.org").status).toBe(0);
    expect(to443(undefined).status).toBe(0);
  });
});

describe("matchRequest: BackendTLSPolicy", () => {
  const objects = [
    ...base(),
    service("good", [{ port: 443 }]),
    service("bad", [{ port: 443 }]),
    configMap("ca", NS),
    route("r", {
      rules: [
        { matches: [{ path: { value: "/good" } }], backendRefs: [to("good", { port: 443 })] },
        { matches: [{ path: { value: "/bad" } }], backendRefs: [to("bad", { port: 443 })] },
      ],
    }),
    backendTLSPolicy("good", "good", [{ name: "ca" }]),
    backendTLSPolicy("bad", "bad", [{ name: "missing" }]),
  ];
  it("an invalid caCertificateRef fails the connections (5xx); a valid policy assumes the backend's certificate passes", () => {
    const bad = matchRequest(objects, { host: "h", path: "/bad", gateway: GW }, { configMaps: [] });
    expect(bad.status).toBe(500);
    expect(bad.backends[0]?.reason).toBe("InvalidCACertificateRef");
    const good = matchRequest(objects, { host: "h", path: "/good", gateway: GW }, { configMaps: [] });
    expect(good.status).toBe(200);
    expect(good.warnings.map((w) => w.code)).toContain("BackendCertificateAssumed");
  });
});
