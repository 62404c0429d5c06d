// A unified line diff of two YAML texts, as `diff -U3` shows it: long unchanged runs fold
// into one line so the change stays in sight. The diffing itself is the `diff` package's.
import { diffLines } from "diff";

export interface DiffLine {
  kind: "same" | "add" | "del" | "fold";
  text: string;
}

const CONTEXT = 3;

export function yamlDiffLines(before: string, after: string, { fold = true }: { fold?: boolean } = {}): DiffLine[] {
  const out: DiffLine[] = [];
  for (const part of diffLines(before, after)) {
    const ls = part.value.replace(/\n$/, "").split("\n");
    if (part.added || part.removed) {
      for (const text of ls) out.push({ kind: part.added ? "add" : "del", text });
    } else if (fold && ls.length > CONTEXT * 2 + 1) {
      const first = out.length === 0;
      if (!first) for (const text of ls.slice(0, CONTEXT)) out.push({ kind: "same", text });
      out.push({ kind: "fold", text: `… ${ls.length - (first ? CONTEXT : CONTEXT * 2)} unchanged lines …` });
      for (const text of ls.slice(-CONTEXT)) out.push({ kind: "same", text });
    } else {
      for (const text of ls) out.push({ kind: "same", text });
    }
  }
  return out;
}

export const hasChanges = (lines: readonly DiffLine[]) => lines.some((l) => l.kind === "add" || l.kind === "del");
