// Counting what the comparison found, per category: how many cases the suite has, how many
// were compared, how many predictions were exact, every skip with its reason and every
// mismatch with where the suite asserts it.

/** One case's verdict: exact, a mismatch (what the suite expects vs what was predicted), or not compared. */
export type Outcome =
  | { readonly kind: "exact" }
  | { readonly kind: "mismatch"; readonly expected: string; readonly predicted: string }
  | { readonly kind: "skipped"; readonly reason: string };

export const exact: Outcome = { kind: "exact" };
export const skip = (reason: string): Outcome => ({ kind: "skipped", reason });
export const mismatch = (expected: string, predicted: string): Outcome => ({ kind: "mismatch", expected, predicted });

export interface Mismatch {
  readonly test: string;
  /** "conformance/tests/file.go:line" of the assertion. */
  readonly source: string;
  readonly expected: string;
  readonly predicted: string;
}

export interface CategorySummary {
  readonly found: number;
  readonly compared: number;
  readonly exact: number;
  /** reason → number of cases. */
  readonly skipped: Readonly<Record<string, number>>;
  readonly mismatches: readonly Mismatch[];
}

export const CATEGORIES = ["conditions", "listeners", "parents", "counts", "requests"] as const;
export type Category = (typeof CATEGORIES)[number];

export class Tally {
  private readonly data = new Map<Category, { found: number; compared: number; exact: number; skipped: Map<string, number>; mismatches: Mismatch[] }>();

  add(category: Category, test: string, file: string, source: string, o: Outcome): void {
    let d = this.data.get(category);
    if (!d) this.data.set(category, (d = { found: 0, compared: 0, exact: 0, skipped: new Map(), mismatches: [] }));
    d.found++;
    if (o.kind === "skipped") {
      d.skipped.set(o.reason, (d.skipped.get(o.reason) ?? 0) + 1);
      return;
    }
    d.compared++;
    if (o.kind === "exact") d.exact++;
    // source is "file.go:line" in the file's folder: name it from the module root.
    else d.mismatches.push({ test, source: `${file.slice(0, file.lastIndexOf("/") + 1)}${source}`, expected: o.expected, predicted: o.predicted });
  }

  summary(category: Category): CategorySummary {
    const d = this.data.get(category);
    if (!d) return { found: 0, compared: 0, exact: 0, skipped: {}, mismatches: [] };
    const skipped = Object.fromEntries([...d.skipped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
    return { found: d.found, compared: d.compared, exact: d.exact, skipped, mismatches: d.mismatches };
  }
}

const pct = (n: number, of: number) => (of === 0 ? "-" : `${((100 * n) / of).toFixed(1)} %`);

/** One line per category, then each mismatch indented under it. */
export function report(tally: Tally): string {
  const lines: string[] = [];
  for (const c of CATEGORIES) {
    const s = tally.summary(c);
    const skips = Object.entries(s.skipped)
      .map(([why, n]) => `${n} ${why}`)
      .join("; ");
    lines.push(
      `${c}: found ${s.found}, compared ${s.compared}, exact ${s.exact} (${pct(s.exact, s.compared)}), skipped ${s.found - s.compared}${skips ? ` (${skips})` : ""}`,
    );
    for (const m of s.mismatches) lines.push(`  mismatch ${m.test} ${m.source}: expected ${m.expected}, predicted ${m.predicted}`);
  }
  return lines.join("\n");
}
