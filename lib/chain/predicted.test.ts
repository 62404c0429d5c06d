import { describe, expect, it } from "vitest";
import { nodeId } from "./builder";
import { indexObjects } from "./objects";
import { predictFor } from "./predicted";
import { resolveChain } from "./resolve";
import { acceptedParents, drop, gateway, httpListener, pick, plainRouteChain, type ChainContext } from "./testing/knative-chain";

const ctx: ChainContext = { ns: "team-a", gwNs: "gateways", cls: "test-class" };
const root = { kind: "HTTPRoute" as const, namespace: "team-a", name: "shop" };

function withPrediction(objs: ReturnType<typeof plainRouteChain>) {
  const index = indexObjects(objs);
  return resolveChain(index, root, { prediction: predictFor(index) });
}

describe("predicted status where no controller wrote any", () => {
  it("shows what a conformant implementation must write, marked as predicted", () => {
    const objs = plainRouteChain(ctx);
    delete pick(objs, "HTTPRoute", "shop").status;
    delete pick(objs, "Gateway", "public").status;
    const chain = withPrediction(objs);
    const route = chain.nodes.find((n) => n.id === nodeId("HTTPRoute", "team-a", "shop"));
    expect(route?.conditions.filter((c) => c.predicted).map((c) => `${c.type} ${c.status} ${c.reason}`)).toEqual([
      "Accepted (predicted, gateways/public) True Accepted",
      "ResolvedRefs (predicted, gateways/public) True ResolvedRefs",
    ]);
    const gw = chain.nodes.find((n) => n.id === nodeId("Gateway", "gateways", "public"));
    expect(gw?.conditions.some((c) => c.predicted && c.type.startsWith("Programmed"))).toBe(true);
  });
});

describe("reported status held against the prediction", () => {
  it("says so when a Gateway reports Accepted for a route its listener does not allow", () => {
    const objs = drop(plainRouteChain(ctx), "Gateway", "public");
    objs.splice(1, 0, gateway(ctx, "public", [httpListener("*.example.com", "Same")]));
    const r = pick(objs, "HTTPRoute", "shop");
    r.status = acceptedParents(r); // the controller says Accepted True
    const chain = withPrediction(objs);
    const f = chain.findings.find((x) => x.code === "StatusDisagrees");
    expect(f?.title).toMatch(
      /Gateway public reports Accepted True \(Accepted\) for HTTPRoute shop, but by the Gateway API it must be False \(NotAllowedByListeners/,
    );
    expect(f?.severity).toBe("warning");
  });

  it("and says nothing when they agree", () => {
    expect(withPrediction(plainRouteChain(ctx)).findings).toEqual([]);
  });
});
