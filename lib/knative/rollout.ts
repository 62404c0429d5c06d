// The rollout state the route reconciler keeps in the KIngress's rollout annotation
// (knative/serving pkg/reconciler/route/traffic/rollout.go). Routeboard builds the steady state
// (BuildRollout) and can take an in-progress one (e.g. read back from the annotation); it does
// not step rollouts over time.
import type { RevisionTarget } from "./traffic-config";

/** What BuildRollout reads of a traffic.RevisionTarget (Go's nil LatestRevision = false). */
export type RolloutTarget = Pick<RevisionTarget, "revisionName" | "percent"> & Partial<Pick<RevisionTarget, "latestRevision" | "configurationName">>;

/** traffic.RevisionRollout. */
export interface RevisionRollout {
  revisionName: string;
  percent: number;
}

/** traffic.RolloutParams (nanosecond timestamps and durations; 0 is omitted from JSON). */
export interface RolloutParams {
  starttime?: number;
  nextStepTime?: number;
  stepDuration?: number;
  stepSize?: number;
}

/** traffic.ConfigurationRollout: one configuration + tag pair. */
export interface ConfigurationRollout {
  configurationName: string;
  /** "" for the default target. */
  tag: string;
  percent: number;
  /** Oldest first; more than one only while a rollout is in progress. */
  revisions: RevisionRollout[];
  stepParams?: RolloutParams;
}

/** traffic.Rollout: sorted by tag, then configuration name. */
export interface Rollout {
  configurations: ConfigurationRollout[];
}

/**
 * traffic.Config.BuildRollout: one entry per floating (latestRevision) target with traffic,
 * per tag; a 0% target (only possible in the default tag) gets none.
 */
export function buildRollout(targets: ReadonlyMap<string, readonly RolloutTarget[]>): Rollout {
  const configurations: ConfigurationRollout[] = [];
  for (const [tag, list] of targets) {
    for (const t of list) {
      if (!t.latestRevision || t.percent === 0) continue;
      configurations.push({
        configurationName: t.configurationName ?? "",
        tag,
        percent: t.percent,
        revisions: [{ revisionName: t.revisionName, percent: t.percent }],
      });
    }
  }
  return { configurations: sortRollout(configurations) };
}

/** sortRollout: by tag, and within a tag by configuration name (the keys BuildRollout makes are distinct). */
export function sortRollout(list: ConfigurationRollout[]): ConfigurationRollout[] {
  return [...list].sort((a, b) => (a.tag === b.tag ? cmp(a.configurationName, b.configurationName) : cmp(a.tag, b.tag)));
}

/**
 * Rollout.RolloutsByTag: the entries of one tag. Like Go it binary-searches, so it relies on
 * the sort order above.
 */
export function rolloutsByTag(ro: Rollout, tag: string): ConfigurationRollout[] {
  const list = ro.configurations;
  const out: ConfigurationRollout[] = [];
  for (let i = search(list.length, (j) => (list[j]?.tag ?? "") >= tag); i < list.length; i++) {
    const ro = list[i];
    if (ro?.tag !== tag) break;
    out.push(ro);
  }
  return out;
}

/**
 * resources.rolloutConfig (ingress.go): the first entry whose configuration name is not less
 * than `name`. Go does not check the name matches ("technically impossible with valid inputs"),
 * and neither does this.
 */
export function rolloutConfig(name: string, ros: readonly ConfigurationRollout[]): ConfigurationRollout | undefined {
  return ros[search(ros.length, (i) => (ros[i]?.configurationName ?? "") >= name)];
}

/** Go's sort.Search: the smallest i in [0, n) for which f is true, or n. */
function search(n: number, f: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const h = (lo + hi) >>> 1;
    if (!f(h)) lo = h + 1;
    else hi = h;
  }
  return lo;
}

/**
 * resources.serializeRollout: encoding/json of traffic.Rollout, field order and omitempty
 * kept (`tag`, `revisions` and the stepParams fields are omitempty; `stepParams` itself is not).
 */
export function serializeRollout(ro: Rollout): string {
  if (ro.configurations.length === 0) return "{}";
  return `{"configurations":[${ro.configurations.map(configJSON).join(",")}]}`;
}

function configJSON(c: ConfigurationRollout): string {
  const fields = [`"configurationName":${goString(c.configurationName)}`];
  if (c.tag !== "") fields.push(`"tag":${goString(c.tag)}`);
  fields.push(`"percent":${c.percent}`);
  if (c.revisions.length > 0)
    fields.push(`"revisions":[${c.revisions.map((r) => `{"revisionName":${goString(r.revisionName)},"percent":${r.percent}}`).join(",")}]`);
  fields.push(`"stepParams":${paramsJSON(c.stepParams ?? {})}`);
  return `{${fields.join(",")}}`;
}

function paramsJSON(p: RolloutParams): string {
  const keys = ["starttime", "nextStepTime", "stepDuration", "stepSize"] as const;
  return `{${keys
    .filter((k) => (p[k] ?? 0) !== 0)
    .map((k) => `"${k}":${p[k]}`)
    .join(",")}}`;
}

/** encoding/json string escaping: JSON.stringify plus Go's HTML-safe escapes. */
export function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The rollout annotation read back (json.Unmarshal into traffic.Rollout), as the reconciler
 * reads the KIngress's previous state; null when it is not a Rollout.
 */
export function parseRollout(annotation: string): Rollout | null {
  let v: unknown;
  try {
    v = JSON.parse(annotation);
  } catch {
    return null;
  }
  if (!isRecord(v)) return null;
  const configs = v.configurations ?? [];
  if (!Array.isArray(configs) || !configs.every(isConfigurationRollout)) return null;
  return {
    configurations: configs.map((c) => ({
      configurationName: c.configurationName ?? "",
      tag: c.tag ?? "",
      percent: c.percent ?? 0,
      revisions: (c.revisions ?? []).map((r) => ({ revisionName: r.revisionName ?? "", percent: r.percent ?? 0 })),
      ...(c.stepParams && Object.keys(c.stepParams).length > 0 ? { stepParams: { ...c.stepParams } } : {}),
    })),
  };
}

type LooseConfig = {
  configurationName?: string;
  tag?: string;
  percent?: number;
  revisions?: { revisionName?: string; percent?: number }[];
  stepParams?: RolloutParams;
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isConfigurationRollout(v: unknown): v is LooseConfig {
  if (!isRecord(v)) return false;
  const okStr = (x: unknown) => x === undefined || typeof x === "string";
  const okNum = (x: unknown) => x === undefined || (typeof x === "number" && Number.isInteger(x));
  const revs = v.revisions ?? [];
  const params = v.stepParams ?? {};
  return (
    okStr(v.configurationName) &&
    okStr(v.tag) &&
    okNum(v.percent) &&
    Array.isArray(revs) &&
    revs.every((r) => isRecord(r) && okStr(r.revisionName) && okNum(r.percent)) &&
    isRecord(params) &&
    ["starttime", "nextStepTime", "stepDuration", "stepSize"].every((k) => okNum(params[k]))
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
