import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { gatewayApiCrdFiles } from "@/e2e/cluster/crds.ts";
import type { HTTPRoute } from "../gateway/types.generated";
import { graphNodes, type RuleNode } from "../graph";
import { exampleComRoute } from "../graph/testing/fixtures";
import type { CustomResourceDefinition } from "../validate";
import { setRulePath } from "./edits";
import { createEditorStore, ruleToAddTo, type EditorInputs } from "./editor-store";
import {
  problemsOf,
  selectBlocked,
  selectDirty,
  selectDraftYaml,
  selectFlow,
  selectGrants,
  selectPinned,
  selectRoute,
  selectTable,
  selectValidation,
} from "./editor-select";

const NO_INPUTS: EditorInputs = { readOnly: false, gateways: [], routes: [] };
const stored: HTTPRoute = { ...exampleComRoute, metadata: { ...exampleComRoute.metadata, resourceVersion: "7" } };
const other = (name: string, host: string, path: string): HTTPRoute => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { name, namespace: "team-b", resourceVersion: "1" },
  spec: { hostnames: [host], parentRefs: [{ name: "public", namespace: "gateways" }], rules: [{ matches: [{ path: { type: "PathPrefix", value: path } }] }] },
});
const crdFile = gatewayApiCrdFiles("v1.6.3").find((f) => f.endsWith("_httproutes.yaml"));
const crd = parse(readFileSync(crdFile ?? "", "utf8")) as CustomResourceDefinition;

const rules = (s: { history: { present: Parameters<typeof graphNodes>[0] } }) => graphNodes(s.history.present).filter((n): n is RuleNode => n.kind === "rule");
const open = (inputs: EditorInputs = NO_INPUTS) => createEditorStore({ loaded: stored, isNew: false, inputs, settleMs: 250 });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the editor store", () => {
  it("records edits for undo and redo, and the draft is dirty until undone", () => {
    const store = open();
    const first = rules(store.api.getState())[0]!;
    expect(selectDirty(store.api.getState())).toBe(false);
    expect(selectBlocked(store.api.getState())).toBe("No changes to apply.");
    store.edit((g) => setRulePath(g, first.id, { value: "/api/v9" }));
    expect(selectRoute(store.api.getState()).spec.rules?.[0]?.matches?.[0]?.path?.value).toBe("/api/v9");
    expect(selectDirty(store.api.getState())).toBe(true);
    expect(selectBlocked(store.api.getState())).toBeUndefined();
    store.undo();
    expect(selectDirty(store.api.getState())).toBe(false);
    store.redo();
    expect(selectDraftYaml(store.api.getState())).toContain("/api/v9");
  });

  it("an edit that throws (the element vanished meanwhile) changes nothing", () => {
    const store = open();
    const before = store.api.getState();
    store.edit(() => {
      throw new Error("gone");
    });
    expect(store.api.getState()).toBe(before);
  });

  it("derives once per change of what a view reads: selecting a node rebuilds neither the route nor the canvas", () => {
    const store = open();
    const s = store.api.getState();
    const route = selectRoute(s);
    const flow = selectFlow(s);
    const yaml = selectDraftYaml(s);
    store.select("x");
    const after = store.api.getState();
    expect(after).not.toBe(s);
    // The same objects, not equal copies: nothing was computed again.
    expect(selectRoute(after)).toBe(route);
    expect(selectFlow(after)).toBe(flow);
    expect(selectDraftYaml(after)).toBe(yaml);
    const first = rules(after)[0]!;
    store.edit((g) => setRulePath(g, first.id, { value: "/api/v9" }));
    expect(selectRoute(store.api.getState())).not.toBe(route);
  });

  it("ranks rules on the settled draft: a keystroke leaves the routing table alone until typing pauses", () => {
    const store = open({ ...NO_INPUTS, routes: [other("shop", "example.com", "/api")] });
    const table = selectTable(store.api.getState());
    const first = rules(store.api.getState())[0]!;
    store.edit((g) => setRulePath(g, first.id, { value: "/api/v1/x" }));
    expect(selectTable(store.api.getState())).toBe(table);
    vi.advanceTimersByTime(249);
    expect(selectTable(store.api.getState())).toBe(table);
    vi.advanceTimersByTime(1);
    const settled = selectTable(store.api.getState());
    expect(settled).not.toBe(table);
    expect(settled.rows.some((r) => r.match.includes("/api/v1/x"))).toBe(true);
  });

  it("a live change to a route on another host recomputes neither the table nor the canvas", () => {
    const shop = other("shop", "example.com", "/api");
    const store = open({ ...NO_INPUTS, routes: [shop, other("blog", "blog.example.org", "/")] });
    const table = selectTable(store.api.getState());
    const flow = selectFlow(store.api.getState());
    store.setInputs({ ...NO_INPUTS, routes: [shop, other("blog", "blog.example.org", "/v2")] });
    expect(selectTable(store.api.getState())).toBe(table);
    expect(selectFlow(store.api.getState())).toBe(flow);
    // A route that joins the draft's hostname ranks with it.
    store.setInputs({ ...NO_INPUTS, routes: [shop, other("blog", "example.com", "/")] });
    expect(selectTable(store.api.getState())).not.toBe(table);
  });

  it("validates with the cluster's CRD and pins each problem to its node; a node's messages compare equal while unchanged", () => {
    const store = open({ ...NO_INPUTS, crd });
    const first = rules(store.api.getState())[0]!;
    store.edit((g) => setRulePath(g, first.id, { value: "no-slash" }));
    const s = store.api.getState();
    expect(selectValidation(s).errors.length).toBeGreaterThan(0);
    const pinned = [...selectPinned(s).keys()];
    expect(pinned.some((id) => id === first.id || id.startsWith(first.id))).toBe(true);
    expect(selectBlocked(s)).toMatch(/problems? to fix before applying/);
    const messages = problemsOf(s, first.id);
    expect(messages.join(" ")).toMatch(/path|\//i);
    const second = rules(s)[1]!;
    store.edit((g) => setRulePath(g, second.id, { value: "/api/v3" }));
    expect(problemsOf(store.api.getState(), first.id)).toEqual(messages);
    expect(problemsOf(store.api.getState(), second.id)).toEqual([]);
  });

  it("read-only says so before anything else", () => {
    expect(selectBlocked(open({ ...NO_INPUTS, readOnly: true }).api.getState())).toBe("Read-only.");
  });

  it("adds a rule as the keyboard's target, where the palette adds; a click on a node replaces it", () => {
    const store = open();
    expect(store.addRule()).toBe(3);
    const added = rules(store.api.getState())[3]!;
    expect(ruleToAddTo(store.api.getState())).toBe(added.id);
    const first = rules(store.api.getState())[0]!;
    store.select(first.id);
    expect(ruleToAddTo(store.api.getState())).toBe(first.id);
    store.select("not-a-rule");
    expect(ruleToAddTo(store.api.getState())).toBeUndefined();
  });

  it("scales a rule's weights for a typed fraction, and refuses what it cannot scale", () => {
    const store = open();
    const backend = graphNodes(store.api.getState().history.present).find((n) => n.kind === "backend" && n.name === "compat-canary")!;
    const r = store.typeWeight(backend.id, 0.5);
    expect(r?.tone).toBe("info");
    const weights = selectRoute(store.api.getState()).spec.rules?.[1]?.backendRefs?.map((b) => b.weight);
    // 90 : 10 with 0.5 typed for the canary: every weight ten times, so 0.5 becomes a whole 5.
    expect(weights).toEqual([900, 5]);
    // 0.0001 would need every weight times 10,000: 9,000,000 passes the largest weight allowed.
    const refused = store.typeWeight(backend.id, 0.0001);
    expect(refused?.tone).toBe("error");
    expect(selectRoute(store.api.getState()).spec.rules?.[1]?.backendRefs?.map((b) => b.weight)).toEqual([900, 5]);
  });

  it("after an apply the stored route is the base: no draft and no restored note", () => {
    const store = createEditorStore({
      loaded: stored,
      isNew: false,
      restored: { route: { ...stored, spec: { ...stored.spec, hostnames: ["shop.example.com"] } }, savedAt: "2026-12-01T10:00:00Z" },
      inputs: NO_INPUTS,
    });
    expect(store.api.getState().restoredAt).toBe("2026-12-01T10:00:00Z");
    expect(selectDirty(store.api.getState())).toBe(true);
    const fresh = { ...selectRoute(store.api.getState()), metadata: { ...stored.metadata, resourceVersion: "8" } };
    store.applied(fresh);
    const s = store.api.getState();
    expect(s.base?.metadata.resourceVersion).toBe("8");
    expect(s.restoredAt).toBeUndefined();
    expect(selectDirty(s)).toBe(false);
    expect(s.settled).toBe(s.history.present);
  });

  it("discarding goes back to the start with no history, and forgets a suggestion's origin", () => {
    const draft = { ...stored, spec: { ...stored.spec, rules: [] } };
    const store = createEditorStore({
      loaded: stored,
      isNew: true,
      restored: { route: draft, savedAt: "2026-12-01T10:00:00Z", origin: { from: "VirtualService team-a/vs", notes: [] } },
      inputs: NO_INPUTS,
    });
    expect(store.api.getState().base).toBeUndefined();
    store.addRule();
    store.discard();
    const s = store.api.getState();
    expect(s.history.past).toHaveLength(0);
    expect(s.origin).toBeUndefined();
    expect(selectRoute(s).spec.rules ?? []).toHaveLength(0);
  });

  it("the grants it needs are part of the apply unless the user unticks them", () => {
    const cross: HTTPRoute = { ...stored, spec: { ...stored.spec, rules: [{ backendRefs: [{ name: "api", namespace: "backends", port: 80 }] }] } };
    const store = createEditorStore({ loaded: cross, isNew: false, inputs: { ...NO_INPUTS, grants: [] } });
    expect(selectGrants(store.api.getState())).toHaveLength(1);
    expect(selectBlocked(store.api.getState())).toBeUndefined();
    store.setCreateGrants(false);
    expect(selectGrants(store.api.getState())).toHaveLength(0);
    expect(selectBlocked(store.api.getState())).toBe("No changes to apply.");
  });
});
