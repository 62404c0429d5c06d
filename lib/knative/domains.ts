// The host names Knative gives a Route and its tags (knative/serving pkg/reconciler/route/domains,
// route/config/domain.go, route/visibility, knative.dev/networking pkg/ingress ExpandedHosts).
import { VISIBILITY_CLUSTER_LOCAL, VISIBILITY_LABEL } from "./constants";
import { renderGoTemplate, TemplateError } from "./go-template";
import { DEFAULT_DOMAIN_TEMPLATE, type ResolvedNetworkConfig } from "./network-config";
import { isDNS1123Label, isDNS1123Subdomain } from "../k8s/names";
import type { ObjectMeta } from "../k8s/meta";
import type { IngressVisibility } from "./types";

/**
 * domains.ErrDomainName: a template that cannot be executed, or a result that is not a fully
 * qualified domain name. A TemplateError, so callers that report template problems report it.
 */
export class DomainNameError extends TemplateError {}

/** config.Domain LookupDomainForLabels: most specific matching selector, ties by name. */
export function lookupDomainForLabels(labels: Record<string, string>, cfg: ResolvedNetworkConfig): string {
  // A cluster-local Route always lives under the cluster's own domain.
  if (labels[VISIBILITY_LABEL] === VISIBILITY_CLUSTER_LOCAL) return `svc.${cfg.clusterDomain}`;
  let domain = "";
  let specificity = -1;
  for (const [name, selector] of Object.entries(cfg.domains)) {
    const keys = Object.keys(selector);
    if (!keys.every((k) => Object.hasOwn(labels, k) && labels[k] === selector[k]) || keys.length < specificity) continue;
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
  return execute("TagTemplate", cfg.tagTemplate, { Name: name, Tag: tag });
}

/**
 * domains.DomainNameFromTemplate. A cluster-local Route always uses the default template, so
 * a custom template never changes in-cluster names; the result must be a fully qualified name.
 */
export function domainNameFromTemplate(meta: ObjectMeta, hostname: string, cfg: ResolvedNetworkConfig): string {
  const labels = meta.labels ?? {};
  const template = labels[VISIBILITY_LABEL] === VISIBILITY_CLUSTER_LOCAL ? DEFAULT_DOMAIN_TEMPLATE : cfg.domainTemplate;
  const domain = execute("DomainTemplate", template, {
    Name: hostname,
    Namespace: meta.namespace ?? "",
    Domain: lookupDomainForLabels(labels, cfg),
    Annotations: meta.annotations ?? {},
    Labels: labels,
  });
  const problem = fqdnProblem(domain);
  if (problem !== null) throw new DomainNameError(`domain name error: invalid domain name ${JSON.stringify(domain)}: ${problem}`);
  return domain;
}

function execute(which: "DomainTemplate" | "TagTemplate", template: string, values: Record<string, string | Record<string, string>>): string {
  try {
    return renderGoTemplate(template, values);
  } catch (err) {
    if (err instanceof TemplateError) throw new DomainNameError(`domain name error: error executing the ${which}: ${err.message}`);
    throw err;
  }
}

/** validation.IsFullyQualifiedDomainName (k8s.io/apimachinery), as the field error Knative wraps. */
export function fqdnProblem(name: string): string | null {
  if (name.length === 0) return "url: Required value";
  const trimmed = name.endsWith(".") ? name.slice(0, -1) : name;
  const sub = isDNS1123Subdomain(trimmed);
  if (sub.length > 0) return `url: Invalid value: ${JSON.stringify(trimmed)}: ${sub.join(",")}`;
  const labels = trimmed.split(".");
  if (labels.length < 2) return `url: Invalid value: ${JSON.stringify(trimmed)}: should be a domain with at least two segments separated by dots`;
  for (const label of labels) {
    const errs = isDNS1123Label(label);
    if (errs.length > 0) return `url: Invalid value: ${JSON.stringify(label)}: ${errs.join(",")}`;
  }
  return null;
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
  return [...out].sort(byteOrder);
}

// isValidTopLevelDomain: a TLD that is all digits, or longer than 63, cannot be a host name.
function isValidTopLevelDomain(domain: string): boolean {
  const tld = domain.slice(domain.lastIndexOf(".") + 1);
  return tld.length <= 63 && /[^0-9]/.test(tld);
}

/** domains.Domains: the primary name of a target, and the hosts of its KIngress rule(s). */
export interface Domains {
  primary: string;
  /** Sorted, as sets.List returns them. */
  expanded: string[];
}

/** The labels with the cluster-local visibility label set, or without it. */
function withVisibility(labels: Readonly<Record<string, string>> | undefined, clusterLocal: boolean): Record<string, string> {
  const others = Object.fromEntries(Object.entries(labels ?? {}).filter(([k]) => k !== VISIBILITY_LABEL));
  return clusterLocal ? { ...others, [VISIBILITY_LABEL]: VISIBILITY_CLUSTER_LOCAL } : others;
}

/**
 * domains.GetDomainsForVisibility: the target's name under the route's domain, with the
 * visibility label set (ClusterLocal) or removed (ExternalIP) first; cluster-local names are
 * expanded to their short forms.
 */
export function getDomainsForVisibility(
  route: { metadata: ObjectMeta },
  targetName: string,
  visibility: IngressVisibility,
  cfg: ResolvedNetworkConfig,
): Domains {
  const hostname = hostnameFromTemplate(route.metadata.name ?? "", targetName, cfg);
  const clusterLocal = visibility === "ClusterLocal";
  const labels = withVisibility(route.metadata.labels, clusterLocal);
  const primary = domainNameFromTemplate({ ...route.metadata, labels }, hostname, cfg);
  return { primary, expanded: clusterLocal ? expandedHosts([primary], cfg.clusterDomain) : [primary] };
}

/** The hosts of a target's KIngress rule(s) for one visibility (getDomainsForVisibility's expanded). */
export function routeDomains(route: { metadata: ObjectMeta }, targetName: string, visibility: IngressVisibility, cfg: ResolvedNetworkConfig): string[] {
  return getDomainsForVisibility(route, targetName, visibility, cfg).expanded;
}

/**
 * domains.GetAllDomainsAndTags: each target's name (default template rules as above) → the
 * target, for the Route's certificates. A name without a visibility entry is public.
 */
export function getAllDomainsAndTags(
  route: { metadata: ObjectMeta },
  names: readonly string[],
  visibility: Readonly<Record<string, IngressVisibility>>,
  cfg: ResolvedNetworkConfig,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of names) {
    const hostname = hostnameFromTemplate(route.metadata.name ?? "", name, cfg);
    const labels = withVisibility(route.metadata.labels, visibility[name] === "ClusterLocal");
    out.set(domainNameFromTemplate({ ...route.metadata, labels }, hostname, cfg), name);
  }
  return out;
}

/** domains.IsClusterLocal: the name ends in the cluster's domain. */
export function isClusterLocal(domain: string, cfg: Pick<ResolvedNetworkConfig, "clusterDomain">): boolean {
  return domain.endsWith(cfg.clusterDomain);
}

/**
 * visibility.Resolver routeVisibility: a Route whose domain is the cluster's own
 * (`svc.<clusterDomain>`, the default when config-domain names none) is cluster-local.
 */
export function routeVisibility(route: { metadata: ObjectMeta }, cfg: ResolvedNetworkConfig): IngressVisibility {
  const domain = lookupDomainForLabels(route.metadata.labels ?? {}, cfg);
  return domain === `svc.${cfg.clusterDomain}` ? "ClusterLocal" : "ExternalIP";
}

/** Go's sort.Strings order (bytes; equal to UTF-16 order for the ASCII of host names). */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
