import { apportion } from "./apportion";
import { MAX_WEIGHT, tooFineWords, wholeFactor } from "../gateway/weights";
import type { ShareUnit } from "./keys";

/**
 * Linked sliders as a pure model. A split is a list of integer shares with a fixed total
 * (100 for Knative percents, the weight total for Gateway API backendRefs). Moving one
 * share hands the difference to the unlocked others in proportion to what they have, so the
 * total never changes; locked shares never move except by an explicit promote.
 */
export interface Share {
  id: string;
  value: number;
  locked?: boolean;
}

export const QUICK_STEPS = [0, 1, 5, 10, 25, 50, 100] as const;

export function sumOf(shares: readonly Share[]): number {
  return shares.reduce((a, s) => a + s.value, 0);
}

/** The range the share `id` can take without touching locked shares. */
export function rangeOf(shares: readonly Share[], id: string): { min: number; max: number } {
  const me = shares.find((s) => s.id === id);
  if (!me) return { min: 0, max: 0 };
  const free = shares.filter((s) => s.id !== id && !s.locked);
  if (me.locked || free.length === 0) return { min: me.value, max: me.value };
  return { min: 0, max: me.value + free.reduce((a, s) => a + s.value, 0) };
}

/**
 * Set share `id` to `target` (clamped to its range, rounded), re-apportioning the unlocked
 * others so their sum moves by exactly the opposite amount, each in proportion to its
 * current value (equally when they are all zero).
 */
export function setShare(shares: readonly Share[], id: string, target: number): Share[] {
  const { min, max } = rangeOf(shares, id);
  const me = shares.find((s) => s.id === id);
  if (!me || !Number.isFinite(target)) return [...shares];
  const value = Math.min(max, Math.max(min, Math.round(target)));
  if (value === me.value) return [...shares];
  const free = shares.filter((s) => s.id !== id && !s.locked);
  const freeTotal = free.reduce((a, s) => a + s.value, 0) - (value - me.value);
  const next = apportion(
    free.map((s) => s.value),
    freeTotal,
  );
  const byId = new Map(free.map((s, i) => [s.id, next[i] ?? 0]));
  return shares.map((s) => (s.id === id ? { ...s, value } : byId.has(s.id) ? { ...s, value: byId.get(s.id) ?? 0 } : s));
}

/** Move a share to `percent` of the total (quick steps); for weights, rounded to a whole weight. */
export function setSharePercent(shares: readonly Share[], id: string, percent: number): Share[] {
  return setShare(shares, id, (sumOf(shares) * percent) / 100);
}

/** Everything to one target: an explicit choice, so it overrides locks (and clears them). */
export function promote(shares: readonly Share[], id: string): Share[] {
  const total = sumOf(shares);
  if (!shares.some((s) => s.id === id)) return [...shares];
  return shares.map((s) => ({ ...s, locked: false, value: s.id === id ? total : 0 }));
}

/** Keep proportions, change the total (e.g. weights 1:1 → 500:500 so a 0.1 % canary fits). */
export function rescale(shares: readonly Share[], total: number): Share[] {
  const next = apportion(
    shares.map((s) => s.value),
    total,
  );
  return shares.map((s, i) => ({ ...s, value: next[i] ?? 0 }));
}

/** Drop a share; what it had goes to the unlocked rest in proportion (or to everyone, if all are locked). */
export function removeShare(shares: readonly Share[], id: string): Share[] {
  const me = shares.find((s) => s.id === id);
  if (!me) return [...shares];
  const rest = shares.filter((s) => s.id !== id);
  if (rest.length === 0) return [];
  const receivers = rest.some((s) => !s.locked) ? rest.filter((s) => !s.locked) : rest;
  const next = apportion(
    receivers.map((s) => s.value),
    receivers.reduce((a, s) => a + s.value, 0) + me.value,
  );
  const byId = new Map(receivers.map((s, i) => [s.id, next[i] ?? 0]));
  return rest.map((s) => (byId.has(s.id) ? { ...s, value: byId.get(s.id) ?? 0 } : s));
}

/** A share as a percentage of the total, with enough decimals that a 0.1 % canary shows as such. */
export function formatShare(value: number, total: number): string {
  if (total <= 0) return "0 %";
  const p = (value * 100) / total;
  if (p === 0 || p === 100) return `${p} %`;
  const digits = p >= 1 ? 1 : p >= 0.01 ? 2 : 4;
  const s = p.toFixed(digits).replace(/\.?0+$/, "");
  // Never print a nonzero share as "0 %" or a partial one as "100 %".
  return `${s === "0" ? `<${(1 / 10 ** digits).toString()}` : s === "100" ? ">99.9" : s} %`;
}

export type CommitResult = { ok: true; shares: Share[]; scaledBy?: number } | { ok: false; reason: string };

/**
 * A value typed into a share's field. Whole numbers set the share (setShare). A fraction of a
 * weight scales every weight by the power of ten that makes it whole, so a 0.5 beside a 1 is
 * carried exactly (5 beside 10), as long as no weight passes MAX_WEIGHT. Knative percents are
 * whole numbers: a fraction is refused, in words, never rounded behind the user's back.
 */
export function commitShare(shares: readonly Share[], id: string, typed: number, unit: ShareUnit): CommitResult {
  if (!Number.isFinite(typed)) return { ok: false, reason: "Not a number." };
  if (Number.isInteger(typed)) return { ok: true, shares: setShare(shares, id, typed) };
  if (unit === "percent")
    return { ok: false, reason: `Knative takes whole percents (0 to 100): ${typed} % cannot be set. For finer splits, use an HTTPRoute's weights.` };
  const f = wholeFactor(typed);
  const next = f
    ? setShare(
        shares.map((s) => ({ ...s, value: s.value * f })),
        id,
        Math.round(typed * f),
      )
    : undefined;
  if (!f || !next || next.some((s) => s.value > MAX_WEIGHT)) return { ok: false, reason: tooFineWords(typed) };
  return { ok: true, shares: next, scaledBy: f };
}
