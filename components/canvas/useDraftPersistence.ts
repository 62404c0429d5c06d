"use client";
import { useEffect } from "react";
import { encodeDraft, selectRoute, type EditorState, type EditorStore } from "@/lib/canvas";

/**
 * Keeps the editor's draft in localStorage (per context and route) while it differs from the
 * cluster's version. A new route keeps its draft until applied: nothing in the cluster holds it yet.
 */
export function useDraftPersistence(store: EditorStore, key: string): void {
  useEffect(() => {
    const write = (s: EditorState) => {
      const route = selectRoute(s);
      const baseRV = s.base?.metadata.resourceVersion ?? "";
      if (baseRV !== "" && JSON.stringify(route.spec) === JSON.stringify(s.start.spec)) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, encodeDraft(route, baseRV, new Date(), baseRV === "" ? s.origin : undefined));
    };
    write(store.api.getState());
    return store.api.subscribe((s, prev) => {
      if (selectRoute(s) !== selectRoute(prev) || s.base !== prev.base || s.origin !== prev.origin) write(s);
    });
  }, [store, key]);
}
