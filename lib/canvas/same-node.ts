import { dequal } from "dequal/lite";

/**
 * Whether two React Flow nodes draw the same: the same fields, positions and sizes by value,
 * and `data` by value too (toFlow builds every node's data anew from the graph on each edit). A
 * canvas that keeps the previous node object for such a node lets React Flow skip it, so a
 * keystroke in one rule redraws that rule, not the graph.
 */
export function sameNode(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (k === "data") {
      if (!dequal(x, y)) return false;
    } else if (k === "position" || k === "measured" || k === "domAttributes") {
      if (!shallowEqual(x, y)) return false;
    } else return false;
  }
  return true;
}

function shallowEqual(x: unknown, y: unknown): boolean {
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is(a[k], b[k]));
}
