"use client";
import type { HTMLAttributes, ReactNode } from "react";
import type { NODE_SIZE } from "@/lib/canvas";

const TONE = {
  gateway: "border-slate-400 bg-slate-100 text-slate-900",
  hostname: "border-sky-400 bg-sky-100 text-sky-950",
  rule: "border-slate-400 bg-white text-slate-900",
  backend: "border-emerald-400 bg-emerald-100 text-emerald-950",
  virtualService: "border-violet-400 bg-violet-100 text-violet-950",
} as const;

export interface CompactNodeProps extends HTMLAttributes<HTMLDivElement> {
  type: keyof typeof NODE_SIZE;
  /** The node's box (sizeOf): compact, the node takes exactly the room laid out for it. */
  size: { width: number; height: number };
  title: string;
  detail?: ReactNode;
  problems?: readonly string[];
  /** Drawn in amber: something to look at that is not an error (a shadowed rule, a missing Gateway). */
  warn?: boolean;
}

/**
 * A node as seen zoomed out: the same box, one large label and a problem count. Large text so
 * that what identifies a node stays legible at the zoom a whole route fits in. Kept cheap to
 * paint, since a pan brings many into view at once: no handles (the canvas draws the edges at
 * this zoom), one clip for the box rather than one per line.
 */
export function CompactNode({ type, size, title, detail, problems = [], warn = false, className = "", ...attrs }: CompactNodeProps) {
  const tone = problems.length ? "border-red-500 bg-red-50 text-red-950" : warn ? "border-amber-500 bg-amber-50 text-amber-950" : TONE[type];
  return (
    <div {...attrs} className={`relative flex flex-col justify-center overflow-hidden rounded-md border-2 px-3 ${tone} ${className}`} style={size} data-compact>
      <p className="whitespace-nowrap font-mono text-[32px] font-semibold leading-tight" title={title}>
        {title}
      </p>
      {detail !== undefined && <p className="whitespace-nowrap text-[20px] leading-tight">{detail}</p>}
      {problems.length > 0 && (
        <span className="absolute right-1 top-1 rounded-full bg-red-600 px-2 text-[20px] font-semibold text-white" title={problems.join("\n")} data-problems>
          ⚠ {problems.length}
          <span className="sr-only">
            {" "}
            problem{problems.length === 1 ? "" : "s"}: {problems.join("; ")}
          </span>
        </span>
      )}
    </div>
  );
}
