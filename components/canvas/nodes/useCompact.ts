"use client";
import { useStore } from "@xyflow/react";
import { COMPACT_BELOW } from "@/lib/canvas";

/** True while the canvas is zoomed out past the point where a node's controls can be used. */
export function useCompact(): boolean {
  // A boolean selector: nodes re-render when the threshold is crossed, not on every pan or zoom frame.
  return useStore((s) => s.transform[2] < COMPACT_BELOW);
}
