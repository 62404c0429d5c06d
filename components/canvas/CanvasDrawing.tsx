"use client";
import { useStore, useStoreApi, type Node } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { HANDLES, NODE_SIZE, type CanvasEdge, type CanvasNode } from "@/lib/canvas";
import { TONE_COLORS, type Tone } from "@/lib/canvas";

export interface OverviewItem {
  id: string;
  type: CanvasNode["type"];
  tone: Tone;
}

type Box = { x: number; y: number; w: number; h: number; tone: Tone; type: CanvasNode["type"] };

/** Where an edge meets a box (the middle of the side its handle is on), and the way it leaves. */
function end(b: Box, handle: string): [number, number, number, number] {
  const side = HANDLES[b.type].find((h) => h.id === handle)?.position ?? "left";
  if (side === "left") return [b.x, b.y + b.h / 2, -1, 0];
  if (side === "right") return [b.x + b.w, b.y + b.h / 2, 1, 0];
  if (side === "top") return [b.x + b.w / 2, b.y, 0, -1];
  return [b.x + b.w / 2, b.y + b.h, 0, 1];
}

/** A bezier curve leaving and entering along the handles' sides, as React Flow draws its edges. */
function curve(ctx: CanvasRenderingContext2D, s: Box, sourceHandle: string, t: Box, targetHandle: string): void {
  const [sx, sy, sdx, sdy] = end(s, sourceHandle);
  const [tx, ty, tdx, tdy] = end(t, targetHandle);
  const d = Math.max((sdx ? Math.abs(tx - sx) : Math.abs(ty - sy)) / 2, 25);
  ctx.moveTo(sx, sy);
  ctx.bezierCurveTo(sx + sdx * d, sy + sdy * d, tx + tdx * d, ty + tdy * d, tx, ty);
}

/**
 * The zoomed-out canvas, drawn on one <canvas> and redrawn on each pan or zoom frame: the edges
 * (zoomed out, a few hundred SVG edges cost more per frame than the nodes), and in the overview
 * the nodes too, as boxes. Pointer events pass through to the pane, so panning and zooming work
 * as everywhere else on the canvas.
 */
export function CanvasDrawing({ items, edges, boxes: drawBoxes }: { items: ReadonlyMap<string, OverviewItem>; edges: readonly CanvasEdge[]; boxes: boolean }) {
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
      boxes.set(n.id, {
        x: n.position.x,
        y: n.position.y,
        w: n.measured?.width ?? size.width,
        h: n.measured?.height ?? size.height,
        tone: item.tone,
        type: item.type,
      });
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
      // Only what is in view (in flow coordinates): the rest would be drawn for nothing.
      const [left, top, right, bottom] = [-tx / k, -ty / k, (width - tx) / k, (height - ty) / k];
      const outside = (b: Box) => b.x > right || b.x + b.w < left || b.y > bottom || b.y + b.h < top;
      for (const e of edges) {
        const s = boxes.get(e.source);
        const t = boxes.get(e.target);
        if (!s || !t) continue;
        if (
          outside({
            ...s,
            x: Math.min(s.x, t.x),
            y: Math.min(s.y, t.y),
            w: Math.abs(t.x - s.x) + Math.max(s.w, t.w),
            h: Math.abs(t.y - s.y) + Math.max(s.h, t.h),
          })
        )
          continue;
        curve(ctx, s, e.sourceHandle, t, e.targetHandle);
      }
      ctx.stroke();
      if (!drawBoxes) return;
      ctx.lineWidth = 2 / k;
      for (const b of boxes.values()) {
        if (outside(b)) continue;
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
  }, [nodes, items, edges, width, height, store, drawBoxes]);

  return (
    <canvas
      ref={ref}
      className="pointer-events-none absolute inset-0 z-[1]"
      style={{ width, height }}
      {...(drawBoxes
        ? { "data-overview": true, role: "img", "aria-label": `Overview of ${items.size} nodes; zoom in to read and edit them` }
        : { "data-edge-drawing": true, "aria-hidden": true })}
    />
  );
}
