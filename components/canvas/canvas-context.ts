"use client";
import { createContext, useContext } from "react";
import type { RouteGraph } from "@/lib/graph";
import type { PaletteItem } from "@/lib/canvas";

/**
 * What the nodes need from the editor: edits go through here so undo sees them all. Stable for
 * an open editor (its store's methods), so a node re-renders for its own data, not for an edit
 * elsewhere. The default is read-only (the host canvas).
 */
export interface CanvasActions {
  readonly readOnly: boolean;
  edit(change: (g: RouteGraph) => RouteGraph): void;
  dropItem(ruleId: string, item: PaletteItem): void;
  /** A weight typed on a backend node; a fraction scales the rule's weights. What was done, or why not. */
  typeWeight(backendId: string, typed: number): { tone: "error" | "info"; text: string } | undefined;
  /** From a rule's path field (Enter): select the rule and go to the palette to pick its backend. */
  chooseBackendFor(ruleId: string): void;
}

export const CanvasActionsContext = createContext<CanvasActions>({
  readOnly: true,
  edit: () => undefined,
  dropItem: () => undefined,
  typeWeight: () => undefined,
  chooseBackendFor: () => undefined,
});

export const useCanvasActions = () => useContext(CanvasActionsContext);

/** The drag payload of a palette item (HTML drag and drop, so it can leave the palette). */
export const PALETTE_MIME = "application/x-routeboard-palette";
