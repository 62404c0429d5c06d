"use client";
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  useStore,
  useStoreApi,
  getNodesBounds,
  getViewportForBounds,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type OnSelectionChangeParams,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type FocusEvent, type KeyboardEvent } from "react";
import { connectHostname, deleteElements, moveBackendTo, reorderRule, addNewRule } from "@/lib/canvas";
import { frameOf, ruleIndexAtY, sameNode, STACK_HANDLE, type CanvasEdge, type CanvasNode } from "@/lib/canvas";
import { edgeNames, isArrow, nodeToward, nodeWords, OVERVIEW_BELOW, toneOf } from "@/lib/canvas";
import type { RouteGraph } from "@/lib/graph";
import { PALETTE_MIME, useCanvasActions } from "./canvas-context";
import { usePinnedProblems } from "./editor-context";
import { BackendNode } from "./nodes/BackendNode";
import { VirtualServiceNode } from "./nodes/VirtualServiceNode";
import { GatewayNode } from "./nodes/GatewayNode";
import { HostnameNode } from "./nodes/HostnameNode";
import { RuleNode } from "./nodes/RuleNode";
import { useCompact } from "./nodes/useCompact";
import { CanvasDrawing, type OverviewItem } from "./CanvasDrawing";
import { useElkLayout } from "./useElkLayout";
import { WeightEdge } from "./WeightEdge";

const NODE_TYPES = { gateway: GatewayNode, hostname: HostnameNode, rule: RuleNode, backend: BackendNode, virtualService: VirtualServiceNode };
const EDGE_TYPES = { weight: WeightEdge };
const expected = (n: CanvasNode) => {
  const f = frameOf(n);
  return { ...f, measured: { width: f.initialWidth, height: f.initialHeight } };
};
/** Where a large canvas starts before its first fit: zoomed out, so nothing is drawn in full only to be thrown away. */
const LARGE = 300;

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
  /** Nodes a tested request goes through (the request tester), drawn outlined with their edges. */
  highlighted?: ReadonlySet<string>;
}

const NO_HIGHLIGHT: ReadonlySet<string> = new Set();
/** On React Flow's own node wrapper, so full and compact nodes get the same outline. */
const TESTED_NODE = "rounded-md ring-4 ring-sky-500 ring-offset-2";
const TESTED_EDGE = { stroke: "#0284c7", strokeWidth: 3 };

function Canvas({ nodes: base, edges, routeId, selected, onSelect, label, arrangeable = false, highlighted = NO_HIGHLIGHT }: FlowCanvasProps) {
  const { readOnly, edit } = useCanvasActions();
  const problems = usePinnedProblems();
  const layout = useElkLayout(base, edges);
  const flow = useReactFlow();
  // Three levels of detail by zoom: full nodes, compact boxes, and one drawing of the whole graph.
  const overview = useStore((s) => s.transform[2] < OVERVIEW_BELOW);
  const compact = useCompact();
  // Nodes keep what the browser measured of them; those never drawn yet carry their expected
  // frame, so React Flow can cull them off screen without drawing them first. The frame counts
  // as measured: a node that mounts at that size (most do) then costs React Flow no update,
  // which is what keeps panning smooth while nodes come into view.
  // The node that takes the canvas's Tab stop: the last one focused or selected while it exists, else the first.
  const [current, setCurrent] = useState<string>();
  const roving = [current, selected].find((id) => id !== undefined && base.some((n) => n.id === id)) ?? base[0]?.id;
  const place = useCallback(
    (prev: readonly Node[]): Node[] => {
      const before = new Map(prev.map((n) => [n.id, n]));
      return base.map((n) => {
        const old = before.get(n.id);
        const m = old?.measured;
        const tested = highlighted.has(n.id);
        const next = {
          ...n,
          ...(tested && { className: TESTED_NODE, domAttributes: { "data-tested": "true" } }),
          ...(m?.width !== undefined ? { measured: m } : expected(n)),
          position: layout.positions.get(n.id) ?? n.position,
          selected: n.id === selected,
          // One Tab stop for the canvas (a roving tabindex); arrows move it between nodes.
          focusable: n.id === roving,
          // What a screen reader says as arrows reach the node.
          ariaLabel: nodeWords(n),
          hidden: overview,
          ...(arrangeable && { draggable: true }),
        } as Node;
        // The previous object for a node that draws the same, so React Flow skips it.
        return old && sameNode(old, next) ? old : next;
      });
    },
    [base, layout, selected, arrangeable, overview, highlighted, roving],
  );
  const [nodes, setNodes] = useState<Node[]>(() => place([]));
  // Placed again in the same render when what places them changes (no effect, so no frame drawn with the old nodes).
  const [placedWith, setPlacedWith] = useState(() => place);
  if (placedWith !== place) {
    setPlacedWith(() => place);
    setNodes(place);
  }
  const overviewItems = useMemo(
    () => new Map(base.map((n): [string, OverviewItem] => [n.id, { id: n.id, type: n.type, tone: toneOf(n, (problems?.get(n.id)?.length ?? 0) > 0) }])),
    [base, problems],
  );
  // Fit the view once on the column layout, then whenever ELK has placed a graph with more or
  // fewer nodes than the last fit: the whole route stays in sight as it grows, while edits that
  // keep the shape do not move the view. Bounds come from the layout, not from what was drawn
  // (React Flow's fitView counts only measured nodes, and off-screen nodes are never drawn).
  const storeApi = useStoreApi();
  const fitAll = useCallback((): boolean => {
    const { width, height, minZoom } = storeApi.getState();
    const placed = flow.getNodes();
    if (!width || !height || placed.length === 0) return false;
    void flow.setViewport(getViewportForBounds(getNodesBounds(placed), width, height, minZoom, 1, 0.1));
    return true;
  }, [flow, storeApi]);
  const fittedFor = useRef<number | undefined>(undefined);
  useEffect(() => {
    const key = layout.status === "elk" ? layout.positions.size : -1;
    if (fittedFor.current === key) return;
    // After React has drawn the new positions, not before.
    const t = window.setTimeout(() => {
      if (fitAll()) fittedFor.current = key;
    }, 30);
    return () => window.clearTimeout(t);
  }, [layout, fitAll, nodes.length]);
  // Zoomed out, the drawing has the edges (their weight labels would be unreadable there):
  // React Flow would keep an SVG edge per visible edge, which costs more per pan frame than the nodes.
  // A Gateway's edges to its stacked hostnames are a bracket on their left (smooth steps).
  // Edges are not Tab stops (the nodes are); a screen reader hears them named in words.
  const names = useMemo(() => edgeNames(base, edges), [base, edges]);
  const rfEdges = useMemo(
    () =>
      compact
        ? []
        : edges.map((e): Edge => {
            const type = e.sourceHandle === STACK_HANDLE ? "smoothstep" : "weight";
            const named = { ...e, type, ariaLabel: names.get(e.id) ?? "" };
            return highlighted.has(e.source) && highlighted.has(e.target) ? { ...named, animated: true, style: TESTED_EDGE, zIndex: 1 } : named;
          }),
    [edges, compact, highlighted, names],
  );

  // Memoised, as React Flow asks: a new handler each render makes it report the selection again.
  const onSelectionChange = useCallback(
    ({ nodes: sel }: OnSelectionChangeParams) => {
      const id = sel[0]?.id;
      if (id !== selected) onSelect?.(id);
    },
    [onSelect, selected],
  );

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    // Removal goes through the graph (onNodesDelete), never straight to the drawing.
    setNodes((ns) =>
      applyNodeChanges(
        changes.filter((c) => c.type !== "remove"),
        ns,
      ),
    );
  }, []);

  const onNodeDragStop = useCallback(
    (_: unknown, node: Node) => {
      if (readOnly) return;
      if (node.type === "backend") {
        const target = flow.getIntersectingNodes(node).find((n) => n.type === "rule");
        if (target) edit((g: RouteGraph) => moveBackendTo(g, node.id, target.id));
        else setNodes(place);
      } else if (node.type === "rule") {
        const rules = flow
          .getNodes()
          .filter((n) => n.type === "rule")
          .map((n) => ({
            id: n.id,
            y: n.id === node.id ? node.position.y : n.position.y,
            routeId: String((n.data as { rule: { routeId: string } }).rule.routeId),
          }));
        const to = ruleIndexAtY(rules, node.id);
        edit((g) => reorderRule(g, node.id, to));
        setNodes(place);
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

  // Arrows on a focused node move the Tab stop to the nearest node that way, panning to it if it
  // is off screen. Taken before React Flow's own handler, which would move a selected node.
  const onKeyDownCapture = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement;
    if (!isArrow(e.key) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !el.classList.contains("react-flow__node")) return;
    e.preventDefault();
    e.stopPropagation();
    const from = el.dataset.id ?? "";
    const boxes = base.map((n) => {
      const f = frameOf(n);
      return { id: n.id, ...(layout.positions.get(n.id) ?? n.position), width: f.initialWidth, height: f.initialHeight };
    });
    const to = nodeToward(boxes, from, e.key);
    const box = boxes.find((b) => b.id === to);
    if (!to || !box) return;
    setCurrent(to);
    const { transform, width, height } = storeApi.getState();
    const [tx, ty, zoom] = transform;
    const sx = box.x * zoom + tx;
    const sy = box.y * zoom + ty;
    if (sx < 0 || sy < 0 || sx + box.width * zoom > width || sy + box.height * zoom > height)
      void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom });
    // Focused once drawn with its Tab stop (off-screen nodes are drawn once panned to).
    let frames = 0;
    const focus = () => {
      const next = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(to)}"][tabindex="0"]`);
      if (next) next.focus();
      else if (frames++ < 30) requestAnimationFrame(focus);
    };
    requestAnimationFrame(focus);
  };
  const onFocusCapture = (e: FocusEvent) => {
    const el = e.target as HTMLElement;
    const id = el.closest<HTMLElement>(".react-flow__node")?.dataset.id;
    if (id !== undefined && id !== current) setCurrent(id);
  };

  const onDrop = (e: DragEvent) => {
    const raw = e.dataTransfer.getData(PALETTE_MIME);
    if (!raw || readOnly || !routeId) return;
    e.preventDefault();
    if ((JSON.parse(raw) as { kind: string }).kind === "NewRule") edit((g) => addNewRule(g, routeId));
  };

  return (
    <div
      className="h-full w-full"
      onKeyDownCapture={onKeyDownCapture}
      onFocusCapture={onFocusCapture}
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
        edgeTypes={EDGE_TYPES}
        defaultViewport={base.length > LARGE ? { x: 0, y: 0, zoom: OVERVIEW_BELOW / 2 } : undefined}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onNodesDelete={(ns) =>
          edit((g) =>
            deleteElements(
              g,
              ns.map((n) => n.id),
            ),
          )
        }
        onConnect={onConnect}
        isValidConnection={(c) => base.find((n) => n.id === c.source)?.type === "hostname" && base.find((n) => n.id === c.target)?.type === "rule"}
        onSelectionChange={onSelectionChange}
        deleteKeyCode={readOnly ? null : ["Delete", "Backspace"]}
        nodesConnectable={!readOnly}
        edgesFocusable={false}
        nodesDraggable={!readOnly || arrangeable}
        onlyRenderVisibleElements={base.length > LARGE}
        minZoom={0.05}
        proOptions={{ hideAttribution: true }}
      >
        {/* Zoomed out the dots crowd into a texture that costs a repaint of the whole pane per frame. */}
        {!compact && <Background gap={16} />}
        {compact && <CanvasDrawing items={overviewItems} edges={edges} boxes={overview} />}
        {overview && (
          <>
            <Panel position="top-center" className="whitespace-nowrap rounded bg-white/90 px-2 py-1 text-xs text-slate-700 shadow-sm" data-overview-hint>
              Overview of {base.length} nodes: scroll or double-click to zoom in and edit
            </Panel>
          </>
        )}
        <Controls aria-label="Zoom and fit" showInteractive={false} showFitView={false}>
          <ControlButton onClick={fitAll} title="Fit the whole graph in view" aria-label="Fit view">
            <svg viewBox="0 0 32 30" aria-hidden="true">
              <path d="M3.7 11.3V3.7h7.6V0H0v11.3zM20.7 0v3.7h7.6v7.6H32V0zM28.3 26.3h-7.6V30H32V18.7h-3.7zM3.7 18.7H0V30h11.3v-3.7H3.7z" />
            </svg>
          </ControlButton>
        </Controls>
        {/* The minimap redraws every node on every pan frame: past a thousand nodes it costs more than
            it shows. In the overview the canvas is its own map. */}
        {base.length <= 1000 && !overview && <MiniMap pannable zoomable ariaLabel="Minimap of the canvas" style={{ width: 140, height: 90 }} />}
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
