// Positions for the chain graph: a column per link of the chain, read left to right as the
// traffic's path is described (KSvc → Route → KIngress → HTTPRoute → Gateway → class), with the
// Configuration and Revisions above and the backend Services below. Deterministic, so a live
// update never moves what the user is looking at.
import type { Chain, ChainNode, NodeKind } from "@/lib/chain";

export const NODE_W = 200;
export const NODE_H = 96;
const COL = 265;
const ROW = 120;

/** [column, band]: bands order nodes inside a column (0 above the main line, 1 main, 2 below). */
const PLACE: Record<NodeKind, [number, number]> = {
  KnativeService: [0, 1],
  Configuration: [1, 0],
  Revision: [2, 0],
  Route: [1, 1],
  KIngress: [2, 1],
  HTTPRoute: [3, 1],
  VirtualService: [3, 1],
  Gateway: [4, 1],
  IstioGateway: [4, 1],
  GatewayService: [5, 1],
  Service: [4, 2],
  GatewayClass: [5, 1],
};

export interface Placed {
  node: ChainNode;
  x: number;
  y: number;
}

export function layoutChain(chain: Chain): { placed: Placed[]; bottom: number } {
  const shift = chain.root.kind === "HTTPRoute" ? 3 : 0;
  const cols = new Map<number, ChainNode[]>();
  for (const n of chain.nodes) {
    const [c] = PLACE[n.kind];
    const list = cols.get(c) ?? [];
    list.push(n);
    cols.set(c, list);
  }
  const placed: Placed[] = [];
  let bottom = 0;
  for (const [c, list] of cols) {
    list.sort((a, b) => PLACE[a.kind][1] - PLACE[b.kind][1] || a.name.localeCompare(b.name));
    list.forEach((node, i) => {
      const y = i * ROW;
      bottom = Math.max(bottom, y + NODE_H);
      placed.push({ node, x: (c - shift) * COL, y });
    });
  }
  return { placed, bottom };
}
