"use client";
import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import type { HostnameData } from "@/lib/canvas/flow";
import { useCanvasActions } from "../canvas-context";
import { Problems } from "./Problems";

const FIT_TEXT = { fits: "fits a listener", "no-listener": "no listener takes this host", "gateway-missing": "Gateway not found" } as const;

export function HostnameNode({ id, data }: NodeProps<Node<HostnameData, "hostname">>) {
  const { readOnly, problemsOf } = useCanvasActions();
  return (
    <div className="w-[220px] rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-xs shadow-sm" data-hostname={data.value}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <p className="font-semibold text-sky-900">Hostname</p>
      <p className="truncate font-mono text-sm" title={data.value}>{data.value}</p>
      {data.fits.map((f) => (
        <p key={f.gateway} className={f.fit === "fits" ? "text-emerald-700" : "text-amber-800"} data-fit={f.fit}>
          {f.gateway}: {FIT_TEXT[f.fit]}
        </p>
      ))}
      <Problems messages={problemsOf(id)} />
      <Handle type="source" position={Position.Right} isConnectable={!readOnly} aria-label={`Connect ${data.value} to a rule`} />
    </div>
  );
}
