"use client";
import { Background, Controls, MarkerType, ReactFlow, type Edge } from "@xyflow/react";
import { useMemo } from "react";
import type { Chain } from "@/lib/chain";
import { ChainNodeCard, type ChainFlowNode } from "./ChainNodeCard";
import { FindingCallout, type FindingFlowNode } from "./FindingCallout";
import { EDGE_COLOR } from "./health";
import { layoutChain, NODE_W } from "./layout";

const nodeTypes = { chain: ChainNodeCard, finding: FindingCallout };

/** The chain as a read-only graph: nodes coloured by health, the first failing link's finding beside it. */
export function ChainGraph({ chain, selected, onSelect }: { chain: Chain; selected?: string; onSelect: (id: string) => void }) {
  const { nodes, edges } = useMemo(() => {
    const { placed, bottom } = layoutChain(chain);
    const first = chain.firstFailing;
    const nodes: (ChainFlowNode | FindingFlowNode)[] = placed.map(({ node, x, y }) => ({
      id: node.id,
      type: "chain",
      position: { x, y },
      data: { node, first: first?.nodeId === node.id, selected: selected === node.id, onSelect },
      draggable: false,
      selectable: false,
      focusable: false,
    }));
    const edges: Edge[] = chain.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: e.label,
      animated: false,
      focusable: false,
      style: { stroke: EDGE_COLOR[e.health], strokeWidth: first?.edgeId === e.id ? 3 : 1.5 },
      markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_COLOR[e.health] },
      labelStyle: { fontSize: 10 },
      data: { health: e.health },
    }));
    const anchor = first && placed.find((p) => p.node.id === first.nodeId);
    if (first && anchor) {
      nodes.push({
        id: "finding",
        type: "finding",
        position: { x: Math.max(0, anchor.x + NODE_W / 2 - 210), y: bottom + 40 },
        data: { finding: first },
        draggable: false,
        selectable: false,
        focusable: false,
      });
      edges.push({
        id: "finding-edge",
        source: first.nodeId,
        sourceHandle: "below",
        target: "finding",
        style: { stroke: EDGE_COLOR[first.severity], strokeDasharray: "4 3" },
      });
    }
    return { nodes, edges };
  }, [chain, selected, onSelect]);

  return (
    <div
      className="h-[460px] w-full rounded-md border border-slate-200 bg-white"
      role="group"
      aria-label="Chain graph: each object is a button that shows its conditions"
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        minZoom={0.3}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        zoomOnDoubleClick={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
