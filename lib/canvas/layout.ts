// ELK layout input and output. The graph is laid out left to right in layers, keeping the
// model order (rule order is routing precedence, so it must read top to bottom).
import { LAYER_GAP, NODE_SIZE, type CanvasEdge, type CanvasNode, type XY } from "./flow";

export interface ElkInput {
  id: string;
  layoutOptions: Record<string, string>;
  children: { id: string; width: number; height: number; layoutOptions?: Record<string, string> }[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

export interface ElkOutput {
  children?: { id: string; x?: number; y?: number }[];
}

const LAYER: Record<CanvasNode["type"], string> = { gateway: "0", hostname: "1", rule: "2", backend: "3" };

export const ELK_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.layered.crossingMinimization.forceNodeModelOrder": "true",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.spacing.nodeNode": "24",
  "elk.layered.spacing.nodeNodeBetweenLayers": String(LAYER_GAP),
  "elk.partitioning.activate": "true",
};

export function elkInput(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): ElkInput {
  const ids = new Set(nodes.map((n) => n.id));
  return {
    id: "root",
    layoutOptions: ELK_OPTIONS,
    children: nodes.map((n) => ({
      id: n.id,
      ...NODE_SIZE[n.type],
      // Partitions pin each kind to its column even when edges are missing (a rule with no hostname).
      layoutOptions: { "elk.partitioning.partition": LAYER[n.type] },
    })),
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

export function positionsFrom(out: ElkOutput): Map<string, XY> {
  return new Map((out.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}

/** A stable key for the graph's shape: layout is recomputed only when this changes. */
export function shapeKey(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): string {
  return `${nodes.map((n) => n.id).join("|")}#${edges.map((e) => e.id).join("|")}`;
}
