"use client";
import type { ReactNode } from "react";
import { scaledWords } from "@/lib/gateway";
import type { ShareUnit } from "@/lib/traffic";
import { QUICK_STEPS, commitShare, formatShare, promote, rangeOf, setShare, setSharePercent, sumOf, type Share } from "@/lib/traffic";
import { ShareInput, type CommitNote } from "./ShareInput";
import { ShareSlider } from "./ShareSlider";

export interface LinkedItem extends Share {
  label: string;
  /** Shown under the row: tag field, remove button, details. */
  extra?: ReactNode;
}

/**
 * Linked sliders, one per target: the total never changes; moving one re-shares the
 * difference among the unlocked others (lib/traffic/linked). Used for Knative percents and
 * for Gateway API backendRef weights alike.
 */
export function LinkedSliders(props: { name: string; items: LinkedItem[]; unit: ShareUnit; disabled?: boolean; onChange: (shares: Share[]) => void }) {
  const { name, items, unit, disabled, onChange } = props;
  const total = sumOf(items);
  const plain = (): Share[] => items.map(({ id, value, locked }) => ({ id, value, locked }));
  const unitWord = unit === "percent" ? "percent" : "weight";
  const commit = (id: string, v: number): CommitNote => {
    const r = commitShare(plain(), id, v, unit);
    if (!r.ok) return { tone: "error", text: r.reason };
    onChange(r.shares);
    return r.scaledBy ? { tone: "info", text: scaledWords(r.scaledBy, v) } : undefined;
  };

  return (
    // A container query, not a media query: the same rows sit in a wide page column and in the
    // canvas's narrow inspector, where the label goes above the slider.
    <ul aria-label={name} className="@container flex flex-col gap-3">
      {items.map((it) => {
        const share = formatShare(it.value, total);
        const { max } = rangeOf(items, it.id);
        const fixed = disabled || it.locked;
        return (
          <li key={it.id} data-target={it.id} className="rounded-md border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 @lg:flex-nowrap">
              <span className="w-full truncate font-mono text-sm @lg:w-48 @lg:shrink-0" title={it.label}>
                {it.label}
              </span>
              <div className="min-w-24 flex-1">
                <ShareSlider
                  label={`${it.label} ${unitWord}`}
                  value={it.value}
                  total={total}
                  unit={unit}
                  valueText={unit === "percent" ? `${it.value} %` : `weight ${it.value}, ${share}`}
                  disabled={fixed}
                  onMove={(t) => onChange(setShare(plain(), it.id, t))}
                />
              </div>
              <ShareInput
                label={`${it.label} ${unitWord} value`}
                value={it.value}
                max={max}
                fractions={unit === "weight"}
                disabled={fixed}
                onCommit={(v) => commit(it.id, v)}
              />
              <span className="w-20 shrink-0 text-right font-mono text-sm text-slate-600" data-share>
                {unit === "percent" ? `${it.value} %` : share}
              </span>
              <button
                type="button"
                aria-pressed={it.locked === true}
                aria-label={`Lock ${it.label}`}
                disabled={disabled}
                onClick={() => onChange(plain().map((s) => (s.id === it.id ? { ...s, locked: !s.locked } : s)))}
                className={`rounded border px-2 py-1 text-xs ${it.locked ? "border-amber-400 bg-amber-100 text-amber-900" : "border-slate-300 text-slate-600"}`}
              >
                {it.locked ? "Locked" : "Lock"}
              </button>
            </div>
            <div className="mt-2 flex flex-wrap items-center gap-1 text-xs @lg:pl-[12.75rem]">
              <span className="text-slate-500">Set to</span>
              {QUICK_STEPS.map((p) => (
                <button
                  key={p}
                  type="button"
                  disabled={fixed}
                  aria-label={`Set ${it.label} to ${p} %`}
                  onClick={() => onChange(setSharePercent(plain(), it.id, p))}
                  className="rounded border border-slate-300 px-1.5 py-0.5 hover:bg-slate-100 disabled:opacity-40"
                >
                  {p} %
                </button>
              ))}
              <button
                type="button"
                disabled={disabled || it.value === total}
                aria-label={`Promote ${it.label} to 100 %`}
                onClick={() => onChange(promote(plain(), it.id))}
                className="ml-2 rounded border border-sky-400 px-2 py-0.5 text-sky-800 hover:bg-sky-50 disabled:opacity-40"
              >
                Promote
              </button>
            </div>
            {it.extra && <div className="mt-2 @lg:pl-[12.75rem]">{it.extra}</div>}
          </li>
        );
      })}
    </ul>
  );
}
