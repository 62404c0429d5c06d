import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion } from "./apportion";
import { commitShare, formatShare, promote, rangeOf, removeShare, rescale, setShare, setSharePercent, sumOf, type Share } from "./linked";

const pct = (vals: number[], locked: number[] = []): Share[] => vals.map((v, i) => ({ id: `s${i}`, value: v, locked: locked.includes(i) }));
const values = (s: Share[]) => s.map((x) => x.value);

/** Integer shares summing to `total`, with some locked. */
const split = (total: number) =>
  fc
    .array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 8 })
    .chain((ws) => fc.tuple(fc.constant(apportion(ws, total)), fc.array(fc.boolean(), { minLength: ws.length, maxLength: ws.length })))
    .map(([vals, locks]) => vals.map((v, i): Share => ({ id: `s${i}`, value: v, locked: locks[i] })));

describe("apportion", () => {
  it("splits exactly, in proportion, ties to the earlier entry", () => {
    expect(apportion([1, 1, 1], 100)).toEqual([34, 33, 33]);
    expect(apportion([90, 10], 75)).toEqual([68, 7]);
    expect(apportion([0, 0], 10)).toEqual([5, 5]);
    expect(apportion([5, 0], 0)).toEqual([0, 0]);
  });
  it("always sums to the total and stays within one of the exact quota", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 16 }), fc.nat({ max: 1_000_000 }), (ws, total) => {
        const out = apportion(ws, total);
        expect(out.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = ws.reduce((a, b) => a + b, 0);
        out.forEach((v, i) => {
          expect(Number.isInteger(v)).toBe(true);
          const quota = sum > 0 ? ((ws[i] ?? 0) * total) / sum : total / ws.length;
          expect(Math.abs(v - quota)).toBeLessThan(1);
        });
      }),
    );
  });
});

describe("setShare", () => {
  it("moves the others in proportion", () => {
    expect(values(setShare(pct([80, 10, 10]), "s1", 30))).toEqual([62, 30, 8]);
    expect(values(setShare(pct([100, 0]), "s1", 10))).toEqual([90, 10]);
    expect(values(setShare(pct([90, 10]), "s1", 25))).toEqual([75, 25]);
  });
  it("gives to others equally when they all have zero", () => {
    expect(values(setShare(pct([100, 0, 0]), "s0", 40))).toEqual([40, 30, 30]);
  });
  it("never moves locked shares and clamps to what the unlocked others can give", () => {
    const s = pct([50, 30, 20], [2]);
    expect(rangeOf(s, "s0")).toEqual({ min: 0, max: 80 });
    expect(values(setShare(s, "s0", 95))).toEqual([80, 0, 20]);
    expect(values(setShare(pct([50, 50], [1]), "s0", 70))).toEqual([50, 50]);
    expect(values(setShare(pct([50, 50], [0]), "s0", 70))).toEqual([50, 50]);
  });
  it("rounds fractional and ignores non-finite targets", () => {
    expect(values(setShare(pct([50, 50]), "s0", 10.6))).toEqual([11, 89]);
    expect(values(setShare(pct([50, 50]), "s0", Number.NaN))).toEqual([50, 50]);
  });
  it("keeps the total, the locks and integrality for any move (property)", () => {
    fc.assert(
      fc.property(split(100), fc.nat({ max: 7 }), fc.integer({ min: -50, max: 200 }), (shares, k, target) => {
        const id = `s${k % shares.length}`;
        const out = setShare(shares, id, target);
        expect(sumOf(out)).toBe(100);
        out.forEach((s, i) => {
          expect(Number.isInteger(s.value) && s.value >= 0).toBe(true);
          if (shares[i]?.locked && s.id !== id) expect(s.value).toBe(shares[i]?.value);
        });
        const { min, max } = rangeOf(shares, id);
        const moved = out.find((s) => s.id === id)?.value;
        expect(moved).toBe(Math.min(max, Math.max(min, target)));
      }),
    );
  });
  it("keeps weight totals up to 1,000,000 exact (property)", () => {
    fc.assert(
      fc.property(split(1_000_000), fc.nat({ max: 7 }), fc.nat({ max: 1_000_000 }), (shares, k, target) => {
        expect(sumOf(setShare(shares, `s${k % shares.length}`, target))).toBe(1_000_000);
      }),
    );
  });
});

describe("quick steps, promote, rescale, remove", () => {
  it("sets a percent of the total, for weights too", () => {
    expect(values(setSharePercent(pct([500, 500]), "s1", 1))).toEqual([990, 10]);
    expect(values(setSharePercent(pct([999, 1]), "s1", 50))).toEqual([500, 500]);
  });
  it("promote sends everything to one target and clears locks", () => {
    expect(promote(pct([50, 30, 20], [2]), "s1")).toEqual([
      { id: "s0", value: 0, locked: false },
      { id: "s1", value: 100, locked: false },
      { id: "s2", value: 0, locked: false },
    ]);
  });
  it("rescale keeps proportions so a 0.1 % canary fits", () => {
    const r = rescale(pct([1, 1]), 1000);
    expect(values(r)).toEqual([500, 500]);
    expect(values(setShare(r, "s1", 1))).toEqual([999, 1]);
    expect(formatShare(1, 1000)).toBe("0.1 %");
  });
  it("remove hands the removed share to the unlocked rest", () => {
    expect(values(removeShare(pct([50, 30, 20]), "s0"))).toEqual([60, 40]);
    expect(values(removeShare(pct([50, 30, 20], [1]), "s0"))).toEqual([30, 70]);
    expect(values(removeShare(pct([50, 50], [1]), "s0"))).toEqual([100]);
  });
  it("remove keeps the total (property)", () => {
    fc.assert(
      fc.property(split(100), fc.nat({ max: 7 }), (shares, k) => {
        if (shares.length < 2) return;
        expect(sumOf(removeShare(shares, `s${k % shares.length}`))).toBe(100);
      }),
    );
  });
});

describe("formatShare", () => {
  it("shows small canaries, never a nonzero share as 0 nor a partial one as 100", () => {
    expect(formatShare(0, 1000)).toBe("0 %");
    expect(formatShare(1000, 1000)).toBe("100 %");
    expect(formatShare(250, 1000)).toBe("25 %");
    expect(formatShare(1, 3)).toBe("33.3 %");
    expect(formatShare(1, 1_000_000)).toBe("0.0001 %");
    expect(formatShare(999_999, 1_000_000)).toBe(">99.9 %");
    expect(formatShare(5, 0)).toBe("0 %");
  });
});

describe("commitShare: what the numeric field does with a typed value", () => {
  const pair = [
    { id: "a", value: 1 },
    { id: "b", value: 1 },
  ];
  it("a whole number sets the share, keeping the total", () => {
    expect(commitShare(pair, "a", 2, "weight")).toEqual({
      ok: true,
      shares: [
        { id: "a", value: 2 },
        { id: "b", value: 0 },
      ],
    });
  });
  it("a fraction of a weight scales every weight by the power of ten that carries it exactly", () => {
    const r = commitShare(pair, "a", 0.5, "weight");
    expect(r).toEqual({
      ok: true,
      scaledBy: 10,
      shares: [
        { id: "a", value: 5 },
        { id: "b", value: 15 },
      ],
    });
    // The shares are what was asked: 0.5 of a total of 2 is 25 %.
    expect(r.ok && formatShare(r.shares[0]?.value ?? 0, sumOf(r.shares))).toBe("25 %");
    expect(commitShare(pair, "b", 0.125, "weight")).toMatchObject({
      ok: true,
      scaledBy: 1000,
      shares: [
        { id: "a", value: 1875 },
        { id: "b", value: 125 },
      ],
    });
  });
  it("says so where weights cannot carry it, and where Knative's whole percents cannot", () => {
    const big = [
      { id: "a", value: 600_000 },
      { id: "b", value: 400_000 },
    ];
    const r = commitShare(big, "a", 0.5, "weight");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/finer weights than the Gateway API allows \(each at most 1,000,000\)/);
    const p = commitShare(
      [
        { id: "a", value: 50 },
        { id: "b", value: 50 },
      ],
      "a",
      0.5,
      "percent",
    );
    expect(!p.ok && p.reason).toBe("Knative takes whole percents (0 to 100): 0.5 % cannot be set. For finer splits, use an HTTPRoute's weights.");
  });
});
