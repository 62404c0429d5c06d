// Everything Routeboard's Knative previews and the chain's expectations depend on, from the
// cluster's own ConfigMaps in knative-serving: Serving's (config-network, config-domain,
// config-features), net-gateway-api's (config-gateway) and net-istio's (config-istio). Versions: knative-v1.23 (Serving
// v0.50.0, net-gateway-api d72e55aa); see README "Which Knative the previews follow".
import type { KubeObject } from "../k8s/meta";
import { gatewayConfigFromConfigMap, type GatewayConfigReading } from "./config-gateway";
import { istioConfigFromConfigMap, type IstioConfigReading } from "./istio/config-istio";
import { networkConfigFromConfigMaps, type KnativeConfigMaps, type NetworkConfigFromConfigMaps } from "./config-maps";

export const KNATIVE_NAMESPACE = "knative-serving";
export const SETTINGS_CONFIG_MAPS = ["config-network", "config-domain", "config-features", "config-gateway", "config-istio"] as const;
export type SettingsConfigMap = (typeof SETTINGS_CONFIG_MAPS)[number];

/** How one ConfigMap was read: its data, none (Knative's defaults), or not readable (defaults assumed). */
export type ConfigMapRead = { state: "found"; data: Readonly<Record<string, string>> } | { state: "absent" } | { state: "unreadable"; reason: string };

export interface KnativeSettings {
  namespace: string;
  network: NetworkConfigFromConfigMaps;
  gateway: GatewayConfigReading;
  /** net-istio's config-istio: the Istio Gateways (and their Services) an Istio-class KIngress is programmed on. */
  istio: IstioConfigReading;
  /** How each ConfigMap was read (its data is not repeated here: only what came of it). */
  read: Record<SettingsConfigMap, { state: ConfigMapRead["state"]; reason?: string }>;
  /** In plain words: ConfigMaps not readable, rejected, or not understood; each time, what is assumed. */
  notes: string[];
}

export function knativeSettings(read: Partial<Record<SettingsConfigMap, ConfigMapRead>>, namespace = KNATIVE_NAMESPACE): KnativeSettings {
  const full = Object.fromEntries(SETTINGS_CONFIG_MAPS.map((n) => [n, read[n] ?? { state: "absent" }])) as Record<SettingsConfigMap, ConfigMapRead>;
  const dataOf = (n: SettingsConfigMap) => {
    const r = full[n];
    return r.state === "found" ? r.data : undefined;
  };
  const maps: KnativeConfigMaps = {};
  for (const n of ["config-network", "config-domain", "config-features"] as const) {
    const d = dataOf(n);
    if (d) maps[n] = d;
  }
  const network = networkConfigFromConfigMaps(maps);
  const gateway = gatewayConfigFromConfigMap(dataOf("config-gateway"));
  const istio = istioConfigFromConfigMap(dataOf("config-istio"), { systemNamespace: namespace });
  const notes: string[] = [];
  for (const n of SETTINGS_CONFIG_MAPS) {
    const r = full[n];
    if (r.state === "unreadable") notes.push(`ConfigMap ${namespace}/${n} could not be read (${r.reason}): Knative's defaults are assumed for it.`);
  }
  for (const e of network.errors)
    notes.push(
      `ConfigMap ${namespace}/${e.configMap} is refused by Knative (${e.message}): its defaults are shown, as a controller starting now would refuse it.`,
    );
  for (const p of gateway.problems) notes.push(`${p}: net-gateway-api refuses this; its built-in gateways are shown.`);
  if (istio.error) notes.push(`${istio.error}: net-istio refuses this; its built-in gateways are assumed.`);
  for (const u of network.unsupported) notes.push(`Routeboard cannot evaluate ${u}; previews that need it say so.`);
  const states = Object.fromEntries(
    SETTINGS_CONFIG_MAPS.map((n) => {
      const r = full[n];
      return [n, r.state === "unreadable" ? { state: r.state, reason: r.reason } : { state: r.state }];
    }),
  ) as KnativeSettings["read"];
  return { namespace, network, gateway, istio, read: states, notes };
}

/** The settings from objects at hand (a workspace folder, a kubectl dump): ConfigMaps in knative-serving. */
export function knativeSettingsFromObjects(objects: readonly KubeObject[], namespace = KNATIVE_NAMESPACE): KnativeSettings {
  const read: Partial<Record<SettingsConfigMap, ConfigMapRead>> = {};
  for (const o of objects) {
    if (o.kind !== "ConfigMap" || o.apiVersion !== "v1" || o.metadata.namespace !== namespace) continue;
    const name = o.metadata.name as SettingsConfigMap;
    if (!SETTINGS_CONFIG_MAPS.includes(name)) continue;
    read[name] = { state: "found", data: stringData(o.data) };
  }
  return knativeSettings(read, namespace);
}

/** A ConfigMap's data as strings (YAML may have read `true` or `5` where kubectl keeps the text). */
export function stringData(data: unknown): Record<string, string> {
  if (!data || typeof data !== "object") return {};
  return Object.fromEntries(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, typeof v === "string" ? v : String(v)]));
}
