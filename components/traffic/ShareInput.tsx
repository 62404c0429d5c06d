"use client";
import { useId, useState } from "react";

/** What a commit said: a refusal, or what was done beyond the value itself ("scaled ×10"). */
export type CommitNote = { tone: "error" | "info"; text: string } | undefined;

/**
 * The numeric field beside a slider. It commits on Enter or blur, not on every keystroke:
 * typing "25" would otherwise pass through 2 and re-share the others twice. A value that
 * cannot be set is said beside the field, not rounded silently.
 */
export function ShareInput(props: { label: string; value: number; max: number; fractions?: boolean; disabled?: boolean; onCommit: (v: number) => CommitNote }) {
  const { label, value, max, fractions, disabled, onCommit } = props;
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [note, setNote] = useState<CommitNote>(undefined);
  const noteId = useId();
  const commit = () => {
    if (draft === undefined) return;
    const n = Number(draft);
    setDraft(undefined);
    setNote(draft.trim() === "" ? undefined : Number.isFinite(n) ? onCommit(n) : { tone: "error", text: `“${draft}” is not a number.` });
  };
  return (
    <span className="flex flex-col items-end">
      <input
        type="number"
        inputMode={fractions ? "decimal" : "numeric"}
        aria-label={label}
        aria-invalid={note?.tone === "error" || undefined}
        aria-describedby={note ? noteId : undefined}
        min={0}
        max={max}
        step={fractions ? "any" : 1}
        disabled={disabled}
        value={draft ?? String(value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(undefined);
        }}
        className="w-24 rounded border border-slate-300 px-2 py-1 text-right font-mono text-sm disabled:bg-slate-100"
      />
      {note && (
        <span
          id={noteId}
          role={note.tone === "error" ? "alert" : "status"}
          data-share-note={note.tone}
          className={`mt-1 max-w-56 text-right text-xs ${note.tone === "error" ? "text-red-700" : "text-slate-600"}`}
        >
          {note.text}
        </span>
      )}
    </span>
  );
}
