"use client";
import { useState } from "react";

/**
 * The numeric field beside a slider. It commits on Enter or blur, not on every keystroke:
 * typing "25" would otherwise pass through 2 and re-share the others twice.
 */
export function ShareInput(props: { label: string; value: number; max: number; disabled?: boolean; onCommit: (v: number) => void }) {
  const { label, value, max, disabled, onCommit } = props;
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const commit = () => {
    if (draft === undefined) return;
    const n = Number(draft);
    setDraft(undefined);
    if (draft.trim() !== "" && Number.isFinite(n)) onCommit(n);
  };
  return (
    <input
      type="number"
      inputMode="numeric"
      aria-label={label}
      min={0}
      max={max}
      step={1}
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
  );
}
