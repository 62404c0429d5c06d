"use client";
import { diffLines } from "diff";
import { useMemo } from "react";

interface Line {
  kind: "same" | "add" | "del" | "fold";
  text: string;
}

const CONTEXT = 3;

/** Unchanged runs longer than twice the context fold into one line, as in `diff -U3`. */
function lines(before: string, after: string): Line[] {
  const out: Line[] = [];
  for (const part of diffLines(before, after)) {
    const ls = part.value.replace(/\n$/, "").split("\n");
    if (part.added || part.removed) {
      for (const text of ls) out.push({ kind: part.added ? "add" : "del", text });
    } else if (ls.length > CONTEXT * 2 + 1) {
      const first = out.length === 0;
      if (!first) for (const text of ls.slice(0, CONTEXT)) out.push({ kind: "same", text });
      out.push({ kind: "fold", text: `… ${ls.length - (first ? CONTEXT : CONTEXT * 2)} unchanged lines …` });
      for (const text of ls.slice(-CONTEXT)) out.push({ kind: "same", text });
    } else {
      for (const text of ls) out.push({ kind: "same", text });
    }
  }
  // A trailing unchanged run needs no context after it.
  while (out.length > 0 && out.at(-1)?.kind === "same" && !out.some((l) => l.kind !== "same")) out.pop();
  return out;
}

const TONE: Record<Line["kind"], string> = {
  same: "text-slate-700",
  add: "bg-emerald-50 text-emerald-900",
  del: "bg-red-50 text-red-900",
  fold: "bg-slate-100 text-slate-500 italic",
};
const SIGN: Record<Line["kind"], string> = { same: " ", add: "+", del: "-", fold: " " };

/** A unified YAML diff; the whole text when there is nothing to compare with. */
export function YamlDiff({ before, after, label }: { before: string; after: string; label: string }) {
  const ls = useMemo(() => lines(before, after), [before, after]);
  const changed = ls.some((l) => l.kind === "add" || l.kind === "del");
  return (
    <div aria-label={label} role="region" className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-white font-mono text-xs leading-5">
      {!changed && <p className="px-2 py-1 text-slate-500">No change from what is in the cluster.</p>}
      {ls.map((l, i) => (
        <div key={i} data-diff={l.kind} className={`whitespace-pre px-2 ${TONE[l.kind]}`}>
          {SIGN[l.kind]} {l.text}
        </div>
      ))}
    </div>
  );
}
