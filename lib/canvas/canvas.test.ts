import { describe, expect, it } from "vitest";
import type { Gateway, HTTPRoute } from "../gateway/types.generated";
import { fromHTTPRoutes, graphNodes, toHTTPRoutes } from "../graph";
import { exampleComRoute, knativeRoute } from "../graph/testing/fixtures";
import { decodeDraft, draftKey, encodeDraft } from "./draft";
import { addNewRule, connectHostname, deleteElements, dropOnRule, moveBackendTo, reorderRule, setRulePath } from "./edits";
import { COMPACT_BELOW, frameOf, NODE_SIZE, ruleIndexAtY, sizeOf, STACK_HANDLE, toFlow } from "./flow";
import { hostnamesIntersect } from "./gateway-fit";
import { record, redo, startHistory, undo } from "./history";
import { elkInput, positionsFrom, STACK_GAP } from "./layout";
import { missingGrants } from "../gateway/reference-grants";
import { forApply, kingressOwner, newRoute } from "./manifest";
import { OVERVIEW_BELOW, toneOf } from "./overview";
import { paletteItems, searchPalette } from "./palette";
import { pinProblems } from "./pin-errors";
import { rebase } from "./rebase";
import { routingTable } from "./routing-table";

const R = "httproute:team-a/example-com";
const gateway = (listenerHost?: string): Gateway => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "Gateway",
  metadata: { name: "public", namespace: "gateways" },
  spec: { gatewayClassName: "x", listeners: [{ name: "https", port: 443, protocol: "HTTPS", ...(listenerHost && { hostname: listenerHost }) }] },
});

describe("graph → canvas", () => {
  it("draws Gateway → hostname → rules → backends with shares, and says whether the hostname fits a listener", () => {
    const { nodes, edges } = toFlow(fromHTTPRoutes([exampleComRoute]), { gateways: [gateway("*.example.org")] });
    expect(nodes.map((n) => n.type)).toEqual(["hostname", "gateway", "rule", "backend", "rule", "backend", "backend", "rule", "backend"]);
    const host = nodes.find((n) => n.type === "hostname");
    expect(host?.type === "hostname" && host.data.fits).toEqual([{ gateway: "gateways/public", fit: "no-listener" }]);
    expect(edges.filter((e) => e.label).map((e) => e.label)).toEqual(["100 %", "90 %", "10 %", "100 %"]);
    const fits = toFlow(fromHTTPRoutes([exampleComRoute]), { gateways: [gateway()] }).nodes.find((n) => n.type === "hostname");
    expect(fits?.type === "hostname" && fits.data.fits[0]?.fit).toBe("fits");
  });
  it("names the Knative Service a rule reaches through the local gateway (its Host rewrite)", () => {
    const knativePath: HTTPRoute = {
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: { name: "api", namespace: "api" },
      spec: {
        hostnames: ["api.example.com"],
        rules: [
          {
            matches: [{ path: { type: "PathPrefix", value: "/api/v1" } }],
            filters: [{ type: "URLRewrite", urlRewrite: { hostname: "users.api.svc.cluster.local" } }],
            backendRefs: [{ name: "knative-local-gateway", namespace: "istio-system", port: 80 }],
          },
          { matches: [{ path: { type: "PathPrefix", value: "/docs" } }], backendRefs: [{ name: "docs", port: 80 }] },
        ],
      },
    };
    const backends = toFlow(fromHTTPRoutes([knativePath]), { gateways: [] }).nodes.filter((n) => n.type === "backend");
    expect(backends.map((n) => (n.type === "backend" ? n.data.via : "?"))).toEqual(["users.api.svc.cluster.local", undefined]);
  });
  it("hands ELK one partition per column and only edges between known nodes", () => {
    const { nodes, edges } = toFlow(fromHTTPRoutes([exampleComRoute]), { gateways: [] });
    const { graph: input, stacks } = elkInput(nodes, edges);
    // The Gateway stands on the hostname (taller by its height), so ELK does not see it.
    const gateway = nodes.find((n) => n.type === "gateway");
    const host = nodes.find((n) => n.type === "hostname");
    expect(input.children.map((c) => c.layoutOptions?.["elk.partitioning.partition"]).slice(0, 3)).toEqual(["0", "1", "2"]);
    expect(input.children.some((c) => c.id === gateway?.id)).toBe(false);
    expect(stacks.get(host?.id ?? "")).toEqual({ gateways: [{ id: gateway?.id, y: 0 }], height: NODE_SIZE.gateway.height + STACK_GAP });
    expect(input.children.find((c) => c.id === host?.id)?.height).toBe(NODE_SIZE.hostname.height + NODE_SIZE.gateway.height + STACK_GAP);
    expect(input.edges).toHaveLength(edges.length - 1);
    // Unfolded: the Gateway on top of the space kept, the hostname under it, same column.
    const at = positionsFrom({ children: [{ id: host?.id ?? "", x: 10, y: 100 }] }, stacks);
    expect(at.get(gateway?.id ?? "")).toEqual({ x: 10, y: 100 });
    expect(at.get(host?.id ?? "")).toEqual({ x: 10, y: 100 + NODE_SIZE.gateway.height + STACK_GAP });
    expect(edges.find((e) => e.source === gateway?.id)).toMatchObject({ target: host?.id, sourceHandle: STACK_HANDLE, targetHandle: STACK_HANDLE });
  });
  it("keeps a Gateway in the entry column when its route has no hostnames: it leads straight to the rules", () => {
    const { hostnames: _h, ...spec } = exampleComRoute.spec;
    const { nodes, edges } = toFlow(fromHTTPRoutes([{ ...exampleComRoute, spec }]), { gateways: [] });
    const { graph: input, stacks } = elkInput(nodes, edges);
    const gateway = input.children.find((c) => c.id === nodes.find((n) => n.type === "gateway")?.id);
    expect(gateway?.layoutOptions?.["elk.partitioning.partition"]).toBe("0");
    expect(stacks.size).toBe(0);
    expect(edges.filter((e) => e.source === gateway?.id).map((e) => e.sourceHandle)).toEqual(["right", "right", "right"]);
  });
  it("matches listener hostnames like the Gateway API", () => {
    expect(hostnamesIntersect("*.example.com", "a.example.com")).toBe(true);
    expect(hostnamesIntersect("*.example.com", "example.com")).toBe(false);
    expect(hostnamesIntersect(undefined, "x.y")).toBe(true);
    expect(hostnamesIntersect("a.example.com", "*.example.com")).toBe(true);
  });
  it("reads a dragged rule's new position from the heights of its route's rules", () => {
    const rules = [
      { id: "a", y: 0, routeId: "r" },
      { id: "b", y: 100, routeId: "r" },
      { id: "c", y: 50, routeId: "r" },
    ];
    expect(ruleIndexAtY(rules, "c")).toBe(1);
  });
});

describe("canvas gestures", () => {
  const g = fromHTTPRoutes([exampleComRoute]);
  it("drops a Service on a rule as a backend, and a Knative Service with its Host rewrite", () => {
    const svc = dropOnRule(g, `${R}/rule:users`, { key: "s", kind: "Service", namespace: "team-a", name: "users-v2", port: 80 });
    expect(toHTTPRoutes(svc.graph)[0]?.spec.rules?.[0]?.backendRefs?.at(-1)).toEqual({ name: "users-v2", port: 80 });
    const kn = dropOnRule(g, `${R}/rule:users`, { key: "k", kind: "KnativeService", namespace: "team-a", name: "hello" });
    const rule = toHTTPRoutes(kn.graph)[0]?.spec.rules?.[0];
    expect(rule?.filters?.[0]).toMatchObject({ type: "URLRewrite", urlRewrite: { hostname: "hello.team-a.svc.cluster.local" } });
    // The local gateway Service is in another namespace: the grant is offered at apply, not warned about.
    expect(kn.warnings.join(" ")).not.toMatch(/ReferenceGrant/);
    const route = toHTTPRoutes(kn.graph)[0];
    expect(route && missingGrants(route, []).map((x) => `${x.metadata.namespace}/${x.spec.to[0]?.name}`)).toEqual(["istio-system/knative-local-gateway"]);
    const other = dropOnRule(g, `${R}/rule:users`, { key: "o", kind: "Service", namespace: "team-b", name: "stock", port: 80 });
    expect(other.warnings).toEqual([]);
  });
  it("moves a backend to another rule, reorders rules, edits a path, deletes a selection", () => {
    const moved = moveBackendTo(g, `${R}/rule:users/backend:users:8080`, `${R}/rule:docs`);
    expect(toHTTPRoutes(moved)[0]?.spec.rules?.[2]?.backendRefs?.map((b) => b.name)).toEqual(["docs", "users"]);
    expect(toHTTPRoutes(reorderRule(g, `${R}/rule:docs`, 0))[0]?.spec.rules?.[0]?.name).toBe("docs");
    expect(toHTTPRoutes(setRulePath(g, `${R}/rule:docs`, { value: "/a//b" }))[0]?.spec.rules?.[2]?.matches?.[0]?.path).toEqual({
      type: "PathPrefix",
      value: "/a//b",
    });
    const del = deleteElements(g, [`${R}/rule:compat`, `${R}/rule:compat/backend:compat:8080`]);
    expect(toHTTPRoutes(del)[0]?.spec.rules?.map((r) => r.name)).toEqual(["users", "docs"]);
  });
  it("adds a new PathPrefix / rule, and a hostname connected to another route's rule", () => {
    const other: HTTPRoute = { ...exampleComRoute, metadata: { name: "shop", namespace: "team-b" }, spec: { rules: [{}] } };
    const two = fromHTTPRoutes([exampleComRoute, other]);
    const c = connectHostname(two, "example.com", "httproute:team-b/shop/rule[0]");
    expect(toHTTPRoutes(c)[1]?.spec.hostnames).toEqual(["example.com"]);
    expect(toHTTPRoutes(addNewRule(g, R))[0]?.spec.rules?.at(-1)).toEqual({ matches: [{ path: { type: "PathPrefix", value: "/" } }] });
  });
  it("undoes and redoes", () => {
    let h = startHistory(1);
    h = record(record(h, 2), 3);
    expect(undo(undo(h)).present).toBe(1);
    expect(redo(undo(h)).present).toBe(3);
    expect(record(h, 3)).toBe(h);
  });
});

describe("routing table", () => {
  it("flags a rule that an earlier identical match always beats", () => {
    const shadow: HTTPRoute = {
      ...exampleComRoute,
      metadata: { name: "late", namespace: "team-b", creationTimestamp: "2026-02-01T00:00:00Z" },
      spec: { hostnames: ["example.com"], rules: [{ matches: [{ path: { type: "PathPrefix", value: "/docs" } }], backendRefs: [{ name: "other" }] }] },
    };
    const g = fromHTTPRoutes([exampleComRoute, shadow]);
    const t = routingTable(g);
    expect([...t.shadowed]).toEqual(["httproute:team-b/late/rule[0]"]);
    const row = t.rows.find((r) => r.ruleId === "httproute:team-b/late/rule[0]");
    expect(row?.why).toMatch(/shadowed by team-a\/example-com rule 3/);
    expect(t.rows.find((r) => r.ruleId === `${R}/rule:compat`)?.backends).toBe("compat:8080 90 %, compat-canary:8080 10 %");
  });
});

describe("drafts, manifests, rebase, problems, palette", () => {
  it("keys drafts by context and route, and ignores what is not a draft", () => {
    expect(draftKey("admin", "team-a", "x")).toBe("routeboard:draft:v1:admin:team-a/x");
    expect(decodeDraft(encodeDraft(exampleComRoute, "12", new Date(0)))?.baseResourceVersion).toBe("12");
    expect(decodeDraft("{oops")).toBeUndefined();
    expect(decodeDraft(JSON.stringify({ version: 2 }))).toBeUndefined();
    // A suggested draft keeps where it came from; a malformed origin is dropped, not trusted.
    const origin = { from: "VirtualService legacy/extras", notes: ["Route 1 retries 3 times"] };
    expect(decodeDraft(encodeDraft(exampleComRoute, "", new Date(0), origin))?.origin).toEqual(origin);
    expect(decodeDraft(JSON.stringify({ ...JSON.parse(encodeDraft(exampleComRoute, "")), origin: { from: 1 } }))?.origin).toBeUndefined();
  });
  it("sends the loaded resourceVersion and no server-owned fields; knows KIngress-owned routes", () => {
    const sent = forApply(knativeRoute, "7");
    expect(sent.metadata).not.toHaveProperty("managedFields");
    expect(sent).not.toHaveProperty("status");
    expect(sent.metadata.resourceVersion).toBe("7");
    expect(kingressOwner(knativeRoute)).toEqual({ kingress: "hello", service: "hello" });
    expect(kingressOwner(exampleComRoute)).toBeUndefined();
    expect(newRoute("a", "b", "x.com", { namespace: "a", name: "gw" }).spec).toEqual({ parentRefs: [{ name: "gw" }], hostnames: ["x.com"], rules: [] });
  });
  it("rebases: their untouched fields, our changed fields", () => {
    const ours = { ...exampleComRoute, spec: { ...exampleComRoute.spec, hostnames: ["ours.com"] } };
    const theirs = { ...exampleComRoute, spec: { ...exampleComRoute.spec, parentRefs: [{ name: "other" }] } };
    const r = rebase(exampleComRoute, ours, theirs);
    expect(r.route.spec.hostnames).toEqual(["ours.com"]);
    expect(r.route.spec.parentRefs).toEqual([{ name: "other" }]);
    expect(r.bothChanged).toEqual([]);
  });
  it("pins a match's problem on its rule node", () => {
    const pinned = pinProblems([{ elementId: `${R}/rule:users/match[0]`, message: "bad" }, { message: "whole" }], [R, `${R}/rule:users`]);
    expect(pinned.get(`${R}/rule:users`)?.map((p) => p.message)).toEqual(["bad"]);
    expect(pinned.get("")?.length).toBe(1);
  });
  it("lists Services with their first port and searches them, the route's namespace first", () => {
    const items = paletteItems(
      [{ metadata: { name: "users", namespace: "b" }, spec: { ports: [{ port: 8080 }] } }, { metadata: { name: "users", namespace: "a" } }],
      [{ metadata: { name: "hello", namespace: "a" } }],
    );
    expect(searchPalette(items, "users", "b").map((i) => `${i.namespace}/${i.name}:${i.port ?? ""}`)).toEqual(["b/users:8080", "a/users:"]);
  });
});

describe("levels of detail", () => {
  it("gives every node the frame ELK lays it out with, handles centred on the sides edges use", () => {
    const { nodes, edges } = toFlow(fromHTTPRoutes([exampleComRoute]), { gateways: [] });
    for (const n of nodes) {
      const f = frameOf(n);
      expect([f.initialWidth, f.initialHeight]).toEqual([sizeOf(n).width, sizeOf(n).height]);
      expect(elkInput(nodes, []).graph.children.find((c) => c.id === n.id)).toMatchObject({ width: f.initialWidth, height: f.initialHeight });
      for (const h of f.handles) {
        const centre = [h.x + h.width / 2, h.y + h.height / 2];
        expect(centre).toEqual(
          {
            left: [0, f.initialHeight / 2],
            right: [f.initialWidth, f.initialHeight / 2],
            top: [f.initialWidth / 2, 0],
            bottom: [f.initialWidth / 2, f.initialHeight],
          }[h.position],
        );
      }
    }
    // Gateways only send, backends only receive: an edge always has a handle at each end.
    const handles = (type: string) => frameOf(nodes.find((n) => n.type === type) ?? nodes[0]!).handles.map((h) => `${h.type}:${h.position}`);
    expect(handles("gateway")).toEqual(["source:left", "source:right"]);
    expect(handles("backend")).toEqual(["target:left"]);
    expect(handles("rule")).toEqual(["target:left", "source:right"]);
    // Every edge leaves and enters by a handle its nodes have.
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const e of edges) {
      expect(frameOf(byId.get(e.source) ?? nodes[0]!).handles.some((h) => h.type === "source" && h.id === e.sourceHandle)).toBe(true);
      expect(frameOf(byId.get(e.target) ?? nodes[0]!).handles.some((h) => h.type === "target" && h.id === e.targetHandle)).toBe(true);
    }
  });

  it("lays out a hostname as tall as its lines (one per parent) and a backend with its Host rewrite line", () => {
    const twoParents = { ...exampleComRoute, spec: { ...exampleComRoute.spec, parentRefs: [{ name: "a" }, { name: "b" }, { name: "c" }] } };
    const host = toFlow(fromHTTPRoutes([twoParents]), { gateways: [] }).nodes.find((n) => n.type === "hostname");
    expect(host && sizeOf(host).height).toBe(NODE_SIZE.hostname.height + 2 * 16);
    const plain = toFlow(fromHTTPRoutes([exampleComRoute]), { gateways: [] }).nodes.find((n) => n.type === "backend");
    expect(plain && sizeOf(plain).height).toBe(NODE_SIZE.backend.height);
    expect(OVERVIEW_BELOW).toBeLessThan(COMPACT_BELOW);
  });

  it("colours a node in the overview by what needs a look: problems, then shadowed rules and missing Gateways", () => {
    const graph = fromHTTPRoutes([exampleComRoute]);
    const rule = graphNodes(graph).find((n) => n.kind === "rule");
    const { nodes } = toFlow(graph, { gateways: [], shadowed: new Set([rule?.id ?? ""]) });
    const tone = (type: string, problems = false) => nodes.filter((n) => n.type === type).map((n) => toneOf(n, problems));
    expect(tone("rule")).toEqual(["warn", "rule", "rule"]);
    expect(tone("rule", true)).toEqual(["problem", "problem", "problem"]);
    expect(tone("gateway")).toEqual(["warn"]);
    expect(
      toFlow(graph, { gateways: [gateway()] })
        .nodes.filter((n) => n.type === "gateway")
        .map((n) => toneOf(n, false)),
    ).toEqual(["gateway"]);
    expect(tone("backend")).toEqual(["backend", "backend", "backend", "backend"]);
  });
});
