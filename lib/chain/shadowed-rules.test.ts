import { describe, expect, it } from "vitest";
import { indexObjects } from "./objects";
import { predictFor } from "./predicted";
import { resolveChain } from "./resolve";
import { SCENARIOS } from "./testing/scenarios";
import { drop, gateway, httpListener, pick, type ChainContext } from "./testing/knative-chain";
import type { KubeObject } from "../k8s/meta";

const ctx: ChainContext = { ns: "team-a", gwNs: "gateways", cls: "test-class" };
const scenario = SCENARIOS.find((s) => s.id === "rule-shadowed");
if (!scenario) throw new Error("no rule-shadowed scenario");
const root = { kind: "HTTPRoute" as const, namespace: "team-a", name: "shop" };

function chainOf(objs: KubeObject[], predicted = true) {
  const index = indexObjects(objs);
  return resolveChain(index, root, predicted ? { prediction: predictFor(index) } : {});
}
const shadowFindings = (objs: KubeObject[], predicted = true) => chainOf(objs, predicted).findings.filter((f) => f.code === "RuleShadowed");

describe("RuleShadowed on the chain", () => {
  it("names the listener the prediction attaches both routes to, and the rule that wins", () => {
    const [f, ...rest] = shadowFindings(scenario.build(ctx));
    expect(rest).toEqual([]);
    expect(f?.title).toBe(
      "No request reaches rule 2 (PathPrefix /api) of HTTPRoute shop on Gateway gateways/public, listener http: HTTPRoute team-a/api rule 1 (PathPrefix /api) wins every request it matches.",
    );
    expect(f?.severity).toBe("warning");
  });

  it("says nothing when the other route takes a different hostname", () => {
    const objs = scenario.build(ctx);
    (pick(objs, "HTTPRoute", "api").spec as { hostnames: string[] }).hostnames = ["api.example.com"];
    expect(shadowFindings(objs)).toEqual([]);
  });

  it("says nothing when the rule still wins on one of its hostnames", () => {
    const objs = scenario.build(ctx);
    (pick(objs, "HTTPRoute", "shop").spec as { hostnames: string[] }).hostnames = ["shop.example.com", "www.example.com"];
    expect(shadowFindings(objs)).toEqual([]);
  });

  it("a route the listener does not accept shadows nothing", () => {
    // Only routes from the Gateway's own namespace may attach: api (team-a) is refused, so it
    // cannot take /api from shop. shop is refused too, but its own verdict says so elsewhere.
    const objs = drop(scenario.build(ctx), "Gateway", "public");
    objs.splice(1, 0, gateway(ctx, "public", [httpListener("*.example.com", "Same")]));
    expect(shadowFindings(objs)).toEqual([]);
  });

  it("without a prediction, routes that name the same Gateway compete", () => {
    expect(shadowFindings(scenario.build(ctx), false).map((f) => f.title)).toEqual([
      "No request reaches rule 2 (PathPrefix /api) of HTTPRoute shop on Gateway gateways/public: HTTPRoute team-a/api rule 1 (PathPrefix /api) wins every request it matches.",
    ]);
  });

  it("a rule shadowed by an earlier rule of its own route says so", () => {
    const objs = scenario.build(ctx).filter((o) => o.metadata.name !== "api");
    const rules = (pick(objs, "HTTPRoute", "shop").spec as { rules: unknown[] }).rules;
    rules.unshift({ matches: [{ path: { type: "PathPrefix", value: "/api" } }], backendRefs: [{ name: "shop", port: 80 }] });
    expect(shadowFindings(objs).map((f) => f.title)).toEqual([
      "No request reaches rule 3 (PathPrefix /api) of HTTPRoute shop on Gateway gateways/public, listener http: its own rule 1 (PathPrefix /api) wins every request it matches.",
    ]);
  });
});
