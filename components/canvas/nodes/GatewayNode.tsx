"use client";
import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import type { GatewayData } from "@/lib/canvas/flow";

export function GatewayNode({ data }: NodeProps<Node<GatewayData, "gateway">>) {
  return (
    <div
      className={`w-[200px] rounded-md border px-3 py-2 text-xs shadow-sm ${data.found ? "border-slate-300 bg-slate-50" : "border-amber-400 bg-amber-50"}`}
      aria-label={`Parent ${data.label}${data.found ? "" : ", not found in the cluster"}`}
      data-gateway={`${data.parent.namespace}/${data.parent.name}`}
    >
      <p className="font-semibold text-slate-700">Gateway</p>
      <p className="truncate font-mono" title={data.label}>{data.label.replace(/^Gateway /, "")}</p>
      {!data.found && <p className="text-amber-800">not found in the cluster</p>}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
