// The troubleshooting scenarios of a Knative Service on net-istio: a healthy chain, and each
// Istio link broken the way clusters break it, with the statuses net-istio writes then.
import type { KubeObject } from "../../k8s/meta";
import { knativeStatus, ok } from "./conditions";
import { istioChain, istioGateway } from "./istio-chain";
import { drop, pick, type ChainContext } from "./knative-chain";
import type { Scenario } from "./scenarios";

const hello = () => "hello";
const inNs = (ctx: ChainContext) => ctx.ns;
const inGwNs = (ctx: ChainContext) => ctx.gwNs;

/** The KIngress while net-istio probes gateways that never answer with its hash. */
function probing(objs: KubeObject[]): void {
  pick(objs, "KIngress", "hello").status = knativeStatus([
    ...ok("NetworkConfigured"),
    { type: "LoadBalancerReady", status: "Unknown", reason: "Uninitialized", message: "Waiting for load balancer to be ready" },
    { type: "Ready", status: "Unknown", reason: "Uninitialized", message: "Waiting for load balancer to be ready" },
  ]);
}

export const ISTIO_SCENARIOS: Scenario[] = [
  {
    id: "istio-healthy",
    title: "a healthy Knative chain on net-istio",
    root: "KnativeService",
    rootName: hello,
    build: (ctx) => istioChain(ctx),
  },
  {
    id: "istio-vs-not-owned",
    title: "a hand-written VirtualService holds the name net-istio needs",
    root: "KnativeService",
    rootName: hello,
    build: (ctx) => {
      const objs = istioChain(ctx);
      const vs = pick(objs, "VirtualService", "hello-ingress");
      // Written by hand before the Service existed: no owner, no labels, its own route.
      vs.metadata = { name: "hello-ingress", namespace: ctx.ns };
      vs.spec = {
        hosts: [`hello.${ctx.ns}.example.com`],
        gateways: [`${ctx.gwNs}/knative-ingress-gateway`],
        http: [{ route: [{ destination: { host: `legacy.${ctx.ns}.svc.cluster.local` } }] }],
      };
      const message = 'There is an existing VirtualService "hello-ingress" that we do not own.';
      pick(objs, "KIngress", "hello").status = knativeStatus([
        { type: "NetworkConfigured", status: "False", reason: "NotOwned", message },
        { type: "Ready", status: "False", reason: "NotOwned", message },
      ]);
      return objs;
    },
    expect: {
      code: "VirtualServiceNotOwned",
      kind: "VirtualService",
      name: () => "hello-ingress",
      namespace: inNs,
      text: /VirtualService .*hello-ingress exists but does not belong to KIngress hello: net-istio will not overwrite it/,
    },
  },
  {
    id: "istio-gateway-hosts",
    title: "the Istio Gateway serves other hosts than the Knative domain",
    root: "KnativeService",
    rootName: hello,
    build: (ctx) => {
      const objs = istioChain(ctx).map((o) =>
        o.kind === "Gateway" && o.metadata.name === "knative-ingress-gateway" ? istioGateway(ctx, "knative-ingress-gateway", ["*.other.org"]) : o,
      );
      probing(objs);
      return objs;
    },
    expect: {
      code: "IstioGatewayHostsUncovered",
      kind: "IstioGateway",
      name: () => "knative-ingress-gateway",
      namespace: inGwNs,
      text: /has no server for hello\..*\.example\.com \(its servers take \*\.other\.org\)/,
    },
  },
  {
    id: "istio-gateway-service-missing",
    title: "the gateway Service config-istio names does not exist",
    root: "KnativeService",
    rootName: hello,
    build: (ctx) => {
      const objs = drop(istioChain(ctx), "Service", "istio-ingressgateway");
      probing(objs);
      return objs;
    },
    expect: {
      code: "GatewayServiceMissing",
      kind: "GatewayService",
      name: () => "istio-ingressgateway",
      namespace: inGwNs,
      text: /config-istio says Istio Gateway .*knative-ingress-gateway is reached through Service .*istio-ingressgateway, which does not exist/,
    },
  },
  {
    id: "istio-vs-missing",
    title: "the ingress VirtualService was deleted and net-istio is not running",
    root: "KnativeService",
    rootName: hello,
    build: (ctx) => drop(istioChain(ctx), "VirtualService", "hello-ingress"),
    expect: {
      code: "VirtualServiceMissing",
      kind: "VirtualService",
      name: () => "hello-ingress",
      namespace: inNs,
      text: /KIngress hello should have VirtualService hello-ingress \(for hello\..*example\.com.*\), which does not exist/,
    },
  },
];
