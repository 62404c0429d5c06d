"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { decodeDraft, draftKey, encodeDraft, type DraftOrigin } from "@/lib/canvas";
import { record, redo, startHistory, undo, type History } from "@/lib/canvas";
import type { HTTPRoute } from "@/lib/gateway";
import { fromHTTPRoutes, toHTTPRoutes, type RouteGraph } from "@/lib/graph";

export interface DraftGraph {
  graph: RouteGraph;
  route: HTTPRoute;
  edit: (change: (g: RouteGraph) => RouteGraph) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** Replaces everything (after an apply, a rebase or discarding the draft). */
  reset: (route: HTTPRoute) => void;
  /** When the draft was restored from the browser, its time. */
  restoredAt?: string;
  /** Where a suggested draft came from (a hand-written VirtualService), kept until it is applied or discarded. */
  origin?: DraftOrigin;
  discard: () => void;
}

/**
 * The edited route with undo/redo, kept as a draft in localStorage (per context and route)
 * while it differs from what was loaded.
 */
export function useDraftGraph(context: string | undefined, start: HTTPRoute, baseResourceVersion: string, canKeepDrafts: boolean): DraftGraph {
  const key = draftKey(context, start.metadata.namespace ?? "", start.metadata.name ?? "");
  const initial = useRef<{ route: HTTPRoute; restoredAt?: string; origin?: DraftOrigin } | null>(null);
  if (initial.current === null) {
    const saved = typeof window === "undefined" ? undefined : decodeDraft(window.localStorage.getItem(key));
    initial.current = saved ? { route: saved.route, restoredAt: saved.savedAt, ...(saved.origin && { origin: saved.origin }) } : { route: start };
  }
  const [origin, setOrigin] = useState(initial.current.origin);
  const [history, setHistory] = useState<History<RouteGraph>>(() => startHistory(fromHTTPRoutes([initial.current?.route ?? start])));
  const [restoredAt, setRestoredAt] = useState(initial.current.restoredAt);
  const clean = useRef(JSON.stringify(start.spec));
  clean.current = JSON.stringify(start.spec);
  const route = toHTTPRoutes(history.present)[0] ?? start;

  useEffect(() => {
    if (!canKeepDrafts) return;
    // A new route ("" version) keeps its draft until applied: nothing in the cluster holds it yet.
    if (baseResourceVersion !== "" && JSON.stringify(route.spec) === clean.current) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, encodeDraft(route, baseResourceVersion, new Date(), baseResourceVersion === "" ? origin : undefined));
  }, [route, key, baseResourceVersion, canKeepDrafts, origin]);

  const edit = useCallback((change: (g: RouteGraph) => RouteGraph) => {
    setHistory((h) => {
      try {
        return record(h, change(h.present));
      } catch {
        return h; // an element that vanished meanwhile (a live update): nothing to do
      }
    });
  }, []);
  const reset = useCallback((r: HTTPRoute) => {
    // What was restored is now applied, rebased or discarded: no longer "your unsaved changes".
    setRestoredAt(undefined);
    setHistory((h) => record(h, fromHTTPRoutes([r])));
  }, []);

  return {
    graph: history.present,
    route,
    edit,
    undo: () => setHistory(undo),
    redo: () => setHistory(redo),
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    reset,
    ...(restoredAt !== undefined && { restoredAt }),
    ...(origin !== undefined && baseResourceVersion === "" && { origin }),
    discard: () => {
      window.localStorage.removeItem(key);
      setRestoredAt(undefined);
      setOrigin(undefined);
      setHistory(startHistory(fromHTTPRoutes([start])));
    },
  };
}
