"use client";
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type OnSelectionChangeParams,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { connectHostname, deleteElements, moveBackendTo, reorderRule, addNewRule } from "@/lib/canvas/edits";
import { ruleIndexAtY, type CanvasEdge, type CanvasNode } from "@/lib/canvas/flow";
import type { RouteGraph } from "@/lib/graph";
import { PALETTE_MIME, useCanvasActions } from "./canvas-context";
import { BackendNode } from "./nodes/BackendNode";
import { GatewayNode } from "./nodes/GatewayNode";
import { HostnameNode } from "./nodes/HostnameNode";
import { RuleNode } from "./nodes/RuleNode";
import { useElkLayout } from "./useElkLayout";

const NODE_TYPES = { gateway: GatewayNode, hostname: HostnameNode, rule: RuleNode, backend: BackendNode };

export interface FlowCanvasProps {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** The route new rules go to (the editor's route). */
  routeId?: string;
  selected?: string;
  onSelect?: (id: string | undefined) => void;
  label: string;
  /** Nodes may be moved around to look, even read-only (moves change nothing in the routes). */
  arrangeable?: boolean;
}

function Canvas({ nodes: base, edges, routeId, selected, onSelect, label, arrangeable = false }: FlowCanvasProps) {
  const { readOnly, edit } = useCanvasActions();
  const layout = useElkLayout(base, edges);
  const flow = useReactFlow();
  const place = useCallback(
    (): Node[] => base.map((n) => ({ ...n, position: layout.positions.get(n.id) ?? n.position, selected: n.id === selected, ...(arrangeable && { draggable: true }) }) as Node),
    [base, layout, selected, arrangeable],
  );
  const [nodes, setNodes] = useState<Node[]>(place);
  useEffect(() => setNodes(place()), [place]);
  // Fit the view when ELK has placed a graph with more or fewer nodes than the last fit: the
  // whole route stays in sight as it grows, while edits that keep the shape do not move the view.
  const fittedFor = useRef(-1);
  useEffect(() => {
    if (layout.status !== "elk" || fittedFor.current === layout.positions.size) return;
    fittedFor.current = layout.positions.size;
    // After React has drawn the new positions, not before.
    const t = window.setTimeout(() => void flow.fitView({ padding: 0.1, maxZoom: 1 }), 30);
    return () => window.clearTimeout(t);
  }, [layout, flow]);
  const rfEdges = useMemo(
    () => edges.map((e): Edge => ({ ...e, ...(e.label !== undefined && { labelBgPadding: [4, 2] as [number, number] }) })),
    [edges],
  );

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    // Removal goes through the graph (onNodesDelete), never straight to the drawing.
    setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== "remove"), ns));
  }, []);

  const onNodeDragStop = useCallback(
    (_: unknown, node: Node) => {
      if (readOnly) return;
      if (node.type === "backend") {
        const target = flow.getIntersectingNodes(node).find((n) => n.type === "rule");
        if (target) edit((g: RouteGraph) => moveBackendTo(g, node.id, target.id));
        else setNodes(place());
      } else if (node.type === "rule") {
        const rules = flow.getNodes().filter((n) => n.type === "rule").map((n) => ({
          id: n.id,
          y: n.id === node.id ? node.position.y : n.position.y,
          routeId: String((n.data as { rule: { routeId: string } }).rule.routeId),
        }));
        const to = ruleIndexAtY(rules, node.id);
        edit((g) => reorderRule(g, node.id, to));
        setNodes(place());
      }
    },
    [readOnly, flow, edit, place],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const source = base.find((n) => n.id === c.source);
      const target = base.find((n) => n.id === c.target);
      if (source?.type === "hostname" && target?.type === "rule") edit((g) => connectHostname(g, source.data.value, target.id));
    },
    [base, edit],
  );

  const onDrop = (e: DragEvent) => {
    const raw = e.dataTransfer.getData(PALETTE_MIME);
    if (!raw || readOnly || !routeId) return;
    e.preventDefault();
    if ((JSON.parse(raw) as { kind: string }).kind === "NewRule") edit((g) => addNewRule(g, routeId));
  };

  return (
    <div
      className="h-full w-full"
      data-layout={layout.status}
      data-node-count={base.length}
      onDragOver={(e) => {
        if (!readOnly && e.dataTransfer.types.includes(PALETTE_MIME)) e.preventDefault();
      }}
      onDrop={onDrop}
    >
      <ReactFlow
        aria-label={label}
        nodes={nodes}
        edges={rfEdges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onNodesDelete={(ns) => edit((g) => deleteElements(g, ns.map((n) => n.id)))}
        onConnect={onConnect}
        isValidConnection={(c) => base.find((n) => n.id === c.source)?.type === "hostname" && base.find((n) => n.id === c.target)?.type === "rule"}
        onSelectionChange={({ nodes: sel }: OnSelectionChangeParams) => onSelect?.(sel[0]?.id)}
        deleteKeyCode={readOnly ? null : ["Delete", "Backspace"]}
        nodesConnectable={!readOnly}
        nodesDraggable={!readOnly || arrangeable}
        onlyRenderVisibleElements={base.length > 300}
        minZoom={0.05}
        fitView
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} />
        <Controls aria-label="Zoom and fit" showInteractive={false} />
        {/* The minimap redraws every node on every pan frame: past a thousand nodes it costs more than it shows. */}
        {base.length <= 1000 && <MiniMap pannable zoomable ariaLabel="Minimap of the canvas" style={{ width: 140, height: 90 }} />}
      </ReactFlow>
    </div>
  );
}

/** The canvas: React Flow with ELK positions; every change is an edit of the graph. */
export function FlowCanvas(props: FlowCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
