import { CONFIGURATION_LABEL, SERVICE_LABEL } from "./constants";
import { defaultTraffic } from "./traffic-defaults";
import type { Configuration, Revision, Route } from "./types.generated";
import type { TrafficTarget } from "./types";

/** A traffic target resolved to a Revision (traffic.RevisionTarget). */
export interface RevisionTarget {
  tag?: string;
  revisionName: string;
  configurationName?: string;
  latestRevision: boolean;
  percent: number;
  protocol: "http1" | "h2c";
}

/** Why Knative cannot route a Route's traffic yet; the Route's AllTrafficAssigned condition. */
export interface TrafficProblem {
  reason: "RevisionMissing" | "ConfigurationMissing" | "RevisionNotOwned";
  kind: "Revision" | "Configuration";
  name: string;
  message: string;
  /** A true failure (missing, or failed to become ready) rather than "not ready yet". */
  isFailure: boolean;
}

export interface TrafficConfig {
  /** Targets grouped by tag; "" is the default target and holds every target. Sorted by name. */
  targets: Map<string, RevisionTarget[]>;
  /** The problem Knative would report; when set, targets is empty, as in Knative. */
  problem: TrafficProblem | null;
}

/** The objects Knative's listers would return, to resolve the Route's targets. */
export interface TrafficResolution {
  configurations?: readonly Configuration[];
  revisions?: readonly Revision[];
}

class TargetFailure {
  constructor(readonly problem: TrafficProblem) {}
}

/**
 * traffic.BuildTrafficConfiguration: resolve each target of route.spec.traffic (defaulted first,
 * as the API server stores it) to a Revision, group by tag, and merge duplicates. A target that
 * cannot be resolved does not stop the others from being checked, but empties the result.
 */
export function buildTrafficConfig(route: Route, resolution: TrafficResolution): TrafficConfig {
  const configs = new Map((resolution.configurations ?? []).map((c) => [c.metadata.name ?? "", c]));
  const revs = new Map((resolution.revisions ?? []).map((r) => [r.metadata.name ?? "", r]));
  const groups = new Map<string, RevisionTarget[]>();
  let problem: TrafficProblem | null = null;

  const routeService = route.metadata.labels?.[SERVICE_LABEL] ?? "";
  for (const tt of defaultTraffic(route.spec?.traffic, { inService: false })) {
    let target: RevisionTarget | null;
    try {
      target = resolve(tt, configs, revs, routeService);
    } catch (err) {
      if (!(err instanceof TargetFailure)) throw err;
      // A failure replaces an earlier "not ready"; otherwise the first problem is kept.
      if (problem === null || err.problem.isFailure) problem = err.problem;
      continue;
    }
    if (target === null) continue;
    append(groups, "", target);
    if (target.tag) append(groups, target.tag, target);
  }
  if (problem !== null) return { targets: new Map(), problem };
  const names = [...groups.keys()].sort();
  return { targets: new Map(names.map((n) => [n, consolidate(groups.get(n) ?? [])])), problem: null };
}

function resolve(tt: TrafficTarget, configs: Map<string, Configuration>, revs: Map<string, Revision>, routeService: string): RevisionTarget | null {
  const base = { tag: tt.tag, latestRevision: tt.latestRevision ?? false, percent: tt.percent ?? 0 };
  if (tt.revisionName) {
    const rev = getRevision(revs, tt.revisionName);
    // addRevisionTarget: a Service's Route may only route to that Service's Revisions (knative-v1.21+).
    const revService = rev.metadata.labels?.[SERVICE_LABEL] ?? "";
    if (routeService !== "" && revService !== routeService) throw new TargetFailure(notOwned(tt.revisionName, routeService, revService));
    assertReady(rev);
    const configName = rev.metadata.labels?.[CONFIGURATION_LABEL];
    if (configName !== undefined) getConfiguration(configs, configName);
    return { ...base, revisionName: tt.revisionName, configurationName: configName ?? tt.configurationName, protocol: protocolOf(rev) };
  }
  if (tt.configurationName) {
    const config = getConfiguration(configs, tt.configurationName);
    const latest = config.status?.latestReadyRevisionName ?? "";
    if (latest === "") throw new TargetFailure(unready("Configuration", tt.configurationName, readyStatus(config.status?.conditions) === "False"));
    const rev = getRevision(revs, latest);
    assertReady(rev);
    return { ...base, revisionName: latest, configurationName: tt.configurationName, protocol: protocolOf(rev) };
  }
  return null;
}

/** Revision.IsReady: Ready=True for the generation it has observed; else errUnreadyRevision. */
function assertReady(rev: Revision): void {
  const ready = readyStatus(rev.status?.conditions);
  const observed = (rev.status?.observedGeneration ?? 0) === (rev.metadata.generation ?? 0);
  if (ready !== "True" || !observed) throw new TargetFailure(unready("Revision", rev.metadata.name ?? "", ready === "False"));
}

function getRevision(revs: Map<string, Revision>, name: string): Revision {
  const rev = revs.get(name);
  if (rev === undefined) throw new TargetFailure(missing("Revision", name));
  return rev;
}

function getConfiguration(configs: Map<string, Configuration>, name: string): Configuration {
  const config = configs.get(name);
  if (config === undefined) throw new TargetFailure(missing("Configuration", name));
  return config;
}

function missing(kind: "Revision" | "Configuration", name: string): TrafficProblem {
  return {
    reason: kind === "Revision" ? "RevisionMissing" : "ConfigurationMissing",
    kind,
    name,
    isFailure: true,
    message: `${kind} ${JSON.stringify(name)} referenced in traffic not found.`,
  };
}

// Route status wording (route_lifecycle.go MarkConfigurationNotReady / MarkRevisionFailed ...).
function unready(kind: "Revision" | "Configuration", name: string, failed: boolean): TrafficProblem {
  const q = JSON.stringify(name);
  const message =
    kind === "Revision"
      ? failed
        ? `Revision ${q} failed to become ready.`
        : `Revision ${q} is not yet ready.`
      : failed
        ? `Configuration ${q} does not have any ready Revision.`
        : `Configuration ${q} is waiting for a Revision to become ready.`;
  return { reason: "RevisionMissing", kind, name, isFailure: failed, message };
}

// route_lifecycle.go MarkRevisionNotOwned.
function notOwned(name: string, expected: string, actual: string): TrafficProblem {
  const message =
    actual === ""
      ? `Revision ${JSON.stringify(name)} does not belong to Service ${JSON.stringify(expected)}.`
      : `Revision ${JSON.stringify(name)} belongs to Service ${JSON.stringify(actual)}, not Service ${JSON.stringify(expected)}.`;
  return { reason: "RevisionNotOwned", kind: "Revision", name, isFailure: true, message };
}

function readyStatus(conditions: readonly { type: string; status: string }[] | undefined): string {
  return conditions?.find((c) => c.type === "Ready")?.status ?? "Unknown";
}

/** Revision.GetProtocol: h2c when the serving container's first port is named "h2c". */
export function protocolOf(rev: Revision): "http1" | "h2c" {
  const containers = rev.spec?.containers ?? [];
  const serving = containers.find((c) => (c.ports ?? []).length > 0) ?? containers[0];
  return serving?.ports?.[0]?.name === "h2c" ? "h2c" : "http1";
}

function append(groups: Map<string, RevisionTarget[]>, name: string, t: RevisionTarget): void {
  const list = groups.get(name);
  if (list) list.push(t);
  else groups.set(name, [t]);
}

/** traffic.consolidate: one entry per revision, percents summed; a lone target gets 100%. */
function consolidate(targets: readonly RevisionTarget[]): RevisionTarget[] {
  const byName = new Map<string, RevisionTarget>();
  for (const t of targets) {
    const cur = byName.get(t.revisionName);
    byName.set(t.revisionName, cur ? { ...cur, percent: cur.percent + t.percent } : { ...t });
  }
  const out = [...byName.values()];
  const [only] = out;
  if (out.length === 1 && only) out[0] = { ...only, percent: 100 };
  return out;
}
