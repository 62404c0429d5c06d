"use client";
import { useStore, useStoreApi, type Node } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { HANDLES, NODE_SIZE, type CanvasEdge, type CanvasNode } from "@/lib/canvas/flow";
import { TONE_COLORS, type Tone } from "@/lib/canvas/overview";

export interface OverviewItem { id: string; type: CanvasNode["type"]; tone: Tone }

/**
 * The zoomed-out canvas: every node as a box and every edge as a line on one <canvas>, redrawn
 * on each pan or zoom frame. Pointer events pass through to the pane, so panning and zooming
 * work as everywhere else on the canvas.
 */
type Box = { x: number; y: number; w: number; h: number; tone: Tone; type: CanvasNode["type"] };

/** Where an edge meets a box: the middle of the side its handle is on. */
function end(b: Box, handle: string): [number, number] {
  const side = HANDLES[b.type].find((h) => h.id === handle)?.position ?? "left";
  return side === "left" ? [b.x, b.y + b.h / 2] : side === "right" ? [b.x + b.w, b.y + b.h / 2] : side === "top" ? [b.x + b.w / 2, b.y] : [b.x + b.w / 2, b.y + b.h];
}

export function OverviewLayer({ items, edges }: { items: ReadonlyMap<string, OverviewItem>; edges: readonly CanvasEdge[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const nodes = useStore((s) => s.nodes);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const boxes = new Map<string, Box>();
    for (const n of nodes as Node[]) {
      const item = items.get(n.id);
      if (!item) continue;
      const size = NODE_SIZE[item.type];
      boxes.set(n.id, { x: n.position.x, y: n.position.y, w: n.measured?.width ?? size.width, h: n.measured?.height ?? size.height, tone: item.tone, type: item.type });
    }
    let frame = 0;
    const draw = () => {
      frame = 0;
      const [tx, ty, k] = store.getState().transform;
      ctx.setTransform(ratio * k, 0, 0, ratio * k, ratio * tx, ratio * ty);
      ctx.clearRect(-tx / k, -ty / k, width / k, height / k);
      ctx.lineWidth = 1 / k;
      ctx.strokeStyle = "#94a3b8";
      ctx.beginPath();
      for (const e of edges) {
        const s = boxes.get(e.source);
        const t = boxes.get(e.target);
        if (!s || !t) continue;
        ctx.moveTo(...end(s, e.sourceHandle));
        ctx.lineTo(...end(t, e.targetHandle));
      }
      ctx.stroke();
      ctx.lineWidth = 2 / k;
      for (const b of boxes.values()) {
        const c = TONE_COLORS[b.tone];
        ctx.fillStyle = c.fill;
        ctx.strokeStyle = c.stroke;
        ctx.fillRect(b.x, b.y, b.w, b.h);
        ctx.strokeRect(b.x, b.y, b.w, b.h);
      }
    };
    draw();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform !== prev.transform && !frame) frame = requestAnimationFrame(draw);
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [nodes, items, edges, width, height, store]);

  return (
    <canvas
      ref={ref}
      className="pointer-events-none absolute inset-0 z-[1]"
      style={{ width, height }}
      data-overview
      role="img"
      aria-label={`Overview of ${items.size} nodes; zoom in to read and edit them`}
    />
  );
}
