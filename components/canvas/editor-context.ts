"use client";
import { createContext, useContext } from "react";
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import { useShallow } from "zustand/react/shallow";
import { problemsOf, selectPinned, type EditorState, type EditorStore } from "@/lib/canvas";

/** The open editor's store (lib/canvas/editor-store); none on the read-only host canvas. */
export const EditorContext = createContext<EditorStore | undefined>(undefined);

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error("useEditorStore outside an EditorContext");
  return store;
}

/** A part of the editor's state; the component re-renders when the selected value changes (Object.is). */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorStore().api, selector);
}

const NO_EDITOR = createStore<EditorState | undefined>()(() => undefined);
const NONE: readonly string[] = [];

/** A node's problems; a node re-renders when its own messages change, not on every edit. */
export function useNodeProblems(nodeId: string): readonly string[] {
  const store = useContext(EditorContext);
  return useStore(
    store?.api ?? NO_EDITOR,
    useShallow((s: EditorState | undefined) => (s ? problemsOf(s, nodeId) : NONE)),
  );
}

/** Every node's problems (for the zoomed-out drawing); undefined outside an editor. */
export function usePinnedProblems(): ReadonlyMap<string, readonly { message: string }[]> | undefined {
  const store = useContext(EditorContext);
  return useStore(store?.api ?? NO_EDITOR, (s: EditorState | undefined) => (s ? selectPinned(s) : undefined));
}
