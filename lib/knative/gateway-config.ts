import { HTTPROUTE_REQUEST_TIMEOUT_FEATURE } from "./constants";

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

/**
 * The controller's built-in gateways (config.defaultExternalGateways / defaultLocalGateways in
 * pkg/reconciler/ingress/config/gateway.go), used for a visibility whose config-gateway key is
 * absent or lists no gateway, as in the shipped ConfigMap (only `_example`). Both declare
 * HTTPRouteRequestTimeout, so their routes carry `timeouts.request: 0s`.
 */
export const DEFAULT_EXTERNAL_GATEWAY: GatewayEntry = {
  namespace: "istio-system",
  name: "knative-gateway",
  class: "istio",
  service: { namespace: "istio-system", name: "istio-ingressgateway" },
  supportedFeatures: [HTTPROUTE_REQUEST_TIMEOUT_FEATURE],
};
export const DEFAULT_LOCAL_GATEWAY: GatewayEntry = {
  namespace: "istio-system",
  name: "knative-local-gateway",
  class: "istio",
  service: { namespace: "istio-system", name: "knative-local-gateway" },
  supportedFeatures: [HTTPROUTE_REQUEST_TIMEOUT_FEATURE],
};

/**
 * GatewayPlugin.LocalGateway / ExternalGateway: the first entry for the rule's visibility, or the
 * built-in default when there is none (config.FromConfigMap refuses more than one entry).
 */
export function gatewayFor(cfg: GatewayPluginConfig, clusterLocal: boolean): GatewayEntry {
  return clusterLocal ? (cfg.localGateways?.[0] ?? DEFAULT_LOCAL_GATEWAY) : (cfg.externalGateways?.[0] ?? DEFAULT_EXTERNAL_GATEWAY);
}
