// The overview: how the canvas looks zoomed out so far that nodes are specks. There, one
// drawing of coloured boxes replaces thousands of DOM nodes, which no browser pans smoothly.
import type { CanvasNode } from "./flow";

/** Below this zoom the canvas draws the overview instead of nodes. */
export const OVERVIEW_BELOW = 0.15;

export type Tone = CanvasNode["type"] | "problem" | "warn";

/** Fill and outline of each tone: the colours the nodes themselves use (Tailwind's 100/500 steps). */
export const TONE_COLORS: Record<Tone, { fill: string; stroke: string }> = {
  gateway: { fill: "#f1f5f9", stroke: "#94a3b8" },
  hostname: { fill: "#e0f2fe", stroke: "#38bdf8" },
  rule: { fill: "#ffffff", stroke: "#94a3b8" },
  backend: { fill: "#d1fae5", stroke: "#34d399" },
  virtualService: { fill: "#ede9fe", stroke: "#a78bfa" },
  warn: { fill: "#fef3c7", stroke: "#f59e0b" },
  problem: { fill: "#fee2e2", stroke: "#ef4444" },
};

/** A node's tone: problems first, then what deserves a look (shadowed rule, missing Gateway). */
export function toneOf(node: CanvasNode, hasProblems: boolean): Tone {
  if (hasProblems) return "problem";
  if (node.type === "rule" && node.data.shadowed) return "warn";
  if (node.type === "gateway" && !node.data.found) return "warn";
  return node.type;
}
