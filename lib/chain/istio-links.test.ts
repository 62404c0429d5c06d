import { describe, expect, it } from "vitest";
import { nodeId } from "./builder";
import { hostCovered, serviceOfHost, splitGatewayName } from "./istio-hosts";
import { resolveChain } from "./resolve";
import { chainIstioConfig, istioChain } from "./testing/istio-chain";
import { pick, type ChainContext } from "./testing/knative-chain";

const ctx: ChainContext = { ns: "team-a", gwNs: "istio-gw", cls: "unused" };
const root = { kind: "KnativeService" as const, namespace: "team-a", name: "hello" };

describe("the chain of a Knative Service on net-istio", () => {
  it("walks KIngress → the ingress and mesh VirtualServices → Istio Gateways → their Services, and the Revision's Service", () => {
    const chain = resolveChain(istioChain(ctx), root, { istio: chainIstioConfig(ctx) });
    expect(chain.findings).toEqual([]);
    const ids = chain.edges.map((e) => `${e.source} -> ${e.target}`);
    expect(ids).toEqual(
      expect.arrayContaining([
        `${nodeId("KIngress", "team-a", "hello")} -> ${nodeId("VirtualService", "team-a", "hello-ingress")}`,
        `${nodeId("KIngress", "team-a", "hello")} -> ${nodeId("VirtualService", "team-a", "hello-mesh")}`,
        `${nodeId("VirtualService", "team-a", "hello-ingress")} -> ${nodeId("IstioGateway", "istio-gw", "knative-ingress-gateway")}`,
        `${nodeId("VirtualService", "team-a", "hello-ingress")} -> ${nodeId("IstioGateway", "istio-gw", "knative-local-gateway")}`,
        `${nodeId("IstioGateway", "istio-gw", "knative-ingress-gateway")} -> ${nodeId("GatewayService", "istio-gw", "istio-ingressgateway")}`,
        `${nodeId("VirtualService", "team-a", "hello-mesh")} -> ${nodeId("Service", "team-a", "hello-00001")}`,
      ]),
    );
    // The mesh VirtualService binds no Gateway, and says so.
    expect(chain.edges.filter((e) => e.source === nodeId("VirtualService", "team-a", "hello-mesh")).map((e) => e.target)).toEqual([
      nodeId("Service", "team-a", "hello-00001"),
    ]);
    expect(chain.nodes.find((n) => n.name === "hello-mesh")?.facts[0]).toBe("mesh (sidecars)");
    // No HTTPRoute is expected of an Istio KIngress.
    expect(chain.nodes.some((n) => n.kind === "HTTPRoute")).toBe(false);
  });

  it("without config-istio it follows the VirtualServices by label and stops at the Gateways", () => {
    const chain = resolveChain(istioChain(ctx), root);
    expect(chain.findings).toEqual([]);
    expect(chain.nodes.filter((n) => n.kind === "VirtualService").map((n) => n.name)).toEqual(["hello-ingress", "hello-mesh"]);
    expect(chain.nodes.some((n) => n.kind === "GatewayService")).toBe(false);
  });

  it("an owned VirtualService bound to other gateways than config-istio names is outdated, a warning", () => {
    const objs = istioChain(ctx);
    (pick(objs, "VirtualService", "hello-ingress").spec as { gateways: string[] }).gateways = ["istio-gw/old-gateway"];
    const chain = resolveChain(objs, root, { istio: chainIstioConfig(ctx) });
    const codes = chain.findings.map((f) => `${f.code} ${f.severity}`);
    expect(codes).toContain("VirtualServiceOutdated warning");
    expect(chain.findings.find((f) => f.code === "VirtualServiceOutdated")?.title).toMatch(
      /binds gateways istio-gw\/old-gateway \(config-istio says istio-gw\/knative-ingress-gateway, istio-gw\/knative-local-gateway\)/,
    );
    // And the Gateway it names does not exist: that is the error.
    expect(chain.firstFailing?.code).toBe("IstioGatewayMissing");
    expect(chain.firstFailing?.next).toMatch(/config-istio does not name istio-gw\/old-gateway/);
  });

  it("a KIngress net-istio failed to program names the API server's answer", () => {
    const objs = istioChain(ctx);
    pick(objs, "KIngress", "hello").status = {
      observedGeneration: 1,
      conditions: [
        { type: "LoadBalancerReady", status: "False", reason: "ReconcileVirtualServiceFailed", message: "admission webhook denied the request" },
        { type: "Ready", status: "False", reason: "ReconcileVirtualServiceFailed" },
      ],
    };
    const chain = resolveChain(objs, root, { istio: chainIstioConfig(ctx) });
    expect(chain.firstFailing?.title).toBe(
      "net-istio could not write the VirtualServices of KIngress hello (ReconcileVirtualServiceFailed: admission webhook denied the request).",
    );
  });

  it("a KIngress with no status points at net-istio, not at net-gateway-api", () => {
    const objs = istioChain(ctx);
    delete pick(objs, "KIngress", "hello").status;
    const chain = resolveChain(objs, root, { istio: chainIstioConfig(ctx) });
    expect(chain.firstFailing?.code).toBe("IngressNotConfigured");
    expect(chain.firstFailing?.next).toMatch(/net-istio/);
    expect(chain.findings.some((f) => f.code === "NoHTTPRoutes")).toBe(false);
  });
});

describe("Istio's names", () => {
  it("reads gateways and Services as Istio writes them", () => {
    expect(splitGatewayName("knative-serving/knative-ingress-gateway", "x")).toEqual({ namespace: "knative-serving", name: "knative-ingress-gateway" });
    expect(splitGatewayName("gw", "team-a")).toEqual({ namespace: "team-a", name: "gw" });
    expect(serviceOfHost("istio-ingressgateway.istio-system.svc.cluster.local")).toEqual({ namespace: "istio-system", name: "istio-ingressgateway" });
    expect(serviceOfHost("hello.team-a")).toEqual({ namespace: "team-a", name: "hello" });
    expect(serviceOfHost("api.example.com")).toBeUndefined();
  });

  it("takes a host by a server's namespace and DNS parts (Server.hosts)", () => {
    const servers = (hosts: string[]) => [{ hosts }];
    expect(hostCovered(servers(["*"]), "a.example.com", "team-a", "gw")).toBe(true);
    expect(hostCovered(servers(["*.example.com"]), "a.b.example.com", "team-a", "gw")).toBe(true);
    expect(hostCovered(servers(["*.example.com"]), "example.com", "team-a", "gw")).toBe(false);
    expect(hostCovered(servers(["team-a/*"]), "a.example.com", "team-a", "gw")).toBe(true);
    expect(hostCovered(servers(["team-b/*"]), "a.example.com", "team-a", "gw")).toBe(false);
    expect(hostCovered(servers(["./*"]), "a.example.com", "team-a", "gw")).toBe(false);
    expect(hostCovered(servers(["./*"]), "a.example.com", "gw", "gw")).toBe(true);
    expect(hostCovered(servers(["~/*"]), "a.example.com", "team-a", "gw")).toBe(false);
  });
});
