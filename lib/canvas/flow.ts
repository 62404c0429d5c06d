// The RouteGraph as the canvas draws it: typed nodes in four columns (Gateway → hostname →
// rule → backend) and their edges. Plain data in the shape React Flow takes, so it is tested
// here without a browser.
import type { Gateway } from "../gateway/types.generated";
import { graphEdges, graphNodes, type BackendNode, type GraphNode, type ParentNode, type RouteGraph, type RuleNode } from "../graph";
import type { Suggestion } from "../migration";
import { listenerFit, type Fit } from "./gateway-fit";

export type GatewayData = { parent: ParentNode; label: string; found: boolean };
export type HostnameData = { value: string; routeId: string; fits: { gateway: string; fit: Fit }[] };
/** `shadowedBy`: the rules that win this shadowed rule's matches ("team/shop rule 1"). */
export type RuleData = { rule: RuleNode; position: number; count: number; routeLabel: string; shadowed: boolean; shadowedBy?: readonly string[] };
/** `via`: the Host the rule rewrites to (a Knative Service reached through a gateway Service). */
export type BackendData = { backend: BackendNode; via?: string };
/** A hand-written Istio VirtualService on the hostname: read-only, with the HTTPRoute suggested in its place. */
export type VirtualServiceData = { key: string; hosts: readonly string[]; routes: readonly string[]; suggestion: Suggestion };

export type CanvasNode =
  | { id: string; type: "gateway"; position: XY; data: GatewayData; draggable: boolean }
  | { id: string; type: "hostname"; position: XY; data: HostnameData; draggable: boolean }
  | { id: string; type: "rule"; position: XY; data: RuleData; draggable: boolean }
  | { id: string; type: "backend"; position: XY; data: BackendData; draggable: boolean }
  | { id: string; type: "virtualService"; position: XY; data: VirtualServiceData; draggable: boolean };

export type CanvasEdge = { id: string; source: string; target: string; sourceHandle: string; targetHandle: string; label?: string };
export type XY = { x: number; y: number };

export interface FlowOptions {
  readonly gateways: readonly Gateway[];
  readonly shadowed?: ReadonlySet<string>;
  /** Which rules shadow each shadowed rule (RoutingTable.shadowedBy), said on its node. */
  readonly shadowedBy?: ReadonlyMap<string, readonly string[]>;
  readonly readOnly?: boolean;
  /** Show which route each rule belongs to (the hostname view has several). */
  readonly showRoute?: boolean;
}

export const NODE_SIZE = {
  gateway: { width: 170, height: 68 },
  hostname: { width: 190, height: 72 },
  rule: { width: 260, height: 84 },
  backend: { width: 190, height: 80 },
  virtualService: { width: 260, height: 124 },
} as const;
export const LAYER_GAP = 40;
const GAP = 24;
/** Columns before ELK answers; Gateways share the hostname column (see layout.ts). */
export const COLUMN_X = {
  gateway: 0,
  hostname: 0,
  rule: NODE_SIZE.hostname.width + LAYER_GAP,
  backend: NODE_SIZE.hostname.width + NODE_SIZE.rule.width + 2 * LAYER_GAP,
  virtualService: NODE_SIZE.hostname.width + LAYER_GAP,
} as const;

/**
 * Below this zoom, nodes draw as compact labelled boxes: their controls would be too small to
 * read or use, and drawing thousands of them is what makes a large canvas slow.
 */
export const COMPACT_BELOW = 0.5;

type Side = "left" | "right" | "top" | "bottom";
export interface HandleHint {
  id: string;
  type: "source" | "target";
  position: Side;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The handle by which a Gateway leads to the hostnames stacked under it: a bracket on their left. */
export const STACK_HANDLE = "stack";

/**
 * Handles of each kind of node. A Gateway leads to the hostnames stacked under it (left side to
 * left side), or right to the rules of a route without hostnames; everything else flows left to right.
 */
export const HANDLES: Record<CanvasNode["type"], readonly { id: string; type: HandleHint["type"]; position: Side }[]> = {
  gateway: [
    { id: STACK_HANDLE, type: "source", position: "left" },
    { id: "right", type: "source", position: "right" },
  ],
  hostname: [
    { id: STACK_HANDLE, type: "target", position: "left" },
    { id: "right", type: "source", position: "right" },
  ],
  rule: [
    { id: "left", type: "target", position: "left" },
    { id: "right", type: "source", position: "right" },
  ],
  backend: [{ id: "left", type: "target", position: "left" }],
  virtualService: [{ id: "left", type: "target", position: "left" }],
};

/**
 * A node's size and handle places before the browser has measured it (the boxes are drawn at
 * least this tall, handles centred on their sides). With them the canvas can cull nodes off
 * screen from the first frame instead of drawing every node once to measure it.
 */
export type NodeContent =
  | { type: "gateway"; data: GatewayData }
  | { type: "hostname"; data: HostnameData }
  | { type: "rule"; data: RuleData }
  | { type: "backend"; data: BackendData }
  | { type: "virtualService"; data: VirtualServiceData };

const LINE = 16;
/** Routes listed on a VirtualService's node; the rest are counted. */
export const VS_ROUTES_SHOWN = 4;

/**
 * A node's box: fixed width, and the height its content takes (lines of text-xs), which the
 * node is drawn at least as tall as, ELK lays out and culling assumes until it is measured.
 */
export function sizeOf(n: NodeContent): { width: number; height: number } {
  const { width, height } = NODE_SIZE[n.type];
  if (n.type === "hostname") return { width, height: height + LINE * Math.max(0, n.data.fits.length - 1) };
  if (n.type === "backend" && n.data.via) return { width, height: height + LINE };
  if (n.type === "rule" && n.data.shadowedBy?.length) return { width, height: height + LINE };
  if (n.type === "virtualService") return { width, height: height + LINE * Math.min(n.data.routes.length, VS_ROUTES_SHOWN) };
  return { width, height };
}

export function frameOf(n: NodeContent): { initialWidth: number; initialHeight: number; handles: HandleHint[] } {
  const { type } = n;
  const { width, height } = sizeOf(n);
  const place = { left: [0, height / 2], right: [width, height / 2], top: [width / 2, 0], bottom: [width / 2, height] } as const;
  const handles = HANDLES[type].map((h) => ({ ...h, x: place[h.position][0] - 3, y: place[h.position][1] - 3, width: 6, height: 6 }));
  return { initialWidth: width, initialHeight: height, handles };
}

const pct = (n: number) => `${Math.round(n * 10) / 10} %`;

function routeLabels(graph: RouteGraph): Map<string, string> {
  return new Map(graph.entries.map((e) => [e.ids.route, `${e.route.metadata?.namespace ?? ""}/${e.route.metadata?.name ?? ""}`]));
}

/** Nodes and edges, placed in columns (the layout ELK refines, and what shows until it answers). */
export function toFlow(graph: RouteGraph, opts: FlowOptions): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const all: GraphNode[] = graphNodes(graph);
  const parents = all.filter((n): n is ParentNode => n.kind === "parent");
  const parentsOf = (routeId: string) => parents.filter((p) => p.routeId === routeId);
  const ruleCount = new Map<string, number>();
  const rulesById = new Map<string, RuleNode>();
  for (const n of all) {
    if (n.kind !== "rule") continue;
    ruleCount.set(n.routeId, (ruleCount.get(n.routeId) ?? 0) + 1);
    rulesById.set(n.id, n);
  }
  const labels = opts.showRoute ? routeLabels(graph) : undefined;
  const y = { hostname: 0, rule: 0, backend: 0 };
  const next = (type: CanvasNode["type"], height: number = NODE_SIZE[type].height): XY => {
    const col = type === "gateway" ? "hostname" : type === "virtualService" ? "rule" : type;
    const at = { x: COLUMN_X[type], y: y[col] };
    y[col] += height + GAP;
    return at;
  };
  const editable = !opts.readOnly;
  const nodes: CanvasNode[] = [];
  for (const n of all) {
    switch (n.kind) {
      case "parent": {
        const found = opts.gateways.some((g) => g.metadata?.name === n.name && g.metadata?.namespace === n.namespace);
        const label = `${n.parentKind} ${n.namespace}/${n.name}${n.sectionName ? ` · ${n.sectionName}` : ""}${n.port ? ` :${n.port}` : ""}`;
        nodes.push({ id: n.id, type: "gateway", position: next("gateway"), data: { parent: n, label, found }, draggable: false });
        break;
      }
      case "hostname": {
        const fits = parentsOf(n.routeId).map((p) => ({ gateway: `${p.namespace}/${p.name}`, fit: listenerFit(n.value, p, opts.gateways) }));
        const data = { value: n.value, routeId: n.routeId, fits };
        nodes.push({ id: n.id, type: "hostname", position: next("hostname", sizeOf({ type: "hostname", data }).height), data, draggable: false });
        break;
      }
      case "rule": {
        const by = opts.shadowedBy?.get(n.id);
        const data: RuleData = {
          rule: n,
          position: n.index,
          count: ruleCount.get(n.routeId) ?? 1,
          routeLabel: labels?.get(n.routeId) ?? "",
          shadowed: opts.shadowed?.has(n.id) ?? false,
          ...(by !== undefined && by.length > 0 && { shadowedBy: by }),
        };
        nodes.push({ id: n.id, type: "rule", position: next("rule", sizeOf({ type: "rule", data }).height), data, draggable: editable });
        break;
      }
      case "backend": {
        // A rule that rewrites the Host to a Knative Service's cluster-local name reaches that
        // Service through the gateway it names as backend: say which Service it is.
        const rewrite = rulesById.get(n.ruleId)?.filters.find((f) => f.type === "URLRewrite")?.urlRewrite?.hostname;
        const data = { backend: n, via: rewrite };
        nodes.push({ id: n.id, type: "backend", position: next("backend", sizeOf({ type: "backend", data }).height), data, draggable: editable });
        break;
      }
      case "route":
        break;
    }
  }
  const byId = new Map(all.map((n) => [n.id, n]));
  const edges: CanvasEdge[] = graphEdges(graph).map((e) => {
    const target = byId.get(e.target);
    const label = target?.kind === "backend" ? pct((target as BackendNode).percent) : undefined;
    const down = byId.get(e.source)?.kind === "parent" && target?.kind === "hostname";
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: down ? STACK_HANDLE : "right",
      targetHandle: down ? STACK_HANDLE : "left",
      ...(label !== undefined && { label }),
    };
  });
  return { nodes, edges };
}

/** The rule order implied by where the user dropped a rule: top to bottom within its route. */
export function ruleIndexAtY(rules: readonly { id: string; y: number; routeId: string }[], movedId: string): number {
  const moved = rules.find((r) => r.id === movedId);
  if (!moved) return -1;
  const same = rules.filter((r) => r.routeId === moved.routeId).sort((a, b) => a.y - b.y);
  return same.findIndex((r) => r.id === movedId);
}

export function isRuleData(d: unknown): d is RuleData {
  return typeof d === "object" && d !== null && "rule" in d;
}
