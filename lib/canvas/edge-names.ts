// Edges named in words for screen readers ("hostname shop.example.com to Rule 1 (PathPrefix
// /shop)"), not by the graph's internal ids.
import type { CanvasEdge, CanvasNode } from "./flow";

export function nodeWords(n: CanvasNode): string {
  switch (n.type) {
    case "gateway":
      return `Gateway ${n.data.label}`;
    case "hostname":
      return `hostname ${n.data.value || "(any)"}`;
    case "rule": {
      const { rule, position } = n.data;
      const path = rule.matches[0]?.match.path;
      return `Rule ${position + 1}${rule.name ? ` (${rule.name})` : ""}${path?.value ? `, ${path.type ?? "PathPrefix"} ${path.value}` : ""}`;
    }
    case "backend": {
      const b = n.data.backend;
      return `backend ${b.namespace}/${b.name}${b.port ? `:${b.port}` : ""}`;
    }
    case "virtualService":
      return `VirtualService ${n.data.key}`;
  }
}

/** Each edge's name: from its source to its target, with its label (a weight share) when it has one. */
export function edgeNames(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): Map<string, string> {
  const byId = new Map(nodes.map((n) => [n.id, nodeWords(n)]));
  return new Map(edges.map((e) => [e.id, `${byId.get(e.source) ?? "a node"} to ${byId.get(e.target) ?? "a node"}${e.label ? `, ${e.label}` : ""}`]));
}
