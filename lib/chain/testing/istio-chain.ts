// A complete, healthy Knative chain on net-istio: the Knative objects of knativeChain with
// net-istio's ingress class, the VirtualServices net-istio writes for the KIngress
// (kingressToVirtualServices, which reproduces it exactly), the two Istio Gateways of net-istio's
// release (in ctx.gwNs, as this chain's config-istio says) and their gateway Services.
import type { KubeObject } from "../../k8s/meta";
import { ISTIO_INGRESS_CLASS } from "../../knative/constants";
import { kingressToVirtualServices } from "../../knative/istio/kingress-to-virtualservices";
import type { IstioConfig } from "../../knative/istio/config-istio";
import type { KIngress } from "../../knative/types.generated";
import { knativeStatus, ok } from "./conditions";
import { knativeChain, pick, service, withUid, type ChainContext } from "./knative-chain";

const GATEWAY_POD_LABELS = { istio: "ingressgateway" };

/** The config-istio of the Istio test chains: net-istio's two gateways, in gwNs, served by Services there. */
export function chainIstioConfig(ctx: ChainContext): Required<IstioConfig> {
  const svc = (name: string) => `${name}.${ctx.gwNs}.svc.cluster.local`;
  return {
    ingressGateways: [{ namespace: ctx.gwNs, name: "knative-ingress-gateway", service: svc("istio-ingressgateway") }],
    localGateways: [{ namespace: ctx.gwNs, name: "knative-local-gateway", service: svc("knative-local-gateway") }],
  };
}

/** config-istio's data for chainIstioConfig (the format net-istio reads). */
export function chainIstioConfigData(ctx: ChainContext): Record<string, string> {
  const cfg = chainIstioConfig(ctx);
  const list = (gs: Required<IstioConfig>["ingressGateways"]) =>
    gs.map((g) => `- name: ${g.name}\n  namespace: ${g.namespace}\n  service: ${g.service}\n`).join("");
  return { "external-gateways": list(cfg.ingressGateways), "local-gateways": list(cfg.localGateways) };
}

/** An Istio Gateway as net-istio's release ships it: port 80 for every host, on the ingress gateway pods. */
export function istioGateway(ctx: ChainContext, name: string, hosts: string[] = ["*"]): KubeObject {
  return withUid({
    apiVersion: "networking.istio.io/v1beta1",
    kind: "Gateway",
    metadata: { name, namespace: ctx.gwNs },
    spec: { selector: GATEWAY_POD_LABELS, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts }] },
  });
}

export function istioChain(ctx: ChainContext): KubeObject[] {
  const objs = knativeChain(ctx, { ingressClass: ISTIO_INGRESS_CLASS });
  const name = ctx.name ?? "hello";
  const kingress = pick(objs, "KIngress", name);
  // net-istio's own status once the gateways answer its probe.
  kingress.status = knativeStatus(ok("NetworkConfigured", "LoadBalancerReady", "Ready"));
  const vses = kingressToVirtualServices(kingress as unknown as KIngress, chainIstioConfig(ctx)).virtualServices.map((v) =>
    withUid(v as unknown as KubeObject),
  );
  const gatewayService = (svc: string) => service(ctx.gwNs, svc, { selector: GATEWAY_POD_LABELS, ports: [{ name: "http2", port: 80, targetPort: 8080 }] });
  return [
    ...objs,
    ...vses,
    istioGateway(ctx, "knative-ingress-gateway"),
    istioGateway(ctx, "knative-local-gateway"),
    gatewayService("istio-ingressgateway"),
    gatewayService("knative-local-gateway"),
  ];
}
