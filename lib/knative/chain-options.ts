import type { KnativeSettings } from "./settings";

/**
 * What the chain may expect from Knative's settings: the gateways of config-gateway, only when
 * that ConfigMap was read or known to be absent (then net-gateway-api's built-in ones apply).
 * Not readable: nothing is expected, rather than something wrong.
 */
export function chainGatewayFrom(settings: KnativeSettings | undefined) {
  if (!settings || settings.read["config-gateway"].state === "unreadable" || settings.gateway.problems.length > 0) return undefined;
  return settings.gateway.config;
}

/** The same for net-istio's config-istio: its gateways when read or absent (net-istio's defaults), else none. */
export function chainIstioFrom(settings: KnativeSettings | undefined) {
  if (!settings || settings.read["config-istio"].state === "unreadable" || settings.istio.error) return undefined;
  return settings.istio.config;
}
