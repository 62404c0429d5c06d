import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/meta";
import { impactOf, withRoutes } from "./impact";
import { base, gateway, http, NS, route, service, to } from "./testing/objects";

const shop = (spec: Parameters<typeof route>[1] = {}, meta: Parameters<typeof route>[2] = {}) =>
  route("shop", { hostnames: ["shop.example.com"], rules: [{ matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [to("app")] }], ...spec }, meta);
const edit = (objects: KubeObject[], next: KubeObject) => withRoutes(objects, (o) => o.metadata.name === next.metadata.name && o.metadata.namespace === next.metadata.namespace, [next]);
const mine = [{ namespace: NS, name: "shop" }];
const brief = (objects: KubeObject[], after: KubeObject[]) => impactOf(objects, after, mine).changes.map((c) => `${c.effect} ${c.object} · ${c.subject}: ${c.before ?? "-"} → ${c.after ?? "-"}`);

describe("impactOf: what a change does to the predicted status", () => {
  it("says nothing where nothing changes, and says how much it compared", () => {
    const objs = [...base(), shop()];
    const impact = impactOf(objs, objs, mine);
    expect(impact.changes).toEqual([]);
    expect(impact).toMatchObject({ routesCompared: 1, listenersCompared: 1 });
  });

  it("a backend that does not exist is an issue introduced, with the API's reason", () => {
    const objs = [...base(), shop()];
    const after = edit(objs, shop({ rules: [{ backendRefs: [to("missing")] }] }));
    expect(brief(objs, after)).toEqual([`introduced HTTPRoute ${NS}/shop · ResolvedRefs by infra/gw: True (ResolvedRefs) → False (BackendNotFound)`]);
    expect(impactOf(objs, after, mine).changes[0]?.message).toMatch(/missing/);
  });

  it("fixing the hostname is an issue fixed, and the listener gains a route", () => {
    const objs = [...base([http("http", { hostname: "*.example.com" })]), shop({ hostnames: ["shop.example.org"] })];
    const after = edit(objs, shop());
    expect(brief(objs, after)).toEqual([
      `fixed HTTPRoute ${NS}/shop · Accepted by infra/gw: False (NoMatchingListenerHostname) → True (Accepted)`,
      "note Gateway infra/gw, listener http · attached routes: 0 → 1",
    ]);
  });

  it("a new route that attaches is added; one whose Gateway does not exist is an issue", () => {
    const objs = base();
    expect(brief(objs, [...objs, shop()])).toEqual([
      `added HTTPRoute ${NS}/shop · Accepted by infra/gw: - → True (Accepted)`,
      `added HTTPRoute ${NS}/shop · ResolvedRefs by infra/gw: - → True (ResolvedRefs)`,
      "note Gateway infra/gw, listener http · attached routes: 0 → 1",
    ]);
    const lost = shop({ parentRefs: [{ name: "nope", namespace: "infra" }] });
    expect(brief(objs, [...objs, lost])).toEqual([`introduced HTTPRoute ${NS}/shop · Accepted by infra/nope: - → Unknown (Pending)`]);
  });

  it("names another route on the same listener whose rule the change shadows, and the one it frees", () => {
    const api = route("api", { hostnames: ["shop.example.com"], rules: [{ matches: [{ path: { type: "PathPrefix", value: "/api" } }], backendRefs: [to("other")] }] }, { creationTimestamp: "2026-02-01T00:00:00Z" });
    const objs = [...base(), shop(), api];
    // shop is older: its own /api rule wins the tie, and api's only rule gets nothing.
    const grabbing = shop({ rules: [{ matches: [{ path: { type: "PathPrefix", value: "/api" } }], backendRefs: [to("app")] }, { backendRefs: [to("app")] }] });
    const after = edit(objs, grabbing);
    const c = impactOf(objs, after, mine).changes;
    expect(c.map((x) => `${x.effect} ${x.object} ${x.self} · ${x.subject}`)).toEqual([`introduced HTTPRoute ${NS}/api false · rule 1 (PathPrefix /api) on Gateway infra/gw, listener http`]);
    expect(c[0]?.message).toBe(`No request will reach it: HTTPRoute ${NS}/shop rule 1 (PathPrefix /api) wins every request it matches.`);
    // And undoing it frees the rule again.
    expect(impactOf(after, objs, mine).changes.map((x) => `${x.effect} ${x.object} · ${x.subject}`)).toEqual([`fixed HTTPRoute ${NS}/api · rule 1 (PathPrefix /api) on Gateway infra/gw, listener http`]);
  });

  it("a reorder of the route's own rules is no change, and a removed shadowed rule is not 'fixed'", () => {
    const two = shop({ rules: [{ matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [to("app")] }, { matches: [{ path: { type: "Exact", value: "/x" } }], backendRefs: [to("other")] }] });
    const objs = [...base(), two];
    const spec = two.spec as { rules: unknown[] };
    const reordered = shop({ rules: [...spec.rules].reverse() as never });
    expect(brief(objs, edit(objs, reordered))).toEqual([]);
    const shadowedTwice = shop({ rules: [{ backendRefs: [to("app")] }, { backendRefs: [to("other")] }] });
    const once = shop({ rules: [{ backendRefs: [to("app")] }] });
    const withShadow = [...base(), shadowedTwice];
    expect(brief(withShadow, edit(withShadow, once))).toEqual([]);
  });

  it("keeps the creationTimestamp of the route it replaces: precedence between equal matches follows age", () => {
    const objs = [...base(), shop({}, { creationTimestamp: "2025-01-01T00:00:00Z" })];
    const draft = shop({}, { creationTimestamp: undefined });
    const out = edit(objs, draft);
    expect(out.find((o) => o.metadata.name === "shop")?.metadata.creationTimestamp).toBe("2025-01-01T00:00:00Z");
  });

  it("a route moved to another Gateway: the old listener loses it, the new one accepts it", () => {
    // Two Gateways, shop moves from gw to edge: gw loses a route, edge gains one.
    const objs = [...base(), gateway("edge", [http()]), service("app2"), shop()];
    const moved = shop({ parentRefs: [{ name: "edge", namespace: "infra" }] });
    const lines = brief(objs, edit(objs, moved));
    expect(lines).toContain("note Gateway infra/gw, listener http · attached routes: 1 → 0");
    expect(lines).toContain(`added HTTPRoute ${NS}/shop · Accepted by infra/edge: - → True (Accepted)`);
  });
});
