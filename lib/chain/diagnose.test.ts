import { describe, expect, it } from "vitest";
import { resolveChain } from "./resolve";
import { nodeId } from "./builder";
import { SCENARIOS } from "./testing/scenarios";
import { chainGatewayConfig, type ChainContext } from "./testing/knative-chain";
import { chainIstioConfig } from "./testing/istio-chain";

const ctx: ChainContext = { ns: "team-a", gwNs: "gateways", cls: "test-class" };

describe("diagnosis: every scenario's first failing link and finding", () => {
  for (const s of SCENARIOS) {
    it(`${s.id}: ${s.title}`, () => {
      // net-istio's config-istio as the end-to-end cluster has it (Gateway API chains ignore it).
      const chain = resolveChain(s.build(ctx), { kind: s.root, namespace: ctx.ns, name: s.rootName(ctx) }, { istio: chainIstioConfig(ctx) });
      expect(chain.found).toBe(true);
      if (!s.expect) {
        expect(chain.findings).toEqual([]);
        expect(chain.health).toBe("ok");
        expect(chain.nodes.every((n) => n.health === "ok")).toBe(true);
        return;
      }
      const f = chain.firstFailing;
      expect(f?.code).toBe(s.expect.code);
      expect(f?.nodeId).toBe(nodeId(s.expect.kind, s.expect.namespace(ctx), s.expect.name(ctx)));
      expect(f?.title).toMatch(s.expect.text);
      expect(f?.next.length).toBeGreaterThan(10);
      expect(chain.health).toBe(f?.severity);
    });
  }
});

describe("links as the controllers write them", () => {
  const healthy = SCENARIOS.find((s) => s.id === "healthy");
  if (!healthy) throw new Error("no healthy scenario");

  it("walks KSvc → Configuration → Revision and Route → KIngress → HTTPRoutes → Gateways (other namespace) → GatewayClass and backends", () => {
    const chain = resolveChain(healthy.build(ctx), { kind: "KnativeService", namespace: "team-a", name: "hello" });
    const kinds = chain.nodes.map((n) => `${n.kind}:${n.name}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "KnativeService:hello",
        "Configuration:hello",
        "Revision:hello-00001",
        "Route:hello",
        "KIngress:hello",
        "HTTPRoute:hello.team-a.example.com",
        "HTTPRoute:hello.team-a.svc.cluster.local",
        "Gateway:knative-gateway",
        "Gateway:knative-local-gateway",
        "GatewayClass:test-class",
        "Service:hello-00001",
      ]),
    );
    expect(chain.nodes.find((n) => n.kind === "Revision")?.facts).toContain("100% of traffic");
    const edge = chain.edges.find((e) => e.target === nodeId("Gateway", "gateways", "knative-gateway"));
    expect(edge?.label).toBe("listener http");
  });

  it("follows ownerReferences alone (labels stripped)", () => {
    const objs = healthy.build(ctx).map((o) => ({ ...o, metadata: { ...o.metadata, labels: {} } }));
    const chain = resolveChain(objs, { kind: "KnativeService", namespace: "team-a", name: "hello" });
    expect(chain.nodes.filter((n) => n.kind === "HTTPRoute")).toHaveLength(2);
    expect(chain.nodes.some((n) => n.missing)).toBe(false);
  });

  it("follows labels alone (uids and ownerReferences stripped, as in a hand-edited dump)", () => {
    const objs = healthy.build(ctx).map((o) => ({ ...o, metadata: { ...o.metadata, uid: undefined, ownerReferences: undefined } }));
    const chain = resolveChain(objs, { kind: "KnativeService", namespace: "team-a", name: "hello" });
    expect(chain.nodes.filter((n) => n.kind === "HTTPRoute")).toHaveLength(2);
    expect(chain.health).toBe("ok");
  });

  it("does not link objects of another namespace or another service", () => {
    const a = healthy.build(ctx);
    const b = healthy.build({ ...ctx, ns: "team-b" });
    const chain = resolveChain([...a, ...b], { kind: "KnativeService", namespace: "team-a", name: "hello" });
    expect(chain.nodes.filter((n) => n.namespace === "team-b")).toEqual([]);
  });

  it("reports a root that does not exist", () => {
    const chain = resolveChain([], { kind: "HTTPRoute", namespace: "x", name: "nope" });
    expect(chain.found).toBe(false);
    expect(chain.health).toBe("error");
  });

  it("predicts a hostname mismatch where no controller has written status", () => {
    const s = SCENARIOS.find((x) => x.id === "hostname");
    const objs = s?.build(ctx) ?? [];
    for (const o of objs) if (o.kind === "HTTPRoute") delete o.status;
    const chain = resolveChain(objs, { kind: "KnativeService", namespace: "team-a", name: "hello" });
    expect(chain.firstFailing?.code).toBe("NoMatchingListenerHostname");
    expect(chain.firstFailing?.title).toMatch(/cannot attach/);
  });

  it("accepts a cross-namespace backend once a ReferenceGrant permits it", () => {
    const s = SCENARIOS.find((x) => x.id === "ref-not-permitted");
    const objs = s?.build(ctx) ?? [];
    const route = objs.find((o) => o.kind === "HTTPRoute");
    if (route) delete route.status;
    objs.push({
      apiVersion: "gateway.networking.k8s.io/v1beta1",
      kind: "ReferenceGrant",
      metadata: { name: "allow", namespace: "gateways" },
      spec: { from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "team-a" }], to: [{ group: "", kind: "Service" }] },
    });
    const chain = resolveChain(objs, { kind: "HTTPRoute", namespace: "team-a", name: "shop" });
    expect(chain.findings.map((f) => f.code)).not.toContain("RefNotPermitted");
  });

  it("keeps a failed old revision without traffic as a warning, not an outage", () => {
    const s = SCENARIOS.find((x) => x.id === "container-missing");
    const objs = (s?.build(ctx) ?? []).map((o) => (o.kind === "Revision" ? { ...o, metadata: { ...o.metadata } } : o));
    const ksvc = objs.find((o) => o.apiVersion.startsWith("serving") && o.kind === "Service");
    if (ksvc) ksvc.status = { ...(ksvc.status as object), traffic: [], latestCreatedRevisionName: "hello-00002" };
    const chain = resolveChain(objs, { kind: "KnativeService", namespace: "team-a", name: "hello" });
    expect(chain.findings.find((f) => f.code === "ContainerMissing")?.severity).toBe("warning");
  });

  it("flags an HTTPRoute over 16 rules (a dump from a cluster whose CRD let it in)", () => {
    const objs = SCENARIOS.find((x) => x.id === "healthy-route")?.build(ctx) ?? [];
    const route = objs.find((o) => o.kind === "HTTPRoute");
    const spec = route?.spec as { rules: unknown[] } | undefined;
    if (spec)
      spec.rules = Array.from({ length: 17 }, (_, i) => ({
        matches: [{ path: { type: "PathPrefix", value: `/p${i}` } }],
        backendRefs: [{ name: "shop", port: 80 }],
      }));
    const chain = resolveChain(objs, { kind: "HTTPRoute", namespace: "team-a", name: "shop" });
    expect(chain.firstFailing?.code).toBe("TooManyRules");
    expect(chain.firstFailing?.title).toMatch(/has 17 rules; the Gateway API allows at most 16/);
  });
});

describe("a rollout blocked by a failing newest Revision", () => {
  for (const id of ["rollout-blocked", "rollout-blocked-latest"]) {
    it(`${id}: the Service is serving, names what serves, and nothing is red`, () => {
      const s = SCENARIOS.find((x) => x.id === id);
      if (!s) throw new Error(id);
      const chain = resolveChain(s.build(ctx), { kind: "KnativeService", namespace: ctx.ns, name: "hello" });
      expect(chain.health).toBe("warning");
      expect(chain.nodes.find((n) => n.kind === "KnativeService")?.facts).toContain("serving hello-00001 100%");
      expect(chain.nodes.filter((n) => n.health === "error")).toEqual([]);
      expect(chain.findings.every((f) => f.severity === "warning")).toBe(true);
      expect(chain.findings.find((f) => f.code === "NotReady" && f.nodeId.startsWith("KnativeService"))?.title).toMatch(
        /is serving \(hello-00001 100%\) but not Ready: RevisionFailed/,
      );
    });
  }

  it("a failing newest Revision with no Ready one to fall back on stays an outage", () => {
    const s = SCENARIOS.find((x) => x.id === "container-missing");
    if (!s) throw new Error("container-missing");
    const chain = resolveChain(s.build(ctx), { kind: "KnativeService", namespace: ctx.ns, name: "hello" });
    expect(chain.health).toBe("error");
  });
});

describe("expectations from the cluster's config-gateway", () => {
  const healthy = SCENARIOS.find((s) => s.id === "healthy");
  if (!healthy) throw new Error("no healthy scenario");
  const root = { kind: "KnativeService" as const, namespace: ctx.ns, name: "hello" };

  it("a chain that matches config-gateway stays healthy", () => {
    const chain = resolveChain(healthy.build(ctx), root, { gateway: chainGatewayConfig(ctx) });
    expect(chain.findings).toEqual([]);
  });

  it("names an HTTPRoute net-gateway-api should have made and did not", () => {
    const objs = healthy.build(ctx).filter((o) => o.metadata.name !== "hello.team-a.example.com");
    const chain = resolveChain(objs, root, { gateway: chainGatewayConfig(ctx) });
    expect(chain.firstFailing).toMatchObject({ code: "HTTPRouteMissing", nodeId: nodeId("KIngress", "team-a", "hello") });
    expect(chain.firstFailing?.title).toMatch(/should have HTTPRoute hello\.team-a\.example\.com \(for hello\.team-a\.example\.com\), which does not exist/);
    // Without the cluster's configuration there is nothing to compare with.
    expect(resolveChain(objs, root).findings.map((f) => f.code)).not.toContain("HTTPRouteMissing");
  });

  it("warns when a route is attached elsewhere than config-gateway says", () => {
    const moved = { ...chainGatewayConfig(ctx), externalGateways: [{ namespace: "envoy", name: "public", class: "eg" }] };
    const chain = resolveChain(healthy.build(ctx), root, { gateway: moved });
    expect(chain.firstFailing).toMatchObject({
      code: "UnexpectedGateway",
      severity: "warning",
      nodeId: nodeId("HTTPRoute", "team-a", "hello.team-a.example.com"),
    });
    expect(chain.firstFailing?.title).toMatch(/attached to Gateway gateways\/knative-gateway, but config-gateway names envoy\/public/);
  });
});
