import { VISIBILITY_CLUSTER_LOCAL, VISIBILITY_LABEL } from "./constants";
import { renderGoTemplate } from "./go-template";
import { DEFAULT_DOMAIN_TEMPLATE, type ResolvedNetworkConfig } from "./network-config";
import type { ObjectMeta } from "../k8s/meta";
import type { IngressVisibility } from "./types";

/**
 * config-domain lookup (route/config/domain.go LookupDomainForLabels): cluster-local routes get
 * `svc.<clusterDomain>`; otherwise the most specific matching selector wins, ties by name.
 */
export function lookupDomainForLabels(labels: Record<string, string>, cfg: ResolvedNetworkConfig): string {
  if (labels[VISIBILITY_LABEL] === VISIBILITY_CLUSTER_LOCAL) return `svc.${cfg.clusterDomain}`;
  let domain = "";
  let specificity = -1;
  for (const [name, selector] of Object.entries(cfg.domains)) {
    const keys = Object.keys(selector);
    if (!keys.every((k) => labels[k] === selector[k]) || keys.length < specificity) continue;
    if (keys.length > specificity || name < domain) {
      domain = name;
      specificity = keys.length;
    }
  }
  return domain;
}

/** domains.HostnameFromTemplate: the route name, or the tag template for a tag. */
export function hostnameFromTemplate(name: string, tag: string, cfg: ResolvedNetworkConfig): string {
  if (tag === "") return name;
  return renderGoTemplate(cfg.tagTemplate, { Name: name, Tag: tag });
}

/**
 * domains.DomainNameFromTemplate. Cluster-local routes always use the default template, as
 * Knative does, so a custom template never changes in-cluster names.
 */
export function domainNameFromTemplate(meta: ObjectMeta, hostname: string, cfg: ResolvedNetworkConfig): string {
  const labels = meta.labels ?? {};
  const template = labels[VISIBILITY_LABEL] === VISIBILITY_CLUSTER_LOCAL ? DEFAULT_DOMAIN_TEMPLATE : cfg.domainTemplate;
  return renderGoTemplate(template, {
    Name: hostname,
    Namespace: meta.namespace ?? "",
    Domain: lookupDomainForLabels(labels, cfg),
    Annotations: meta.annotations ?? {},
  });
}

/** ingress.ExpandedHosts: add the short in-cluster names (`name.ns`, `name.ns.svc`), sorted. */
export function expandedHosts(hosts: readonly string[], clusterDomain: string): string[] {
  const suffixes = ["", `.${clusterDomain}`, `.svc.${clusterDomain}`];
  const out = new Set<string>();
  for (const h of hosts) {
    for (const suffix of suffixes) {
      if (suffix !== "" && !h.endsWith(suffix)) continue;
      const trimmed = h.slice(0, h.length - suffix.length);
      if (isValidTopLevelDomain(trimmed)) out.add(trimmed);
    }
  }
  return [...out].sort();
}

// A TLD that is all digits, or longer than 63, cannot be a host name.
function isValidTopLevelDomain(domain: string): boolean {
  const tld = domain.slice(domain.lastIndexOf(".") + 1);
  return tld.length <= 63 && /[^0-9]/.test(tld);
}

/**
 * The hosts of one KIngress rule (resources/ingress.go routeDomain): the route's domain for the
 * target, with the visibility label set accordingly; cluster-local hosts are expanded.
 */
export function routeDomains(
  route: { metadata: ObjectMeta },
  targetName: string,
  visibility: IngressVisibility,
  cfg: ResolvedNetworkConfig,
): string[] {
  const hostname = hostnameFromTemplate(route.metadata.name ?? "", targetName, cfg);
  const labels = { ...(route.metadata.labels ?? {}) };
  const clusterLocal = visibility === "ClusterLocal";
  if (clusterLocal) labels[VISIBILITY_LABEL] = VISIBILITY_CLUSTER_LOCAL;
  else delete labels[VISIBILITY_LABEL];
  const domain = domainNameFromTemplate({ ...route.metadata, labels }, hostname, cfg);
  return clusterLocal ? expandedHosts([domain], cfg.clusterDomain) : [domain];
}
