"use client";
import { diffLines } from "diff";
import { useMemo } from "react";

/** A line diff of two YAML texts: removed lines red, added lines green, unchanged lines grey. */
export function YamlDiff({ before, after, label, empty = "No changes." }: { before: string; after: string; label: string; empty?: string }) {
  const parts = useMemo(() => diffLines(before, after), [before, after]);
  const changed = parts.some((p) => p.added || p.removed);
  if (!changed) return <p className="text-xs text-slate-600" role="status">{empty}</p>;
  return (
    <pre aria-label={label} tabIndex={0} className="max-h-full overflow-auto rounded border border-slate-200 bg-white p-2 font-mono text-[11px] leading-snug" data-diff>
      {parts.map((p, i) =>
        p.value
          .replace(/\n$/, "")
          .split("\n")
          .map((line, j) => (
            <div
              key={`${i}-${j}`}
              className={p.added ? "bg-emerald-50 text-emerald-900" : p.removed ? "bg-red-50 text-red-900" : "text-slate-500"}
              data-diff-line={p.added ? "added" : p.removed ? "removed" : "same"}
            >
              {p.added ? "+ " : p.removed ? "- " : "  "}
              {line}
            </div>
          )),
      )}
    </pre>
  );
}
