"use client";
import { useState } from "react";
import { rescale, sumOf, type Share } from "@/lib/traffic";
import { LinkedSliders } from "./LinkedSliders";

/** Totals offered for rescaling: a canary of 0.1 % needs a total of at least 1,000. */
const TOTALS = [100, 1_000, 10_000, 1_000_000] as const;

/**
 * Weights of an HTTPRoute rule's backendRefs (Gateway API: 0..1,000,000 each, traffic share
 * = weight / sum). The linked sliders keep the sum fixed and show each backend's effective
 * share; "Scale to" changes the sum while keeping the proportions, so a 0.1 % canary (1 of
 * 1,000) is reachable from weights like 1:1.
 *
 * @param backends one per backendRef of the rule; `id` is yours (e.g. the graph element id),
 *   `weight` is the backendRef's weight (pass 1 when unset: the Gateway API's default).
 * @param onChange every backend's new weight by id, after each move (never for a lock toggle).
 */
export function WeightSliders(props: {
  backends: { id: string; label: string; weight: number }[];
  onChange: (weights: Record<string, number>) => void;
  disabled?: boolean;
}) {
  const { backends, onChange, disabled } = props;
  // Locks are a property of the editing session, not of the route, so they live here.
  const [locked, setLocked] = useState<ReadonlySet<string>>(new Set());
  const items = backends.map((b) => ({ id: b.id, label: b.label, value: b.weight, locked: locked.has(b.id) }));
  const total = sumOf(items);

  const emit = (shares: Share[]) => {
    setLocked(new Set(shares.filter((s) => s.locked).map((s) => s.id)));
    const changed = shares.some((s) => backends.find((b) => b.id === s.id)?.weight !== s.value);
    if (changed) onChange(Object.fromEntries(shares.map((s) => [s.id, s.value])));
  };

  return (
    <div className="flex flex-col gap-2" data-weight-sliders>
      <div className="flex items-center gap-2 text-xs text-slate-600">
        <span>
          Total weight <span className="font-mono">{total.toLocaleString("en")}</span>
        </span>
        {total === 0 && <span className="text-amber-800">All weights are 0: this rule sends no traffic (HTTP 500).</span>}
        <span className="ml-auto">Scale to</span>
        {TOTALS.map((t) => (
          <button
            key={t}
            type="button"
            disabled={disabled || t === total || backends.length === 0}
            aria-label={`Scale weights to a total of ${t.toLocaleString("en")}`}
            onClick={() => emit(rescale(items, t))}
            className="rounded border border-slate-300 px-1.5 py-0.5 font-mono hover:bg-slate-100 disabled:opacity-40"
          >
            {t.toLocaleString("en")}
          </button>
        ))}
      </div>
      <LinkedSliders name="Backend weights" items={items} unit="weight" disabled={disabled} onChange={emit} />
    </div>
  );
}
