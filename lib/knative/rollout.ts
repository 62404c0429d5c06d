import type { RevisionTarget } from "./traffic-config";

/**
 * traffic.Config.BuildRollout in steady state (no gradual rollout in progress), serialised as Go's
 * encoding/json writes it into the KIngress rollout annotation: field order and omitempty kept.
 */
export function rolloutAnnotation(targets: ReadonlyMap<string, readonly RevisionTarget[]>): string {
  const configs: { configurationName: string; tag: string; percent: number; revisionName: string }[] = [];
  for (const [tag, list] of targets) {
    for (const t of list) {
      if (!t.latestRevision) continue;
      configs.push({ configurationName: t.configurationName ?? "", tag, percent: t.percent, revisionName: t.revisionName });
    }
  }
  configs.sort((a, b) => (a.tag === b.tag ? cmp(a.configurationName, b.configurationName) : cmp(a.tag, b.tag)));
  if (configs.length === 0) return "{}";
  const parts = configs.map((c) => {
    const tag = c.tag === "" ? "" : `,"tag":${JSON.stringify(c.tag)}`;
    return `{"configurationName":${JSON.stringify(c.configurationName)}${tag},"percent":${c.percent},"revisions":[{"revisionName":${JSON.stringify(c.revisionName)},"percent":${c.percent}}]}`;
  });
  return `{"configurations":[${parts.join(",")}]}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
