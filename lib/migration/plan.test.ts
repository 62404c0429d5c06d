import { describe, expect, it } from "vitest";
import { GATEWAY_API_INGRESS_CLASS, INGRESS_CLASS_ANNOTATION, ISTIO_INGRESS_CLASS } from "../knative/constants";
import type { KubeObject } from "../k8s/meta";
import { istioChain } from "../chain/testing/istio-chain";
import { chainGatewayConfig, gateway, gatewayClass, httpListener, knativeChain, pick, type ChainContext } from "../chain/testing/knative-chain";
import { planMigration } from "./plan";

const ctx: ChainContext = { ns: "team-a", gwNs: "gw", cls: "eg" };
const settings = { clusterClass: ISTIO_INGRESS_CLASS, gateway: chainGatewayConfig(ctx) };
// A cluster on net-istio that has the Gateway API ready beside it: the class and both Gateways.
const gatewayApi = (external = [httpListener("*.example.com")]) => [
  gatewayClass(ctx),
  gateway(ctx, "knative-gateway", external),
  gateway(ctx, "knative-local-gateway", [httpListener()]),
];
const planOf = (objects: KubeObject[]) => {
  const plan = planMigration(objects, settings);
  const s = plan.services.find((x) => x.name === "hello");
  if (!s) throw new Error("no plan for hello");
  return { plan, s };
};

describe("planMigration", () => {
  it("a Service on net-istio with the Gateway API ready: its VirtualServices now, the HTTPRoutes it would get, every check passing", () => {
    const { plan, s } = planOf([...istioChain(ctx), ...gatewayApi()]);
    expect(s).toMatchObject({
      layer: "istio",
      ingressClass: ISTIO_INGRESS_CLASS,
      classSource: "cluster default",
      virtualServices: ["hello-ingress", "hello-mesh"],
      httpRoutes: [],
      ready: true,
    });
    // In net-gateway-api's order: one route per KIngress rule, the cluster-local rule first.
    expect(s.predictedRoutes).toEqual([
      {
        name: "hello.team-a.svc.cluster.local",
        hostnames: ["hello.team-a", "hello.team-a.svc", "hello.team-a.svc.cluster.local"],
        gateway: "gw/knative-local-gateway",
      },
      { name: "hello.team-a.example.com", hostnames: ["hello.team-a.example.com"], gateway: "gw/knative-gateway" },
    ]);
    expect(s.checklist.map((c) => `${c.ok ? "ok" : "NO"} ${c.what}`)).toEqual([
      "ok GatewayClass eg is Accepted",
      "ok Gateway gw/knative-gateway is Programmed",
      "ok Gateway gw/knative-local-gateway is Programmed",
      "ok HTTPRoute hello.team-a.svc.cluster.local would be accepted",
      "ok HTTPRoute hello.team-a.example.com would be accepted",
    ]);
    expect(plan.summary).toEqual({ byLayer: { istio: 1, "gateway-api": 0, other: 0 }, ready: 1, blockers: [] });
  });

  it("a Gateway whose listener takes other hosts blocks the move, with the reason the implementation will give", () => {
    const { plan, s } = planOf([...istioChain(ctx), ...gatewayApi([httpListener("*.other.org")])]);
    expect(s.ready).toBe(false);
    const failing = s.checklist.filter((c) => !c.ok);
    expect(failing.map((c) => c.what)).toEqual(["HTTPRoute hello.team-a.example.com would be accepted"]);
    expect(failing[0]?.detail).toMatch(/^Accepted False \(NoMatchingListenerHostname\)/);
    expect(plan.summary.blockers).toEqual([{ what: "HTTPRoute hello.team-a.example.com would be accepted", services: 1 }]);
  });

  it("without the Gateway API installed, the first blocker is the missing Gateway", () => {
    const { s } = planOf(istioChain(ctx));
    expect(s.checklist[0]).toMatchObject({ ok: false, what: "Gateway gw/knative-gateway (config-gateway's external gateway) exists" });
  });

  it("a Service annotated for the Gateway API is on it, and says where its class comes from", () => {
    const objs = knativeChain(ctx);
    pick(objs, "KnativeService", "hello").metadata.annotations = { [INGRESS_CLASS_ANNOTATION]: GATEWAY_API_INGRESS_CLASS };
    const { plan, s } = planOf(objs);
    expect(s).toMatchObject({
      layer: "gateway-api",
      classSource: "annotation",
      httpRoutes: ["hello.team-a.example.com", "hello.team-a.svc.cluster.local"],
      virtualServices: [],
    });
    expect(s.kingressClass).toBeUndefined();
    expect(plan.summary.byLayer).toEqual({ istio: 0, "gateway-api": 1, other: 0 });
    // Just moved: the Service says Gateway API, its KIngress still net-istio's until Knative catches up.
    const moved = istioChain(ctx);
    pick(moved, "KnativeService", "hello").metadata.annotations = { [INGRESS_CLASS_ANNOTATION]: GATEWAY_API_INGRESS_CLASS };
    expect(planOf(moved).s).toMatchObject({ layer: "gateway-api", kingressClass: ISTIO_INGRESS_CLASS });
  });

  it("names what a hand-written VirtualService on the Service's hosts does that the HTTPRoutes will not", () => {
    const legacy: KubeObject = {
      apiVersion: "networking.istio.io/v1beta1",
      kind: "VirtualService",
      metadata: { name: "hello-extras", namespace: "team-a" },
      spec: {
        hosts: ["hello.team-a.example.com"],
        gateways: ["gw/knative-ingress-gateway"],
        http: [
          {
            match: [{ headers: { "x-beta": { exact: "1" } } }],
            retries: { attempts: 3, perTryTimeout: "2s" },
            timeout: "10s",
            fault: { abort: { httpStatus: 503, percentage: { value: 1 } } },
            mirror: { host: "shadow.team-a.svc.cluster.local" },
            route: [{ destination: { host: "hello-00001.team-a.svc.cluster.local" } }],
          },
        ],
      },
    };
    const unrelated: KubeObject = {
      ...legacy,
      metadata: { name: "other", namespace: "team-a" },
      spec: { hosts: ["shop.example.com"], http: [{ timeout: "1s" }] },
    };
    const { s } = planOf([...istioChain(ctx), ...gatewayApi(), legacy, unrelated]);
    expect(s.behaviour).toMatchObject([
      {
        virtualService: "team-a/hello-extras",
        hosts: ["hello.team-a.example.com"],
        lost: [
          "retries a failed request 3 times (2s each); HTTPRoutes do not retry",
          "times requests out after 10s; net-gateway-api's HTTPRoutes set no timeout (or 0s, none)",
          "aborts requests on purpose (fault.abort); the Gateway API has no fault injection",
          "mirrors traffic to shadow.team-a.svc.cluster.local; the HTTPRoutes do not (RequestMirror would have to be added by hand)",
          "routes by request headers of its own; the HTTPRoutes match only Knative's tag header",
        ],
      },
    ]);
    // What an HTTPRoute can take over is in the suggested draft; what it cannot, in its notes.
    const suggested = s.behaviour[0]?.suggestion;
    expect(suggested?.route.spec.rules).toEqual([
      {
        matches: [{ headers: [{ name: "x-beta", type: "Exact", value: "1" }] }],
        filters: [{ type: "RequestMirror", requestMirror: { backendRef: { name: "shadow", port: 80 } } }],
        backendRefs: [{ name: "hello-00001", port: 80 }],
        timeouts: { request: "10s" },
      },
    ]);
    expect(suggested?.notes).toEqual(
      expect.arrayContaining([
        "Route 1 retries 3 times: HTTPRoutes do not retry (retry is only in the Gateway API's experimental channel).",
        "Route 1 aborts requests on purpose: the Gateway API has no fault injection.",
      ]),
    );
    // net-istio's own VirtualServices are not "hand-written".
    expect(s.behaviour.map((b) => b.virtualService)).not.toContain("team-a/hello-ingress");
  });
});
