"use client";
import { useStore } from "@xyflow/react";

/**
 * Whether this node holds the canvas's Tab stop: its fields and buttons are Tab stops only then,
 * so Tab walks into the current node and out of the canvas, and arrows go between nodes.
 * `tabIndex={tabbable ? undefined : -1}` keeps them focusable by click and by script.
 */
export function useTabbable(id: string): boolean {
  return useStore((s) => s.nodeLookup.get(id)?.focusable !== false);
}
