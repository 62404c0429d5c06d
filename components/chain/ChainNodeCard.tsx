"use client";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import type { ChainNode } from "@/lib/chain";
import { HEALTH_TONE, HEALTH_WORD, KIND_LABEL } from "./health";
import { NODE_H, NODE_W } from "./layout";

export type ChainNodeData = { node: ChainNode; first: boolean; selected: boolean; onSelect: (id: string) => void };
export type ChainFlowNode = Node<ChainNodeData, "chain">;

/** One object of the chain: kind, name, a fact or two; a button, so Tab and Enter reach it. */
export function ChainNodeCard({ data }: NodeProps<ChainFlowNode>) {
  const { node, first, selected, onSelect } = data;
  return (
    <>
      <Handle type="target" position={Position.Left} className="!opacity-0" isConnectable={false} />
      {/* The card as seen, and over it the button a keyboard and a screen reader use, named in full
          ("Revision hello-00001: healthy. Show conditions."). */}
      <div
        aria-hidden="true"
        style={{ width: NODE_W, height: NODE_H }}
        className={`flex flex-col items-start overflow-hidden rounded-md border-2 px-2.5 py-1.5 text-left shadow-sm ${HEALTH_TONE[node.health]} ${node.missing ? "border-dashed" : node.predicted ? "border-dotted" : ""} ${first ? "ring-4 ring-red-500 ring-offset-2" : ""} ${selected ? "outline outline-2 outline-offset-2 outline-sky-600" : ""}`}
      >
        <span className="flex w-full items-center justify-between text-[10px] font-semibold uppercase tracking-wide opacity-80">
          {KIND_LABEL[node.kind]}
          <span>
            {node.missing
              ? "missing"
              : node.predicted
                ? node.health === "pending"
                  ? "predicted"
                  : `predicted · ${HEALTH_WORD[node.health]}`
                : HEALTH_WORD[node.health]}
          </span>
        </span>
        <span className="w-full truncate text-sm font-semibold" title={node.name}>
          {node.name}
        </span>
        {node.namespace && <span className="w-full truncate text-[11px] opacity-70">ns {node.namespace}</span>}
        {node.facts.slice(0, 2).map((f) => (
          <span key={f} className="w-full truncate text-[11px] opacity-90" title={f}>
            {f}
          </span>
        ))}
      </div>
      <button
        type="button"
        onClick={() => onSelect(node.id)}
        aria-pressed={selected}
        aria-label={`${KIND_LABEL[node.kind]} ${node.name}${node.missing ? " (missing)" : node.predicted ? " (predicted, not in the folder)" : ""}: ${HEALTH_WORD[node.health]}${first ? ", first failing link" : ""}${node.facts.length ? `; ${node.facts.slice(0, 2).join("; ")}` : ""}. Show conditions.`}
        data-node-id={node.id}
        data-health={node.health}
        data-first-failing={first ? "true" : undefined}
        data-predicted-node={node.predicted ? "true" : undefined}
        title={node.name}
        className="nodrag absolute inset-0 rounded-md focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-300"
      />
      <Handle type="source" position={Position.Right} className="!opacity-0" isConnectable={false} />
      <Handle type="source" id="below" position={Position.Bottom} className="!opacity-0" isConnectable={false} />
    </>
  );
}
