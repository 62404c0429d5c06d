// The KIngress spec the route reconciler writes (knative/serving pkg/reconciler/route/resources
// ingress.go makeIngressSpec, makeIngressRules, makeBaseIngressPath, MakeACMEIngressPath).
import {
  DEFAULT_ROUTE_HEADER,
  H2C_PORT,
  HTTP1_PORT,
  HTTP_OPTION_ANNOTATION,
  HTTP_PROTOCOL_ANNOTATION,
  HTTPS_PORT,
  NAMESPACE_HEADER,
  REVISION_HEADER,
  TAG_HEADER,
} from "./constants";
import { byteOrder, getDomainsForVisibility } from "./domains";
import type { ResolvedNetworkConfig } from "./network-config";
import { rolloutConfig, rolloutsByTag, type ConfigurationRollout, type Rollout } from "./rollout";
import type { RevisionTarget } from "./traffic-config";
import type { Route } from "./types.generated";
import type { IngressVisibility, KIngressPath, KIngressRule, KIngressSpec, KIngressSplit, KIngressTLS } from "./types";

/** A target as the ingress builder sees it; traffic.RevisionTarget with Go's zero values allowed. */
export type IngressTarget = Pick<RevisionTarget, "revisionName" | "percent"> & Partial<Omit<RevisionTarget, "revisionName" | "percent">>;

/** traffic.Config as MakeIngress reads it: targets by name ("" = default) and their visibility. */
export interface IngressTraffic {
  targets: ReadonlyMap<string, readonly IngressTarget[]>;
  /** A name without an entry is public, as in Go (`!ok || v == ExternalIP`). */
  visibility?: Readonly<Record<string, IngressVisibility>>;
}

/** netv1alpha1.HTTP01Challenge, as Certificate.status.http01Challenges lists them. */
export interface HTTP01Challenge {
  url: string;
  serviceName: string;
  serviceNamespace: string;
  servicePort: number | string;
}

/** An error makeIngressSpec returns (other than domain name errors). */
export class IngressSpecError extends Error {}

/**
 * makeIngressSpec: for each target name in sorted order (so the default target "" comes
 * first), a ClusterLocal rule and, for a public target, ExternalIP rule(s). Also returns the
 * tag → primary hosts map that MakeIngress writes as the tag-to-host annotation.
 */
export function makeIngressSpec(
  route: Route,
  traffic: IngressTraffic,
  rollout: Rollout,
  cfg: ResolvedNetworkConfig,
  opts: { tls?: readonly KIngressTLS[]; acmeChallenges?: readonly HTTP01Challenge[] } = {},
): { spec: KIngressSpec; tagToHost: Map<string, string[]> } {
  const ns = route.metadata.namespace ?? "";
  const names = [...traffic.targets.keys()].sort(byteOrder);
  const acmeByHost = acmePathsByHost(opts.acmeChallenges ?? []);
  const tagToHost = new Map<string, string[]>();
  const rules: KIngressRule[] = [];
  for (const name of names) {
    for (const visibility of visibilitiesOf(traffic.visibility, name)) {
      const domains = getDomainsForVisibility(route, name, visibility, cfg);
      const base = makeBaseIngressPath(ns, traffic.targets.get(name) ?? [], rolloutsByTag(rollout, name), cfg.systemInternalTLS);
      for (const rule of makeIngressRules(domains.expanded, visibility, base)) {
        if (cfg.tagHeaderBasedRouting) addTagHeaderRouting(rule, name, names, ns, traffic, rollout, cfg);
        mergeAcmePaths(rule, acmeByHost);
        rules.push(rule);
      }
      if (name !== "") tagToHost.set(name, [...(tagToHost.get(name) ?? []), domains.primary]);
    }
  }
  const spec: KIngressSpec = {};
  // Go's omitempty: an empty list is not written.
  if (opts.tls && opts.tls.length > 0) spec.tls = [...opts.tls];
  if (rules.length > 0) spec.rules = rules;
  const httpOption = getHTTPOption(route, cfg);
  if (httpOption !== "") spec.httpOption = httpOption;
  return { spec, tagToHost };
}

/** Every target is reachable in-cluster; a public one (or one without a visibility) also externally. */
function visibilitiesOf(visibility: IngressTraffic["visibility"], name: string): IngressVisibility[] {
  const v = visibility && Object.hasOwn(visibility, name) ? visibility[name] : undefined;
  return v === undefined || v === "ExternalIP" ? ["ClusterLocal", "ExternalIP"] : ["ClusterLocal"];
}

/**
 * makeIngressRules: one ClusterLocal rule with all the short in-cluster names, or one
 * ExternalIP rule per host (so each host can take its own ACME challenge path).
 */
export function makeIngressRules(hosts: readonly string[], visibility: IngressVisibility, base: KIngressPath): KIngressRule[] {
  const sorted = [...hosts].sort(byteOrder);
  const rule = (h: string[]): KIngressRule => ({ hosts: h, visibility, http: { paths: [copyPath(base)] } });
  return visibility === "ClusterLocal" ? [rule(sorted)] : sorted.map((h) => rule([h]));
}

// Each rule gets its own path object, as Go copies the struct; headers added later stay per rule.
function copyPath(p: KIngressPath): KIngressPath {
  return { ...p, splits: p.splits.map((s) => ({ ...s })) };
}

/**
 * makeBaseIngressPath: one split per target with traffic. A floating target whose
 * configuration is mid-rollout is split over the rollout's revisions instead.
 */
export function makeBaseIngressPath(ns: string, targets: readonly IngressTarget[], ros: readonly ConfigurationRollout[], encryption: boolean): KIngressPath {
  const splits: KIngressSplit[] = [];
  for (const t of targets) {
    if (t.percent === 0) continue;
    const cfg = t.latestRevision ? rolloutConfig(t.configurationName ?? "", ros) : undefined;
    // The public Service's port must match the activator's, so hand-off stays seamless.
    const port = encryption ? HTTPS_PORT : t.protocol === "h2c" ? H2C_PORT : HTTP1_PORT;
    const revs = cfg === undefined || cfg.revisions.length < 2 ? [{ revisionName: t.revisionName, percent: t.percent }] : cfg.revisions;
    for (const r of revs) splits.push(split(ns, r.revisionName, port, r.percent));
  }
  return { splits };
}

function split(ns: string, revision: string, port: number, percent: number): KIngressSplit {
  return {
    serviceNamespace: ns,
    serviceName: revision,
    servicePort: port,
    percent,
    appendHeaders: { [REVISION_HEADER]: revision, [NAMESPACE_HEADER]: ns },
  };
}

/**
 * config-features tag-header-based-routing: the default target's rule first routes each
 * `Knative-Serving-Tag: <tag>` request to that tag, and marks the rest as the default route;
 * a tag's own rule adds its tag header, so both ways of reaching a tag look the same.
 */
function addTagHeaderRouting(
  rule: KIngressRule,
  name: string,
  names: readonly string[],
  ns: string,
  traffic: IngressTraffic,
  rollout: Rollout,
  cfg: ResolvedNetworkConfig,
): void {
  const paths = rule.http?.paths ?? [];
  const first = paths[0];
  // MakeIngress always builds a rule with its one base path before this runs.
  if (!first) return;
  first.appendHeaders = { ...(first.appendHeaders ?? {}) };
  if (name !== "") {
    first.appendHeaders[TAG_HEADER] = name;
    return;
  }
  first.appendHeaders[DEFAULT_ROUTE_HEADER] = "true";
  const tagPaths = names
    .filter((n) => n !== "")
    .map((tag) => ({
      ...makeBaseIngressPath(ns, traffic.targets.get(tag) ?? [], rolloutsByTag(rollout, tag), cfg.systemInternalTLS),
      headers: { [TAG_HEADER]: { exact: tag } },
    }));
  paths.unshift(...tagPaths);
}

/** MakeACMEIngressPath per challenge, grouped by the challenge URL's host. */
function acmePathsByHost(challenges: readonly HTTP01Challenge[]): Map<string, KIngressPath[]> {
  const out = new Map<string, KIngressPath[]>();
  for (const c of challenges) {
    const { host, path } = splitURL(c.url);
    const p: KIngressPath = { splits: [{ serviceNamespace: c.serviceNamespace, serviceName: c.serviceName, servicePort: c.servicePort, percent: 100 }] };
    if (path !== "") p.path = path;
    out.set(host, [...(out.get(host) ?? []), p]);
  }
  return out;
}

// ACME paths go first on the ExternalIP single-host rule of their host; a challenge for a host
// without a rule is dropped, as in Go.
function mergeAcmePaths(rule: KIngressRule, byHost: ReadonlyMap<string, KIngressPath[]>): void {
  if (rule.visibility !== "ExternalIP" || rule.hosts?.length !== 1) return;
  const acme = byHost.get(rule.hosts[0] ?? "");
  if (acme) rule.http?.paths.unshift(...acme.map(copyPath));
}

/** apis.URL's Host and Path of `scheme://host/path?query#fragment`. */
function splitURL(url: string): { host: string; path: string } {
  const rest = url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, "").replace(/[?#].*$/, "");
  const slash = rest.indexOf("/");
  return slash < 0 ? { host: rest, path: "" } : { host: rest.slice(0, slash), path: rest.slice(slash) };
}

/**
 * serving networking.GetHTTPOption: the Route's own http-protocol annotation (httpOption
 * first), else config-network http-protocol; Disabled writes no httpOption.
 */
export function getHTTPOption(route: Route, cfg: ResolvedNetworkConfig): "" | "Enabled" | "Redirected" {
  const ann = route.metadata.annotations ?? {};
  const value = ann[HTTP_OPTION_ANNOTATION] ?? ann[HTTP_PROTOCOL_ANNOTATION] ?? "";
  if (value !== "") {
    const protocol = value.toLowerCase();
    if (protocol === "enabled") return "Enabled";
    if (protocol === "redirected") return "Redirected";
    throw new IngressSpecError(`incorrect http-protocol annotation: ${protocol}`);
  }
  return cfg.httpProtocol === "Disabled" ? "" : cfg.httpProtocol;
}

/** MakeIngressTLS: the TLS entry for a Route's Certificate (its secret, in the Certificate's namespace). */
export function makeIngressTLS(cert: { metadata: { namespace?: string }; spec: { secretName: string } }, hosts: readonly string[]): KIngressTLS {
  return { hosts: [...hosts], secretName: cert.spec.secretName, secretNamespace: cert.metadata.namespace ?? "" };
}
