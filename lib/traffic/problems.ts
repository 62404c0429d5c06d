import { validateTraffic, type TrafficError } from "../knative";
import type { DraftTarget } from "./knative-draft";
import { tagProblem, targetLabel, trafficFromDraft } from "./knative-draft";

export interface DraftProblems {
  /** Everything that blocks Apply, in plain words, for the list beside the button. */
  all: string[];
  /** Per row (by key), except tag syntax, which the tag field explains itself. */
  byKey: Map<string, string[]>;
  /** The percents do not sum to 100. */
  sum?: number;
}

/** Knative's webhook rules (lib/knative validateTraffic) on the draft, worded for the sliders page. */
export function draftProblems(draft: readonly DraftTarget[]): DraftProblems {
  const errors: TrafficError[] = validateTraffic(trafficFromDraft(draft), { inService: true });
  const all: string[] = [];
  const byKey = new Map<string, string[]>();
  let sum: number | undefined;
  for (const e of errors) {
    const row = e.index === undefined ? undefined : draft[e.index];
    if (!row) {
      const m = /sum to (-?\d+)/.exec(e.message);
      if (m) sum = Number(m[1]);
      all.push(m ? `The percents sum to ${m[1]} %; Knative needs exactly 100 %.` : e.message);
      continue;
    }
    const label = targetLabel(row);
    const syntax = e.field === "tag" ? tagProblem(row.tag) : undefined;
    all.push(`${label}: ${syntax ?? e.message}`);
    if (!syntax) byKey.set(row.key, [...(byKey.get(row.key) ?? []), e.message]);
  }
  return { all, byKey, ...(sum !== undefined ? { sum } : {}) };
}
