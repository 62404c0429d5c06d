"use client";
import { useEffect, useRef, useState } from "react";
import type { CanvasEdge, CanvasNode, XY } from "@/lib/canvas";
import { elkInput, positionsFrom, shapeKey, type ElkOutput, type Stack } from "@/lib/canvas";

export type LayoutState = { positions: ReadonlyMap<string, XY>; status: "columns" | "elk" | "failed" };

/**
 * Positions from ELK, computed in a Web Worker whenever the graph's shape changes. Until the
 * worker answers (or if it cannot start), the nodes keep their column positions.
 */
export function useElkLayout(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): LayoutState {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  // The Gateway stacks of the layout on its way, unfolded from ELK's answer.
  const stacks = useRef<ReadonlyMap<string, Stack>>(new Map());
  const [state, setState] = useState<LayoutState>({ positions: new Map(), status: "columns" });
  const key = shapeKey(nodes, edges);
  const latest = useRef({ nodes, edges });

  useEffect(() => {
    try {
      worker.current = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    } catch {
      // Said after this render, as the worker's own errors are.
      const t = setTimeout(() => setState((s) => ({ ...s, status: "failed" })));
      return () => clearTimeout(t);
    }
    const w = worker.current;
    w.onmessage = (e: MessageEvent<{ seq: number; out?: ElkOutput; error?: string }>) => {
      if (e.data.seq !== seq.current) return; // an older shape: a newer layout is on its way
      if (e.data.out) setState({ positions: positionsFrom(e.data.out, stacks.current), status: "elk" });
      else setState((s) => ({ ...s, status: "failed" }));
    };
    w.onerror = () => setState((s) => ({ ...s, status: "failed" }));
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  // The graph as drawn now, for the layout asked when its shape changes (the effect below runs after this one).
  useEffect(() => {
    latest.current = { nodes, edges };
  });
  useEffect(() => {
    const w = worker.current;
    if (!w) return;
    seq.current += 1;
    const plan = elkInput(latest.current.nodes, latest.current.edges);
    stacks.current = plan.stacks;
    w.postMessage({ seq: seq.current, graph: plan.graph });
  }, [key]);

  return state;
}
