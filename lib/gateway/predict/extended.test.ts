// predictStatus beyond HTTPRoutes: Extended TLS modes once the implementation's features are
// known, BackendTLSPolicy status, and the parent status of the other route kinds.
import { describe, expect, it } from "vitest";
import { backendTLSPolicy, base, configMap, gateway, gatewayClass, GW_NS, namespace, NS, otherRoute, route, secret, service, to } from "../testing/objects";
import type { Listener } from "../listeners";
import { predictStatus } from "./index";

const tls = (name: string, mode: "Terminate" | "Passthrough", hostname: string): Listener => ({
  name,
  port: 8443,
  protocol: "TLS",
  hostname,
  allowedRoutes: { namespaces: { from: "All" } },
  tls: { mode, ...(mode === "Terminate" && { certificateRefs: [{ name: "cert" }] }) },
});
const tlsGateway = (listeners: Listener[]) => [gatewayClass(), namespace(NS), namespace(GW_NS), secret("cert"), gateway("gw", listeners)];
const conds = (cs: readonly { type: string; status: string; reason: string }[]) => Object.fromEntries(cs.map((c) => [c.type, `${c.status}/${c.reason}`]));

describe("predictStatus: TLS modes and the implementation's features", () => {
  const mixed = tlsGateway([tls("term", "Terminate", "t.example"), tls("pass", "Passthrough", "p.example")]);
  const listeners = (opts: Parameters<typeof predictStatus>[1]) =>
    predictStatus(mixed, opts).gateways[0]?.listeners.map((l) => [l.name, conds(l.conditions)["Accepted"], l.warnings.map((w) => w.code)]);

  it("features unknown: accepted, with implementation-specific warnings", () => {
    expect(listeners({})).toEqual([
      ["term", "True/Accepted", ["TLSTerminate", "TLSMixedModes"]],
      ["pass", "True/Accepted", ["TLSMixedModes"]],
    ]);
  });
  it("without TLSRouteModeTerminate: the terminating listener is Accepted False UnsupportedValue", () => {
    const p = predictStatus(tlsGateway([tls("term", "Terminate", "t.example")]), { supportedFeatures: ["Gateway", "TLSRoute"] });
    expect(conds(p.gateways[0]?.listeners[0]?.conditions ?? [])).toMatchObject({
      Accepted: "False/UnsupportedValue",
      Programmed: "False/Invalid",
      Conflicted: "False/NoConflicts",
    });
  });
  it("with Terminate but not TLSRouteModeMixed: both modes on one port are ProtocolConflict", () => {
    expect(listeners({ supportedFeatures: ["TLSRoute", "TLSRouteModeTerminate"] })).toEqual([
      ["term", "False/ProtocolConflict", []],
      ["pass", "False/ProtocolConflict", []],
    ]);
    expect(listeners({ supportedFeatures: ["TLSRoute", "TLSRouteModeTerminate", "TLSRouteModeMixed"] })?.map((l) => l[1])).toEqual([
      "True/Accepted",
      "True/Accepted",
    ]);
  });
});

describe("predictStatus: BackendTLSPolicy", () => {
  const objects = [
    ...base(),
    service("tls-app", [{ port: 443 }], NS, { ports: [{ name: "https", port: 443 }] }),
    configMap("ca", NS),
    configMap("empty", NS, {}),
    route("r", { rules: [{ backendRefs: [to("tls-app", { port: 443 })] }] }),
    backendTLSPolicy("older", "tls-app", [{ name: "ca" }], { created: "2026-01-01T00:00:00Z" }),
    backendTLSPolicy("newer", "tls-app", [{ name: "ca" }], { created: "2026-01-02T00:00:00Z" }),
    backendTLSPolicy("port", "tls-app", [{ name: "missing" }], { sectionName: "https" }),
    backendTLSPolicy("kind", "app", [{ name: "x", group: "example.io", kind: "Bundle" }]),
    backendTLSPolicy("malformed", "other", [{ name: "empty" }]),
    backendTLSPolicy("no-port", "app", [{ name: "ca" }], { sectionName: "nope" }),
  ];
  const p = predictStatus(objects, { configMaps: [] });
  const of = (name: string) => p.backendTLSPolicies.find((x) => x.name === name);

  it("the oldest policy on a target wins; a sectionName is a target of its own", () => {
    expect(conds(of("older")?.conditions ?? [])).toEqual({ Accepted: "True/Accepted", ResolvedRefs: "True/ResolvedRefs" });
    expect(conds(of("newer")?.conditions ?? [])["Accepted"]).toBe("False/Conflicted");
    expect(of("older")?.ancestors).toEqual([{ namespace: GW_NS, name: "gw" }]);
    expect(of("newer")?.ancestors).toEqual([{ namespace: GW_NS, name: "gw" }]);
  });
  it("caCertificateRefs: missing or without ca.crt → InvalidCACertificateRef, another kind → InvalidKind; none valid → NoValidCACertificate", () => {
    expect(conds(of("port")?.conditions ?? [])).toEqual({ Accepted: "False/NoValidCACertificate", ResolvedRefs: "False/InvalidCACertificateRef" });
    expect(conds(of("kind")?.conditions ?? [])).toEqual({ Accepted: "False/NoValidCACertificate", ResolvedRefs: "False/InvalidKind" });
    expect(conds(of("malformed")?.conditions ?? [])["ResolvedRefs"]).toBe("False/InvalidCACertificateRef");
  });
  it("a sectionName no Service port has: TargetNotFound", () => {
    expect(conds(of("no-port")?.conditions ?? [])["Accepted"]).toBe("False/TargetNotFound");
  });
});

describe("predictStatus: the other route kinds", () => {
  const objects = [
    ...tlsGateway([tls("pass", "Passthrough", "*.example.com"), { name: "tcp", port: 9000, protocol: "TCP", allowedRoutes: { namespaces: { from: "All" } } }]),
    service("backend", [{ port: 443 }]),
    otherRoute("TLSRoute", "ok", { hostnames: ["a.example.com"], rules: [{ backendRefs: [{ name: "backend", port: 443 }] }] }),
    otherRoute("TLSRoute", "elsewhere", { hostnames: ["a.example.org"], rules: [{ backendRefs: [{ name: "backend", port: 443 }] }] }),
    otherRoute("TCPRoute", "missing", { rules: [{ backendRefs: [{ name: "gone", port: 1 }] }] }),
    otherRoute("TCPRoute", "cross", { rules: [{ backendRefs: [{ name: "db", namespace: "data", port: 1 }] }] }),
    otherRoute("UDPRoute", "no-udp", { rules: [{ backendRefs: [{ name: "backend", port: 443 }] }] }),
  ];
  const p = predictStatus(objects);
  const parent = (kind: string, name: string) => conds(p.otherRoutes.find((r) => r.kind === kind && r.name === name)?.parents[0]?.conditions ?? []);

  it("Accepted by the listener rules, ResolvedRefs by their backendRefs", () => {
    expect(parent("TLSRoute", "ok")).toEqual({ Accepted: "True/Accepted", ResolvedRefs: "True/ResolvedRefs" });
    expect(parent("TLSRoute", "elsewhere")["Accepted"]).toBe("False/NoMatchingListenerHostname");
    expect(parent("TCPRoute", "missing")).toEqual({ Accepted: "True/Accepted", ResolvedRefs: "False/BackendNotFound" });
    expect(parent("TCPRoute", "cross")["ResolvedRefs"]).toBe("False/RefNotPermitted");
    expect(parent("UDPRoute", "no-udp")["Accepted"]).toBe("False/NotAllowedByListeners");
    expect(p.gateways[0]?.listeners.map((l) => [l.name, l.attachedRoutes])).toEqual([
      ["pass", 1],
      ["tcp", 2],
    ]);
  });
});
