// Collects nodes, links and findings while the resolvers walk the objects, then orders the
// findings and picks the first failing link.
import type { KubeObject } from "../k8s/meta";
import { conditionsOf, healthRank, observedGenerationOf, worst } from "./conditions";
import { isPredicted } from "./predicted-objects";
import type { Chain, ChainEdge, ChainNode, ChainOptions, ChainRoot, Finding, Health, NodeKind } from "./types";

export function nodeId(kind: NodeKind, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ""}/${name}`;
}

export interface ChainBuilder {
  readonly options: ChainOptions;
  /** Adds (once) the node for an object, or a missing placeholder when obj is undefined. */
  node(kind: NodeKind, namespace: string | undefined, name: string, depth: number, obj: KubeObject | undefined, health?: Health): ChainNode;
  edge(source: ChainNode, target: ChainNode, label?: string): ChainEdge;
  finding(f: Omit<Finding, "symptom"> & { symptom?: boolean }): void;
  has(id: string): boolean;
  finish(root: ChainRoot, found: boolean): Chain;
}

export function chainBuilder(options: ChainOptions = {}): ChainBuilder {
  const nodes = new Map<string, ChainNode>();
  const edges = new Map<string, ChainEdge>();
  const findings: Finding[] = [];
  return {
    options,
    node(kind, namespace, name, depth, obj, health) {
      const id = nodeId(kind, namespace, name);
      const existing = nodes.get(id);
      if (existing) return existing;
      const n: ChainNode = {
        id,
        kind,
        namespace,
        name,
        missing: obj === undefined,
        depth,
        health: health ?? (obj ? "ok" : "error"),
        facts: [],
        conditions: conditionsOf(obj),
        generation: obj?.metadata.generation,
        observedGeneration: observedGenerationOf(obj),
        ...(isPredicted(obj) && { predicted: true }),
      };
      nodes.set(id, n);
      return n;
    },
    edge(source, target, label) {
      const id = `${source.id}->${target.id}`;
      const existing = edges.get(id);
      if (existing) return existing;
      const e: ChainEdge = { id, source: source.id, target: target.id, label, health: "ok" };
      edges.set(id, e);
      return e;
    },
    finding(f) {
      if (findings.some((x) => x.code === f.code && x.nodeId === f.nodeId && x.title === f.title)) return;
      findings.push({ ...f, symptom: f.symptom ?? false });
    },
    has: (id) => nodes.has(id),
    finish(root, found) {
      const depth = (f: Finding) => nodes.get(f.nodeId)?.depth ?? 99;
      // A node's health is its own verdict made worse by what was found about it.
      for (const f of findings) {
        const n = nodes.get(f.nodeId);
        if (n) n.health = worst(n.health, f.severity);
        const e = f.edgeId ? edges.get(f.edgeId) : undefined;
        if (e) e.health = worst(e.health, f.severity);
      }
      for (const e of edges.values()) {
        const target = nodes.get(e.target);
        if (target?.missing) e.health = worst(e.health, target.health);
      }
      const severityRank = (f: Finding) => (f.severity === "error" ? 0 : 1);
      // Causes go first, in chain order. Symptoms come after, the deepest first: the deeper a
      // symptom sits, the closer it is to the cause nobody has named yet.
      const sorted = [...findings].sort(
        (a, b) => severityRank(a) - severityRank(b) || Number(a.symptom) - Number(b.symptom) || (a.symptom ? depth(b) - depth(a) : depth(a) - depth(b)),
      );
      const firstFailing = sorted[0];
      const nodeList = [...nodes.values()].sort((a, b) => a.depth - b.depth || a.id.localeCompare(b.id));
      const health = nodeList.reduce<Health>((h, n) => (healthRank(n.health) > healthRank(h) ? n.health : h), found ? "ok" : "error");
      return { root, found, nodes: nodeList, edges: [...edges.values()], findings: sorted, firstFailing, health, predicted: nodeList.some((n) => n.predicted) };
    },
  };
}
