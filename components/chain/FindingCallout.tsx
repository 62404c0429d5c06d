"use client";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import type { Finding } from "@/lib/chain";

export type FindingNodeData = { finding: Finding };
export type FindingFlowNode = Node<FindingNodeData, "finding">;

export const CALLOUT_W = 420;

/** The first failing link's finding, drawn beside it in the graph. */
export function FindingCallout({ data }: NodeProps<FindingFlowNode>) {
  const f = data.finding;
  const tone = f.severity === "error" ? "border-red-400 bg-white text-red-900" : "border-amber-400 bg-white text-amber-900";
  return (
    <>
      <Handle type="target" position={Position.Top} className="!opacity-0" isConnectable={false} />
      <div style={{ width: CALLOUT_W }} className={`rounded-md border-2 px-3 py-2 text-xs shadow ${tone}`} data-callout={f.code}>
        <p className="font-semibold">{f.title}</p>
        <p className="mt-1 text-slate-700">
          <span className="font-medium">Next: </span>
          {f.next}
        </p>
      </div>
    </>
  );
}
