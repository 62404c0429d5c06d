import { describe, expect, it } from "vitest";
import { chainOverview, matchesFilter } from "./overview";
import { SCENARIOS } from "./testing/scenarios";
import type { KubeObject } from "../k8s/meta";

const build = (id: string, ns: string): KubeObject[] => {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s.build({ ns, gwNs: `${ns}-gw`, cls: `${ns}-class` });
};

describe("chainOverview", () => {
  const objects = [...build("healthy", "a-ok"), ...build("external-name", "b-warn"), ...build("gateway-missing", "c-broken")];
  const rows = chainOverview(objects);

  it("lists every Knative Service and HTTPRoute, worst first", () => {
    expect(rows.map((r) => `${r.health} ${r.key}`)).toEqual([
      "error httproute/c-broken/shop",
      "warning httproute/b-warn/shop",
      "ok ksvc/a-ok/hello",
      "ok httproute/a-ok/hello.a-ok.example.com",
      "ok httproute/a-ok/hello.a-ok.svc.cluster.local",
    ]);
    expect(rows[0]?.firstFailing?.code).toBe("GatewayMissing");
  });

  it("marks HTTPRoutes made from a KIngress with their Knative Service", () => {
    expect(rows.find((r) => r.key === "httproute/a-ok/hello.a-ok.example.com")?.knativeService).toBe("hello");
    expect(rows.find((r) => r.key === "httproute/c-broken/shop")?.knativeService).toBeUndefined();
  });

  const table: [string, string[]][] = [
    ["", rows.map((r) => r.key)],
    ["ns:b-warn", ["httproute/b-warn/shop"]],
    ["is:error", ["httproute/c-broken/shop"]],
    ["kind:ksvc", ["ksvc/a-ok/hello"]],
    ["gatewaymissing", ["httproute/c-broken/shop"]],
    ["shop.example ns:c-broken", ["httproute/c-broken/shop"]],
    ["svc.cluster.local", ["httproute/a-ok/hello.a-ok.svc.cluster.local"]],
  ];
  for (const [q, want] of table) it(`filter "${q}"`, () => expect(rows.filter((r) => matchesFilter(r, q)).map((r) => r.key)).toEqual(want));
});

describe("a blocked rollout is no outage", () => {
  it("sorts a real outage first, and reads the blocked rollout as serving with a warning", () => {
    const rows = chainOverview([...build("rollout-blocked", "a-blocked"), ...build("container-missing", "z-down")]);
    const ksvc = rows.filter((r) => r.root.kind === "KnativeService").map((r) => `${r.health} ${r.key} ${r.firstFailing?.code}`);
    expect(ksvc).toEqual(["error ksvc/z-down/hello ContainerMissing", "warning ksvc/a-blocked/hello RolloutBlocked"]);
    expect(rows.findIndex((r) => r.key === "ksvc/z-down/hello")).toBeLessThan(rows.findIndex((r) => r.key === "ksvc/a-blocked/hello"));
  });
});
