// ELK layout input and output. The graph is laid out left to right in layers, keeping the
// model order (rule order is routing precedence, so it must read top to bottom).
//
// A route's Gateways stand above its hostnames, in the hostname column, rather than in a
// column of their own: that column would cost a quarter of the canvas's width (and so of its
// zoom) to show one box per route. ELK lays out the first hostname as tall as the stack; the
// Gateways are then placed in the space it kept for them.
import { LAYER_GAP, sizeOf, type CanvasEdge, type CanvasNode, type XY } from "./flow";

export interface ElkInput {
  id: string;
  layoutOptions: Record<string, string>;
  children: { id: string; width: number; height: number; layoutOptions?: Record<string, string> }[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

export interface ElkOutput {
  children?: { id: string; x?: number; y?: number }[];
}

/** Gateways drawn above a hostname, top to bottom (each at its offset), and the height they take, gaps included. */
export interface Stack {
  readonly gateways: readonly { id: string; y: number }[];
  readonly height: number;
}

/** What ELK is given, and the stacks to unfold from its answer. */
export interface ElkPlan {
  readonly graph: ElkInput;
  /** By the id of the hostname each stack stands on. */
  readonly stacks: ReadonlyMap<string, Stack>;
}

const LAYER: Record<CanvasNode["type"], string> = { gateway: "0", hostname: "0", rule: "1", backend: "2", virtualService: "1" };
export const STACK_GAP = 16;

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

/** Each Gateway that leads to hostnames, stacked on the first hostname it leads to. */
function stacksOf(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): Map<string, Stack> {
  const type = new Map(nodes.map((n) => [n.id, n.type]));
  const firstHost = new Map<string, string>();
  for (const e of edges) {
    if (type.get(e.source) === "gateway" && type.get(e.target) === "hostname" && !firstHost.has(e.source)) firstHost.set(e.source, e.target);
  }
  const stacks = new Map<string, Stack>();
  for (const n of nodes) {
    const host = n.type === "gateway" ? firstHost.get(n.id) : undefined;
    if (!host) continue;
    const s = stacks.get(host) ?? { gateways: [], height: 0 };
    stacks.set(host, { gateways: [...s.gateways, { id: n.id, y: s.height }], height: s.height + sizeOf(n).height + STACK_GAP });
  }
  return stacks;
}

export function elkInput(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): ElkPlan {
  const stacks = stacksOf(nodes, edges);
  const stacked = new Set([...stacks.values()].flatMap((s) => s.gateways.map((g) => g.id)));
  const ids = new Set(nodes.filter((n) => !stacked.has(n.id)).map((n) => n.id));
  return {
    stacks,
    graph: {
      id: "root",
      layoutOptions: ELK_OPTIONS,
      children: nodes
        .filter((n) => ids.has(n.id))
        .map((n) => ({
          id: n.id,
          width: sizeOf(n).width,
          height: sizeOf(n).height + (stacks.get(n.id)?.height ?? 0),
          // Partitions pin each kind to its column even when edges are missing (a rule with no hostname).
          layoutOptions: { "elk.partitioning.partition": LAYER[n.type] },
        })),
      edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
    },
  };
}

export function positionsFrom(out: ElkOutput, stacks: ReadonlyMap<string, Stack> = new Map()): Map<string, XY> {
  const at = new Map<string, XY>();
  for (const c of out.children ?? []) {
    const x = c.x ?? 0;
    const y = c.y ?? 0;
    const stack = stacks.get(c.id);
    at.set(c.id, { x, y: y + (stack?.height ?? 0) });
    for (const g of stack?.gateways ?? []) at.set(g.id, { x, y: y + g.y });
  }
  return at;
}

/** A stable key for the graph's shape: layout is recomputed only when this changes. */
export function shapeKey(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): string {
  return `${nodes.map((n) => n.id).join("|")}#${edges.map((e) => e.id).join("|")}`;
}
