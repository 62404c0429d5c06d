// The Knative configuration the route reconciler reads when it makes a KIngress: config-domain,
// config-network and config-features, as knative-v1.23 (knative.dev/serving v0.50.0, networking
// c7a7b772cac9) parses them. Defaults are Knative's own, not net-gateway-api's: a cluster that
// runs net-gateway-api sets ingress-class in config-network, and so must a caller.

/** What the route reconciler reads from Knative's ConfigMaps; every field is optional. */
export interface NetworkConfig {
  /**
   * config-domain: each domain with its label selector ({} for a default domain). When no
   * domain has an empty selector, Knative adds `svc.<clusterDomain>` as the default
   * (route/config/domain.go NewDomainFromConfigMap).
   */
  domains?: Record<string, Record<string, string>>;
  /** config-network domain-template. */
  domainTemplate?: string;
  /** config-network tag-template. */
  tagTemplate?: string;
  /** The cluster's DNS domain (knative.dev/pkg network.GetClusterDomainName). */
  clusterDomain?: string;
  /** config-network ingress-class (DefaultIngressClass); a Route annotation overrides it. */
  ingressClass?: string;
  /** config-network http-protocol. */
  httpProtocol?: HTTPProtocol;
  /** config-network default-external-scheme: the scheme of external URLs without auto-TLS. */
  defaultExternalScheme?: string;
  /** config-network system-internal-tls: splits then go to port 443 of the revisions. */
  systemInternalTLS?: boolean;
  /** config-network cluster-local-domain-tls. */
  clusterLocalDomainTLS?: boolean;
  /** config-network external-domain-tls (formerly auto-tls). */
  externalDomainTLS?: boolean;
  /** config-features tag-header-based-routing: Enabled. */
  tagHeaderBasedRouting?: boolean;
}

/** netcfg.HTTPProtocol, spelt as the KIngress spells httpOption. */
export type HTTPProtocol = "Enabled" | "Redirected" | "Disabled";

export type ResolvedNetworkConfig = Required<NetworkConfig>;

/** netcfg.DefaultDomainTemplate. */
export const DEFAULT_DOMAIN_TEMPLATE = "{{.Name}}.{{.Namespace}}.{{.Domain}}";
/** netcfg.DefaultTagTemplate. */
export const DEFAULT_TAG_TEMPLATE = "{{.Tag}}-{{.Name}}";
/** knative.dev/pkg network defaultDomainName (when neither CLUSTER_DOMAIN nor resolv.conf says). */
export const DEFAULT_CLUSTER_DOMAIN = "cluster.local";
/** netcfg.IstioIngressClassName: Knative's default ingress class, even in knative-v1.23. */
export const DEFAULT_INGRESS_CLASS = "istio.ingress.networking.knative.dev";
/**
 * route/config DefaultDomain for the default cluster domain. It is `svc.<clusterDomain>`
 * (since knative-v1.8 svc.cluster.local; before it example.com), so a Route is cluster-local
 * until config-domain names a domain.
 */
export const DEFAULT_DOMAIN = `svc.${DEFAULT_CLUSTER_DOMAIN}`;

/** netcfg defaultConfig plus features defaults, for the fields MakeIngress uses. */
export const KNATIVE_DEFAULTS: Readonly<Omit<ResolvedNetworkConfig, "domains">> = {
  domainTemplate: DEFAULT_DOMAIN_TEMPLATE,
  tagTemplate: DEFAULT_TAG_TEMPLATE,
  clusterDomain: DEFAULT_CLUSTER_DOMAIN,
  ingressClass: DEFAULT_INGRESS_CLASS,
  httpProtocol: "Enabled",
  defaultExternalScheme: "http",
  systemInternalTLS: false,
  clusterLocalDomainTLS: false,
  externalDomainTLS: false,
  tagHeaderBasedRouting: false,
};

/** The default domain Knative adds to config-domain (route/config DefaultDomain). */
export function defaultDomain(clusterDomain: string): string {
  return `svc.${clusterDomain}`;
}

/** Fill in Knative's defaults; config-domain without a default domain gets `svc.<clusterDomain>`. */
export function resolveNetworkConfig(cfg: NetworkConfig = {}): ResolvedNetworkConfig {
  const clusterDomain = cfg.clusterDomain ?? KNATIVE_DEFAULTS.clusterDomain;
  const domains = { ...(cfg.domains ?? {}) };
  if (!Object.values(domains).some((sel) => Object.keys(sel).length === 0)) domains[defaultDomain(clusterDomain)] = {};
  return {
    domains,
    domainTemplate: cfg.domainTemplate ?? KNATIVE_DEFAULTS.domainTemplate,
    tagTemplate: cfg.tagTemplate ?? KNATIVE_DEFAULTS.tagTemplate,
    clusterDomain,
    ingressClass: cfg.ingressClass ?? KNATIVE_DEFAULTS.ingressClass,
    httpProtocol: cfg.httpProtocol ?? KNATIVE_DEFAULTS.httpProtocol,
    defaultExternalScheme: cfg.defaultExternalScheme ?? KNATIVE_DEFAULTS.defaultExternalScheme,
    systemInternalTLS: cfg.systemInternalTLS ?? KNATIVE_DEFAULTS.systemInternalTLS,
    clusterLocalDomainTLS: cfg.clusterLocalDomainTLS ?? KNATIVE_DEFAULTS.clusterLocalDomainTLS,
    externalDomainTLS: cfg.externalDomainTLS ?? KNATIVE_DEFAULTS.externalDomainTLS,
    tagHeaderBasedRouting: cfg.tagHeaderBasedRouting ?? KNATIVE_DEFAULTS.tagHeaderBasedRouting,
  };
}
