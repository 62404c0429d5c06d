
/** The parts of Knative's config-domain and config-network that decide hostnames. */
export interface NetworkConfig {
  /**
   * config-domain: each domain with its label selector ({} for the default domain). When no
   * domain has an empty selector, Knative adds DEFAULT_DOMAIN as the default.
   */
  domains?: Record<string, Record<string, string>>;
  /** config-network domain-template. */
  domainTemplate?: string;
  /** config-network tag-template. */
  tagTemplate?: string;
  /** The cluster's DNS domain. */
  clusterDomain?: string;
}

export const DEFAULT_DOMAIN_TEMPLATE = "{{.Name}}.{{.Namespace}}.{{.Domain}}";
export const DEFAULT_TAG_TEMPLATE = "{{.Tag}}-{{.Name}}";
export const DEFAULT_CLUSTER_DOMAIN = "cluster.local";
/** Default domain of recent Knative releases when config-domain names none (older ones used example.com). */
export const DEFAULT_DOMAIN = "svc.cluster.local";

export interface ResolvedNetworkConfig {
  domains: Record<string, Record<string, string>>;
  domainTemplate: string;
  tagTemplate: string;
  clusterDomain: string;
}

export function resolveNetworkConfig(cfg: NetworkConfig = {}): ResolvedNetworkConfig {
  const domains = { ...(cfg.domains ?? {}) };
  if (!Object.values(domains).some((sel) => Object.keys(sel).length === 0)) domains[DEFAULT_DOMAIN] = {};
  return {
    domains,
    domainTemplate: cfg.domainTemplate ?? DEFAULT_DOMAIN_TEMPLATE,
    tagTemplate: cfg.tagTemplate ?? DEFAULT_TAG_TEMPLATE,
    clusterDomain: cfg.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN,
  };
}

