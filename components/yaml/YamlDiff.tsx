"use client";
import { useMemo } from "react";
import { hasChanges, yamlDiffLines, type DiffLine } from "@/lib/yaml";

const TONE: Record<DiffLine["kind"], string> = {
  same: "text-slate-600",
  add: "bg-emerald-50 text-emerald-900",
  del: "bg-red-50 text-red-900",
  fold: "bg-slate-100 text-slate-500 italic",
};
const SIGN: Record<DiffLine["kind"], string> = { same: " ", add: "+", del: "-", fold: " " };
/** The older attribute names, which the end-to-end specs and the canvas's callers read. */
const LINE: Record<DiffLine["kind"], string> = { same: "same", add: "added", del: "removed", fold: "fold" };

/**
 * A unified YAML diff, the one every page shows: removed lines red, added green, long unchanged
 * runs folded (`fold`), and `empty` in words when the texts are the same.
 */
export function YamlDiff({
  before,
  after,
  label,
  empty = "No changes.",
  fold = true,
}: {
  before: string;
  after: string;
  label: string;
  empty?: string;
  fold?: boolean;
}) {
  const ls = useMemo(() => yamlDiffLines(before, after, { fold }), [before, after, fold]);
  if (!hasChanges(ls))
    return (
      <p className="text-xs text-slate-600" role="status">
        {empty}
      </p>
    );
  return (
    <div
      aria-label={label}
      role="region"
      tabIndex={0}
      className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-white py-1 font-mono text-[11px] leading-snug"
      data-diff-view
    >
      {ls.map((l, i) => (
        <div key={i} data-diff={l.kind} data-diff-line={LINE[l.kind]} className={`whitespace-pre px-2 ${TONE[l.kind]}`}>
          {SIGN[l.kind]} {l.text}
        </div>
      ))}
    </div>
  );
}
