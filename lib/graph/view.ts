// Nodes and edges: the view of the graph that the canvas draws. Derived per route entry and
// cached, so an edit to one route does not recompute the others.
import type { HTTPBackendRef } from "../gateway/route-types";
import { edgeId, matchId } from "./ids";
import type { BackendKind, BackendNode, GraphEdge, GraphNode, RouteEntry, RouteGraph } from "./types";

export interface RouteView {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

const KNATIVE_SERVING_GROUP = "serving.knative.dev";

export function backendKindOf(ref: HTTPBackendRef): BackendKind {
  const group = ref.group ?? "";
  const kind = ref.kind ?? "Service";
  if (kind === "Service" && group === "") return "Service";
  if (kind === "Service" && group === KNATIVE_SERVING_GROUP) return "KnativeService";
  return "Other";
}

function describe({ route, ids }: RouteEntry): RouteView {
  const namespace = route.metadata?.namespace ?? "";
  const spec = route.spec ?? {};
  const nodes: GraphNode[] = [{ kind: "route", id: ids.route, namespace, name: route.metadata?.name ?? "" }];
  const edges: GraphEdge[] = [];
  const link = (kind: GraphEdge["kind"], source: string, target: string): void => {
    edges.push({ id: edgeId(source, target), kind, source, target });
  };

  (spec.hostnames ?? []).forEach((value, i) => {
    const id = ids.hostnames[i] ?? "";
    nodes.push({ kind: "hostname", id, routeId: ids.route, value });
  });
  (spec.parentRefs ?? []).forEach((ref, i) => {
    nodes.push({
      kind: "parent",
      id: ids.parents[i] ?? "",
      routeId: ids.route,
      group: ref.group ?? "gateway.networking.k8s.io",
      parentKind: ref.kind ?? "Gateway",
      namespace: ref.namespace ?? namespace,
      name: ref.name,
      ...(ref.sectionName !== undefined && { sectionName: ref.sectionName }),
      ...(ref.port !== undefined && { port: ref.port }),
      ref,
    });
  });
  // A route without hostnames serves every hostname of its parents' listeners: its parents
  // then lead straight to its rules.
  const entryPoints = ids.hostnames.length > 0 ? ids.hostnames : ids.parents;
  if (ids.hostnames.length > 0) {
    for (const parent of ids.parents) for (const host of ids.hostnames) link("attaches", parent, host);
  }

  (spec.rules ?? []).forEach((rule, index) => {
    const ruleIds = ids.rules[index];
    if (!ruleIds) return;
    nodes.push({
      kind: "rule",
      id: ruleIds.id,
      routeId: ids.route,
      index,
      ...(rule.name !== undefined && { name: rule.name }),
      matches: (rule.matches ?? []).map((match, m) => ({ id: matchId(ruleIds.id, m), match })),
      filters: rule.filters ?? [],
      ...(rule.timeouts !== undefined && { timeouts: rule.timeouts }),
      rule,
    });
    for (const from of entryPoints) link("serves", from, ruleIds.id);

    const refs = rule.backendRefs ?? [];
    const total = refs.reduce((sum, b) => sum + (b.weight ?? 1), 0);
    refs.forEach((ref, b) => {
      const id = ruleIds.backends[b] ?? "";
      const weight = ref.weight ?? 1;
      const node: BackendNode = {
        kind: "backend",
        id,
        routeId: ids.route,
        ruleId: ruleIds.id,
        backendKind: backendKindOf(ref),
        group: ref.group ?? "",
        refKind: ref.kind ?? "Service",
        namespace: ref.namespace ?? namespace,
        name: ref.name,
        ...(ref.port !== undefined && { port: ref.port }),
        weight,
        percent: total > 0 ? (weight / total) * 100 : 0,
        ref,
      };
      nodes.push(node);
      link("forwards", ruleIds.id, id);
    });
  });
  return { nodes, edges };
}

const cache = new WeakMap<RouteEntry, RouteView>();

export function routeView(entry: RouteEntry): RouteView {
  let view = cache.get(entry);
  if (!view) {
    view = describe(entry);
    cache.set(entry, view);
  }
  return view;
}

export function graphNodes(graph: RouteGraph): GraphNode[] {
  return graph.entries.flatMap((e) => routeView(e).nodes);
}

export function graphEdges(graph: RouteGraph): GraphEdge[] {
  return graph.entries.flatMap((e) => routeView(e).edges);
}
