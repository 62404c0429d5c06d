// net-gateway-api's config-gateway ConfigMap (knative-serving): which Gateway external and
// cluster-local routes attach to, and what each supports. Mirrors config.FromConfigMap and
// parseGatewayConfig in pkg/reconciler/ingress/config/gateway.go (net-gateway-api knative-v1.23).
import { parse } from "yaml";
import { DEFAULT_EXTERNAL_GATEWAY, DEFAULT_LOCAL_GATEWAY, type GatewayEntry, type GatewayPluginConfig } from "./gateway-config";

export const CONFIG_GATEWAY = "config-gateway";

export interface GatewayConfigReading {
  config: GatewayPluginConfig;
  /** Per visibility: the ConfigMap key the gateway came from, or undefined for the controller's built-in default. */
  from: { external?: string; local?: string };
  /** Why the ConfigMap is not usable as it is (the controller refuses it too); defaults are shown then. */
  problems: string[];
}

interface Entry {
  gateway?: unknown;
  service?: unknown;
  class?: unknown;
  "supported-features"?: unknown;
}

/** configmap.AsNamespacedName: exactly "namespace/name". */
function namespacedName(v: unknown, what: string): { namespace: string; name: string } {
  const parts = typeof v === "string" ? v.split("/") : [];
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new Error(`${what} ${JSON.stringify(v ?? "")} is not a namespace/name`);
  return { namespace: parts[0], name: parts[1] };
}

function parseEntries(key: string, data: string): GatewayEntry[] {
  const raw: unknown = parse(data, { version: "1.1" });
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) throw new Error(`${key} must be a YAML list of gateways`);
  return (raw as Entry[]).map((e, i) => {
    const gw = namespacedName(e.gateway, `${key}[${i}].gateway`);
    const cls = typeof e.class === "string" ? e.class.trim() : "";
    if (!cls) throw new Error(`entry [${i}] field "class" is required`);
    const features = Array.isArray(e["supported-features"]) ? e["supported-features"].filter((f): f is string => typeof f === "string") : [];
    return {
      ...gw,
      class: cls,
      ...(e.service !== undefined && e.service !== null && { service: namespacedName(e.service, `${key}[${i}].service`) }),
      supportedFeatures: features,
    };
  });
}

/** The gateways in effect for `data` (the ConfigMap's data, or undefined when there is none). */
export function gatewayConfigFromConfigMap(data: Readonly<Record<string, string>> | undefined): GatewayConfigReading {
  const problems: string[] = [];
  const read = (key: "external-gateways" | "local-gateways", fallback: GatewayEntry): { entry: GatewayEntry; from?: string } => {
    const text = data?.[key];
    if (text === undefined) return { entry: fallback };
    try {
      const entries = parseEntries(key, text);
      if (entries.length === 0) return { entry: fallback };
      if (entries.length > 1) throw new Error(`only a single ${key === "external-gateways" ? "external" : "local"} gateway is supported`);
      const [entry] = entries;
      if (!entry) return { entry: fallback };
      return { entry, from: `${CONFIG_GATEWAY} ${key}` };
    } catch (err) {
      problems.push(`${CONFIG_GATEWAY} ${key}: ${err instanceof Error ? err.message : String(err)}`);
      return { entry: fallback };
    }
  };
  const ext = read("external-gateways", DEFAULT_EXTERNAL_GATEWAY);
  const loc = read("local-gateways", DEFAULT_LOCAL_GATEWAY);
  return {
    config: { externalGateways: [ext.entry], localGateways: [loc.entry] },
    from: { ...(ext.from && { external: ext.from }), ...(loc.from && { local: loc.from }) },
    problems,
  };
}
