"use client";
import { ConditionBadge } from "@/components/ui/ConditionBadge";
import { formatAge, type RevisionRow } from "@/lib/traffic";

/** The Service's revisions, to pick one as a new traffic target. */
export function RevisionTable({
  rows,
  inDraft,
  onAdd,
  now,
  disabled,
}: {
  rows: RevisionRow[];
  inDraft: ReadonlySet<string>;
  onAdd: (name: string) => void;
  now: number;
  disabled?: boolean;
}) {
  return (
    <table className="w-full text-sm" aria-label="Revisions">
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th className="py-1 font-medium">Revision</th>
          <th className="font-medium">Ready</th>
          <th className="px-2 font-medium">Age</th>
          <th className="font-medium">Image</th>
          <th className="text-right font-medium">Traffic now</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name} data-revision={r.name} className="border-t border-slate-100">
            <td className="py-1.5 font-mono">{r.name}</td>
            <td>
              <ConditionBadge type="Ready" c={r.ready} pending={!r.ready} />
            </td>
            <td className="px-2 text-slate-600" title={r.created}>
              {formatAge(r.created, now)}
            </td>
            <td className="max-w-[16rem] truncate font-mono text-xs text-slate-600" title={r.image}>
              {r.image}
            </td>
            <td className="text-right font-mono">
              {r.percentNow} %{r.tagsNow.length > 0 && <span className="ml-1 text-xs text-slate-500">({r.tagsNow.join(", ")})</span>}
            </td>
            <td className="pl-3 text-right">
              <button
                type="button"
                disabled={disabled || inDraft.has(r.name)}
                aria-label={inDraft.has(r.name) ? `In traffic: ${r.name}` : `Add ${r.name} to the traffic`}
                onClick={() => onAdd(r.name)}
                className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-40"
              >
                {inDraft.has(r.name) ? "In traffic" : "Add"}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
