// Knative's ConfigMaps (their `data`) → the NetworkConfig routeToKIngress takes, parsed as the
// route reconciler's config store parses them (route/config/store.go: config-domain,
// config-network, config-features), with where each value came from, for a page to show.
import { parseConfigDomain } from "./config-domain";
import { parseConfigNetwork, type ConfigNetworkValues } from "./config-network";
import { defaultDomain, KNATIVE_DEFAULTS, resolveNetworkConfig, type ResolvedNetworkConfig } from "./network-config";

export type KnativeConfigMapName = "config-network" | "config-domain" | "config-features";

export type KnativeConfigMaps = Partial<Record<KnativeConfigMapName, Readonly<Record<string, string>>>>;

/** Where a value came from: a ConfigMap key, or Knative's built-in default. */
export interface ConfigSource {
  configMap?: KnativeConfigMapName;
  key?: string;
  /** "ConfigMap config-network key domain-template" or "Knative's default". */
  text: string;
}

export interface ConfigMapProblem {
  configMap: KnativeConfigMapName;
  /** Knative refuses the ConfigMap (the webhook rejects it; a running controller keeps its last good one). */
  message: string;
}

export interface NetworkConfigFromConfigMaps {
  config: ResolvedNetworkConfig;
  sources: Record<keyof ResolvedNetworkConfig, ConfigSource>;
  /** For each domain of config.domains, the config-domain key, or Knative's default domain. */
  domainSources: Record<string, ConfigSource>;
  /** ConfigMaps Knative rejects; their values are then Knative's defaults here. */
  errors: ConfigMapProblem[];
  /** Templates Knative accepts that Routeboard cannot evaluate (routeToKIngress will say so). */
  unsupported: string[];
}

export const DEFAULT_SOURCE: ConfigSource = { text: "Knative's default" };

function fromKey(configMap: KnativeConfigMapName, key: string): ConfigSource {
  return { configMap, key, text: `ConfigMap ${configMap} key ${key}` };
}

/**
 * NewDomainFromConfigMap, netcfg.NewConfigFromMap and NewFeaturesConfigFromMap over the given
 * `data` maps. The cluster domain is not in any ConfigMap (the controller reads resolv.conf or
 * CLUSTER_DOMAIN); pass it when it is not cluster.local.
 */
export function networkConfigFromConfigMaps(maps: KnativeConfigMaps, opts: { clusterDomain?: string } = {}): NetworkConfigFromConfigMaps {
  const errors: ConfigMapProblem[] = [];
  const network = parseConfigNetwork(maps["config-network"] ?? {});
  if (network.error !== undefined) errors.push({ configMap: "config-network", message: network.error });
  const domain = parseConfigDomain(maps["config-domain"] ?? {});
  if (domain.error !== undefined) errors.push({ configMap: "config-domain", message: domain.error });
  const tagHeader = tagHeaderBasedRouting(maps["config-features"] ?? {});

  const config = resolveNetworkConfig({
    ...network.values,
    domains: domain.domains,
    clusterDomain: opts.clusterDomain,
    tagHeaderBasedRouting: tagHeader.value,
  });
  const sources = {} as Record<keyof ResolvedNetworkConfig, ConfigSource>;
  for (const field of Object.keys(KNATIVE_DEFAULTS) as (keyof typeof KNATIVE_DEFAULTS)[]) sources[field] = DEFAULT_SOURCE;
  for (const [field, key] of Object.entries(network.keys) as [keyof ConfigNetworkValues, string][]) sources[field] = fromKey("config-network", key);
  if (opts.clusterDomain !== undefined) sources.clusterDomain = { text: "the cluster's DNS domain, as given" };
  if (tagHeader.key !== undefined) sources.tagHeaderBasedRouting = fromKey("config-features", tagHeader.key);

  const domainSources: Record<string, ConfigSource> = {};
  for (const d of Object.keys(config.domains)) domainSources[d] = Object.hasOwn(domain.domains, d) ? fromKey("config-domain", d) : DEFAULT_SOURCE;
  const listed = Object.keys(domain.domains);
  sources.domains =
    listed.length === 0
      ? { text: `Knative's default (${defaultDomain(config.clusterDomain)})` }
      : { configMap: "config-domain", text: "ConfigMap config-domain" };
  return { config, sources, domainSources, errors, unsupported: network.unsupported };
}

/** features.go asFlag("tag-header-based-routing"): Enabled, Allowed or Disabled in any case; else ignored. */
function tagHeaderBasedRouting(data: Readonly<Record<string, string>>): { value?: boolean; key?: string } {
  const key = "tag-header-based-routing";
  const raw = Object.hasOwn(data, key) ? data[key] : undefined;
  if (raw === undefined) return {};
  const v = raw.toLowerCase();
  if (v !== "enabled" && v !== "allowed" && v !== "disabled") return {};
  return { value: v === "enabled", key };
}
