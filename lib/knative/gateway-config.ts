/** One entry of net-gateway-api's config-gateway `external-gateways` / `local-gateways`. */
export interface GatewayEntry {
  namespace: string;
  name: string;
  class?: string;
  /** The Service in front of the Gateway, when config-gateway names one. */
  service?: { namespace: string; name: string };
  /** Gateway API features the gateway supports, e.g. "HTTPRouteRequestTimeout". */
  supportedFeatures?: readonly string[];
}

export interface GatewayPluginConfig {
  externalGateways?: readonly GatewayEntry[];
  localGateways?: readonly GatewayEntry[];
}

/** Defaults of config-gateway (Istio). */
export const DEFAULT_EXTERNAL_GATEWAY: GatewayEntry = {
  namespace: "istio-system",
  name: "knative-gateway",
  class: "istio",
  service: { namespace: "istio-system", name: "istio-ingressgateway" },
};
export const DEFAULT_LOCAL_GATEWAY: GatewayEntry = {
  namespace: "istio-system",
  name: "knative-local-gateway",
  class: "istio",
  service: { namespace: "istio-system", name: "knative-local-gateway" },
};

/** The gateway a rule attaches to: the first configured entry for its visibility. */
export function gatewayFor(cfg: GatewayPluginConfig, clusterLocal: boolean): GatewayEntry {
  return clusterLocal ? (cfg.localGateways?.[0] ?? DEFAULT_LOCAL_GATEWAY) : (cfg.externalGateways?.[0] ?? DEFAULT_EXTERNAL_GATEWAY);
}
