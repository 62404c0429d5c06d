import { defaultTraffic, isDNS1035Label, routeDomains, routeFromService, type KnativeService, type TrafficTarget } from "../knative";
import { VISIBILITY_CLUSTER_LOCAL, VISIBILITY_LABEL } from "../knative/constants";
import { resolveNetworkConfig, type NetworkConfig } from "../knative/network-config";
import { canonicalTarget } from "./canonical";
import { removeShare, type Share } from "./linked";

/**
 * A Knative Service's spec.traffic as the sliders edit it: one row per target, with a key
 * that stays put while rows are added, removed and re-tagged. Rows keep the target they came
 * from, so fields the sliders do not edit survive the round trip.
 */
export interface DraftTarget {
  key: string;
  /** Pinned revision; undefined for @latest. */
  revisionName?: string;
  tag: string;
  percent: number;
  locked?: boolean;
  original?: TrafficTarget;
}

/** Rows from the stored traffic (defaulted as the webhook would: empty means 100 % @latest). */
export function draftFromTraffic(traffic: readonly TrafficTarget[] | undefined): DraftTarget[] {
  return defaultTraffic(traffic, { inService: true }).map((t, i) => ({
    key: `t${i}`,
    ...(t.revisionName ? { revisionName: t.revisionName } : {}),
    tag: t.tag ?? "",
    percent: t.percent ?? 0,
    original: t,
  }));
}

/** The spec.traffic to apply. latestRevision is written explicitly, as Knative stores it. */
export function trafficFromDraft(draft: readonly DraftTarget[]): TrafficTarget[] {
  return draft.map((d) => {
    const { tag: _tag, percent: _percent, revisionName: _rev, latestRevision: _latest, ...kept } = d.original ?? {};
    const t: TrafficTarget = { ...kept };
    if (d.tag !== "") t.tag = d.tag;
    if (d.revisionName) t.revisionName = d.revisionName;
    t.latestRevision = !d.revisionName;
    t.percent = d.percent;
    return canonicalTarget(t);
  });
}

export function targetLabel(d: Pick<DraftTarget, "revisionName">): string {
  return d.revisionName ?? "@latest";
}

export function toShares(draft: readonly DraftTarget[]): Share[] {
  return draft.map((d) => ({ id: d.key, value: d.percent, locked: d.locked }));
}

export function withShares(draft: readonly DraftTarget[], shares: readonly Share[]): DraftTarget[] {
  const by = new Map(shares.map((s) => [s.id, s]));
  return draft.map((d) => {
    const s = by.get(d.key);
    return s ? { ...d, percent: s.value, locked: s.locked } : d;
  });
}

function freshKey(draft: readonly DraftTarget[], base: string): string {
  const keys = new Set(draft.map((d) => d.key));
  let i = draft.length;
  while (keys.has(`${base}-${i}`)) i++;
  return `${base}-${i}`;
}

/** A new row at 0 %: adding a target never moves traffic by itself. */
export function addTarget(draft: readonly DraftTarget[], revisionName: string | undefined): DraftTarget[] {
  return [...draft, { key: freshKey(draft, revisionName ?? "latest"), ...(revisionName ? { revisionName } : {}), tag: "", percent: 0 }];
}

/** Drop a row; its percent goes to the unlocked others in proportion, so the sum stays 100. */
export function removeTarget(draft: readonly DraftTarget[], key: string): DraftTarget[] {
  const shares = removeShare(toShares(draft), key);
  return withShares(
    draft.filter((d) => d.key !== key),
    shares,
  );
}

export function setTag(draft: readonly DraftTarget[], key: string, tag: string): DraftTarget[] {
  return draft.map((d) => (d.key === key ? { ...d, tag: tag.trim() } : d));
}

/** Why a tag cannot be used, in plain words; empty when it can (an empty tag means "no tag"). */
export function tagProblem(tag: string): string | undefined {
  if (tag === "") return undefined;
  if (tag.includes("."))
    return `"${tag}" contains a dot: a tag becomes part of a hostname (tag-name.namespace...), so it must be a DNS-1035 label: lower case letters, digits and '-', starting with a letter.`;
  const msgs = isDNS1035Label(tag);
  return msgs.length > 0 ? `"${tag}" is not a DNS-1035 label: ${msgs.join("; ")}` : undefined;
}

/**
 * The URL Knative gives a tag (status.traffic[].url): the tag template applied to the
 * Service's name, then the domain template; cluster-local Services get the full
 * svc.<cluster domain> host.
 */
export function tagUrl(ksvc: KnativeService, tag: string, network: NetworkConfig = {}): string | undefined {
  if (tag === "" || tagProblem(tag)) return undefined;
  const local = ksvc.metadata.labels?.[VISIBILITY_LABEL] === VISIBILITY_CLUSTER_LOCAL;
  let hosts: Iterable<string>;
  try {
    hosts = routeDomains(routeFromService(ksvc), tag, local ? "ClusterLocal" : "ExternalIP", resolveNetworkConfig(network));
  } catch {
    return undefined; // a template Knative would refuse too: no URL to show
  }
  const host = [...hosts].sort((a, b) => b.length - a.length)[0];
  return host ? `http://${host}` : undefined;
}
