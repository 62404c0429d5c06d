import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/meta";
import { impactOf, impactScope, withRoutes } from "./impact";
import { predictStatus } from "./predict";
import { base, gateway, http, listenerSet, NS, route, service, to } from "./testing/objects";

const shop = (spec: Parameters<typeof route>[1] = {}, meta: Parameters<typeof route>[2] = {}) =>
  route(
    "shop",
    { hostnames: ["shop.example.com"], rules: [{ matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [to("app")] }], ...spec },
    meta,
  );
const edit = (objects: KubeObject[], next: KubeObject) =>
  withRoutes(objects, (o) => o.metadata.name === next.metadata.name && o.metadata.namespace === next.metadata.namespace, [next]);
const mine = [{ namespace: NS, name: "shop" }];
const brief = (objects: KubeObject[], after: KubeObject[]) =>
  impactOf(objects, after, mine).changes.map((c) => `${c.effect} ${c.object} · ${c.subject}: ${c.before ?? "-"} → ${c.after ?? "-"}`);

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
    const api = route(
      "api",
      { hostnames: ["shop.example.com"], rules: [{ matches: [{ path: { type: "PathPrefix", value: "/api" } }], backendRefs: [to("other")] }] },
      { creationTimestamp: "2026-02-01T00:00:00Z" },
    );
    const objs = [...base(), shop(), api];
    // shop is older: its own /api rule wins the tie, and api's only rule gets nothing.
    const grabbing = shop({ rules: [{ matches: [{ path: { type: "PathPrefix", value: "/api" } }], backendRefs: [to("app")] }, { backendRefs: [to("app")] }] });
    const after = edit(objs, grabbing);
    const c = impactOf(objs, after, mine).changes;
    expect(c.map((x) => `${x.effect} ${x.object} ${x.self} · ${x.subject}`)).toEqual([
      `introduced HTTPRoute ${NS}/api false · rule 1 (PathPrefix /api) on Gateway infra/gw, listener http`,
    ]);
    expect(c[0]?.message).toBe(`No request will reach it: HTTPRoute ${NS}/shop rule 1 (PathPrefix /api) wins every request it matches.`);
    // And undoing it frees the rule again.
    expect(impactOf(after, objs, mine).changes.map((x) => `${x.effect} ${x.object} · ${x.subject}`)).toEqual([
      `fixed HTTPRoute ${NS}/api · rule 1 (PathPrefix /api) on Gateway infra/gw, listener http`,
    ]);
  });

  it("a reorder of the route's own rules is no change, and a removed shadowed rule is not 'fixed'", () => {
    const two = shop({
      rules: [
        { matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [to("app")] },
        { matches: [{ path: { type: "Exact", value: "/x" } }], backendRefs: [to("other")] },
      ],
    });
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

  it("predicts only over the routes that share a Gateway with the edited one, and loses nothing by it", () => {
    const objs = [
      ...base(),
      gateway("edge", [http()]),
      gateway("far", [http()]),
      listenerSet("extra", [{ name: "x", port: 8080, protocol: "HTTP", hostname: "x.example.com" }]),
    ];
    const on = (gw: string, i: number, more: Parameters<typeof route>[1] = {}) =>
      route(`${gw}-${i}`, {
        parentRefs: [{ name: gw, namespace: "infra" }],
        hostnames: [`h${i % 3}.example.com`],
        rules: [{ matches: [{ path: { type: "PathPrefix", value: `/p${i % 2}` } }], backendRefs: [to(i % 4 ? "app" : "missing")] }],
        ...more,
      });
    for (let i = 0; i < 6; i++) objs.push(on("gw", i), on("edge", i), on("far", i));
    objs.push(
      route("via-set", {
        parentRefs: [{ kind: "ListenerSet", name: "extra", namespace: "infra" }],
        hostnames: ["x.example.com"],
        rules: [{ backendRefs: [to("app")] }],
      }),
    );
    // shop moves from gw to edge: both Gateways are touched, far is not.
    const before = [...objs, shop()];
    const after = edit(before, shop({ parentRefs: [{ name: "edge", namespace: "infra" }] }));
    const scope = impactScope(before, after, new Set([`${NS}/shop`]));
    const kept = after
      .filter(scope)
      .filter((o) => o.kind === "HTTPRoute")
      .map((o) => o.metadata.name);
    expect(kept.filter((n) => n?.startsWith("far-"))).toEqual([]);
    expect(kept.sort()).toEqual([
      "edge-0",
      "edge-1",
      "edge-2",
      "edge-3",
      "edge-4",
      "edge-5",
      "gw-0",
      "gw-1",
      "gw-2",
      "gw-3",
      "gw-4",
      "gw-5",
      "shop",
      "via-set",
    ]);
    // Every kept route and every listener of a touched Gateway is predicted exactly as over everything.
    for (const objects of [before, after]) {
      const full = predictStatus(objects);
      const scoped = predictStatus(objects.filter(scope));
      for (const r of scoped.routes) expect(r).toEqual(full.routes.find((x) => x.name === r.name));
      for (const g of ["gw", "edge"]) expect(scoped.gateways.find((x) => x.name === g)).toEqual(full.gateways.find((x) => x.name === g));
      expect(scoped.listenerSets).toEqual(full.listenerSets);
    }
  });
});
