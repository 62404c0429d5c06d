// Arrow keys between the canvas's nodes (its one Tab stop is a roving tabindex): the nearest
// node in the arrow's direction (within 45° of it), by centre, favouring the ones in line.

export interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type Arrow = "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight";

export const isArrow = (key: string): key is Arrow => key === "ArrowUp" || key === "ArrowDown" || key === "ArrowLeft" || key === "ArrowRight";

/** The node an arrow goes to from `fromId`; undefined when nothing lies that way. */
export function nodeToward(boxes: readonly Box[], fromId: string, arrow: Arrow): string | undefined {
  const from = boxes.find((b) => b.id === fromId);
  if (!from) return boxes[0]?.id;
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  const horizontal = arrow === "ArrowLeft" || arrow === "ArrowRight";
  const sign = arrow === "ArrowRight" || arrow === "ArrowDown" ? 1 : -1;
  let best: { id: string; score: number } | undefined;
  for (const b of boxes) {
    if (b.id === fromId) continue;
    const dx = b.x + b.width / 2 - cx;
    const dy = b.y + b.height / 2 - cy;
    const along = (horizontal ? dx : dy) * sign;
    const off = Math.abs(horizontal ? dy : dx);
    if (along <= 1 || off > along) continue; // not that way: outside the arrow's 90° cone
    // Off-line distance counts thrice: Down from a rule goes to the next rule, not to its backend.
    const score = along + 3 * off;
    if (!best || score < best.score) best = { id: b.id, score };
  }
  return best?.id;
}
