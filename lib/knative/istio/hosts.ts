// Host sets as net-istio builds them: k8s.io/apimachinery sets.Set[string], whose sets.List is
// sorted in Go's byte order; ingress.ExpandedHosts from knative.dev/networking; and the host
// helpers of net-istio's virtual_service.go.
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { compareUTF8 } from "../go-values";

/** sets.List(sets.New(hosts...)): distinct, in Go's byte order. */
export function sortedSet(items: Iterable<string>): string[] {
  return [...new Set(items)].sort(compareUTF8);
}

/**
 * ingress.ExpandedHosts: each host, and its short forms without `.<cluster domain>` and
 * `.svc.<cluster domain>`, keeping only names whose last label is a valid top-level domain.
 */
export function expandedHosts(hosts: Iterable<string>, clusterDomain: string): string[] {
  const suffixes = ["", `.${clusterDomain}`, `.svc.${clusterDomain}`];
  const out: string[] = [];
  for (const h of sortedSet(hosts)) {
    for (const suffix of suffixes) {
      if (suffix !== "" && !h.endsWith(suffix)) continue;
      const th = suffix === "" ? h : h.slice(0, -suffix.length);
      if (isValidTopLevelDomain(th)) out.push(th);
    }
  }
  return sortedSet(out);
}

// ingress.isValidTopLevelDomain: the last label is at most 63 bytes and not all digits. Go looks
// at bytes: any byte other than '-' above '9' (letters, every byte of a non-ASCII character)
// counts as a non-digit, and the punctuation below '0' counts as a digit.
function isValidTopLevelDomain(domain: string): boolean {
  const tld = utf8ToBytes(domain.slice(domain.lastIndexOf(".") + 1));
  if (tld.length > 63) return false;
  return tld.some((c) => c === 0x2d || c > 0x39);
}

/** keepLocalHostnames: the hosts ending in `.svc.<cluster domain>`. */
export function keepLocalHostnames(hosts: Iterable<string>, clusterDomain: string): string[] {
  const suffix = `.svc.${clusterDomain}`;
  return sortedSet([...hosts].filter((h) => h.endsWith(suffix)));
}

/** hostPrefix: a cluster-local host without `.svc.<cluster domain>`, so the short names match too. */
function hostPrefix(host: string, clusterDomain: string): string {
  const suffix = `.svc.${clusterDomain}`;
  return host.endsWith(suffix) ? host.slice(0, -suffix.length) : host;
}

/**
 * getDistinctHostPrefixes: the authority prefixes of a route. Hosts are visited in byte order of
 * the full names, each turned into its prefix and kept unless a kept one is already a prefix of
 * it; the order of visiting is of the full names, not of the prefixes, so the result is not
 * always minimal, and that is what net-istio writes.
 */
export function distinctHostPrefixes(hosts: Iterable<string>, clusterDomain: string): string[] {
  const kept: string[] = [];
  for (const h of sortedSet(hosts)) {
    const p = hostPrefix(h, clusterDomain);
    if (!kept.some((e) => p.startsWith(e))) kept.push(p);
  }
  return sortedSet(kept);
}
