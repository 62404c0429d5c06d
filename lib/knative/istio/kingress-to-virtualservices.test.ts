// What kingressToVirtualServices does where net-istio's reconcile fails or takes an input the
// reference cases never hold; the inputs are reference cases, changed by one thing each.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { KIngress } from "../types.generated";
import { NetIstioError, type IstioClusterInputs } from "./cluster";
import { istioConfigFromConfigMap } from "./config-istio";
import { kingressToVirtualServices } from "./kingress-to-virtualservices";

interface FixtureCase {
  name: string;
  config: Record<string, string>;
  cluster?: IstioClusterInputs;
  kingress: KIngress;
}

const reference = JSON.parse(
  readFileSync(fileURLToPath(new URL("../testdata/net-istio-bdbf4dac/kingress-to-virtualservices.json", import.meta.url)), "utf8"),
) as FixtureCase[];
const byName = (prefix: string) => reference.find((c) => c.name.startsWith(prefix))!;
const run = (c: FixtureCase, kingress: KIngress = c.kingress, cluster = c.cluster) =>
  kingressToVirtualServices(kingress, { ...istioConfigFromConfigMap(c.config).config, ...(cluster && { cluster }) });

describe("kingressToVirtualServices where net-istio's reconcile fails", () => {
  const tls = byName("rand-0 ");

  it("throws NetIstioError for a TLS Secret the cluster does not hold (secretLister Get)", () => {
    expect(() => run(tls, tls.kingress, { services: tls.cluster?.services ?? [] })).toThrow(NetIstioError);
    expect(() => run(tls, tls.kingress, { services: tls.cluster?.services ?? [] })).toThrow(/secret "route-a0-0" not found/);
  });

  it("throws NetIstioError for a gateway Service the cluster does not hold (svcLister Get)", () => {
    expect(() => run(tls, tls.kingress, { secrets: tls.cluster?.secrets ?? [] })).toThrow(/service "istio-ingressgateway" not found/);
  });

  it("throws NetIstioError for a rule without http (SetDefaults and InsertProbe refuse it)", () => {
    const spec = tls.kingress.spec ?? {};
    const broken = { ...tls.kingress, spec: { ...spec, rules: [{ hosts: ["x.example.com"], visibility: "ExternalIP" }] } };
    expect(() => run(tls, broken)).toThrow(/rule is missing HTTP block/);
  });
});

describe("kingressToVirtualServices on inputs the reference cases lack", () => {
  it("puts the VirtualServices of a KIngress without a namespace in the system namespace (VirtualServiceNamespace)", () => {
    const c = reference.find((r) => !r.cluster && r.kingress.metadata.namespace)!;
    const { namespace: _dropped, ...metadata } = c.kingress.metadata;
    const out = run(c, { ...c.kingress, metadata });
    expect(out.virtualServices.map((vs) => vs.metadata.namespace)).toStrictEqual(out.virtualServices.map(() => "knative-serving"));
  });

  it("needs no cluster objects without TLS or Redirected", () => {
    const c = reference.find((r) => !r.cluster)!;
    expect(() => run(c, c.kingress, undefined)).not.toThrow();
  });
});
