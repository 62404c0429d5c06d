/**
 * Integer apportionment by largest remainder (Hamilton's method): share `total` among
 * entries in proportion to `weights`, every result an integer, the results summing to
 * exactly `total`. Equal shares when every weight is zero. Ties go to the earlier entry so
 * the result is deterministic.
 *
 * Products stay below 2^53 for the sizes Routeboard handles (weights ≤ 1,000,000 and at most
 * 16 backendRefs), so plain numbers are exact here.
 */
export function apportion(weights: readonly number[], total: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (total <= 0) return weights.map(() => 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  const base = sum > 0 ? weights : weights.map(() => 1);
  const denom = sum > 0 ? sum : n;
  const floors = base.map((w) => Math.floor((w * total) / denom));
  const remainders = base.map((w) => (w * total) % denom);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = remainders.map((r, i) => ({ r, i })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}
