/**
 * Keyboard for a share slider (WAI-ARIA slider pattern): arrows move by a small step, Page
 * Up/Down by a large one, Home/End to the ends. For percents the small step is 1; for
 * Gateway API weights it is 0.1 % of the total (at least one weight), so a keyboard user can
 * reach a 0.1 % canary without a hundred thousand key presses.
 */
export type ShareUnit = "percent" | "weight";

export function stepsFor(unit: ShareUnit, total: number): { small: number; large: number } {
  if (unit === "percent") return { small: 1, large: 10 };
  return { small: Math.max(1, Math.round(total / 1000)), large: Math.max(1, Math.round(total / 10)) };
}

/** The value a key asks for, or undefined when the key is not a slider key. */
export function targetForKey(key: string, value: number, total: number, unit: ShareUnit): number | undefined {
  const { small, large } = stepsFor(unit, total);
  switch (key) {
    case "ArrowUp":
    case "ArrowRight":
      return value + small;
    case "ArrowDown":
    case "ArrowLeft":
      return value - small;
    case "PageUp":
      return value + large;
    case "PageDown":
      return value - large;
    case "Home":
      return 0;
    case "End":
      return total;
    default:
      return undefined;
  }
}

/** Pointer position on a track (0..1 of its width) to a value on 0..total. */
export function valueAtFraction(fraction: number, total: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  return Math.round(f * total);
}
