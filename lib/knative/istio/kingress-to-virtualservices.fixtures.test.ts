// Routeboard's KIngress → VirtualServices / Gateways / Secret copies against net-istio's real
// output (see ../testdata/net-istio-bdbf4dac/README.md). The commit is in the describe() name on
// purpose: moving to another net-istio is a new testdata folder and a visible rename here.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { KIngress } from "../types.generated";
import type { IstioClusterInputs } from "./cluster";
import { istioConfigFromConfigMap } from "./config-istio";
import { kingressToVirtualServices, type NetIstioObjects } from "./kingress-to-virtualservices";

const NET_ISTIO_COMMIT = "bdbf4dac4ecbdeca8be7eb54710c50826d73e783";
const TESTDATA = "../testdata/net-istio-bdbf4dac/";

interface FixtureCase {
  name: string;
  /** config-istio `data`. */
  config: Record<string, string>;
  cluster?: IstioClusterInputs;
  kingress: KIngress;
  expected: NetIstioObjects;
}

function load(file: string): FixtureCase[] {
  return JSON.parse(readFileSync(fileURLToPath(new URL(TESTDATA + file, import.meta.url)), "utf8")) as FixtureCase[];
}

describe(`kingressToVirtualServices = net-istio ${NET_ISTIO_COMMIT} (networking 305789141b2b) reconcileIngress`, () => {
  const reference = load("kingress-to-virtualservices.json");

  it("has all 240 reference cases, each named once", () => {
    expect(reference).toHaveLength(240);
    expect(new Set(reference.map((c) => c.name)).size).toBe(240);
  });

  it.each(reference)("$name", ({ config, cluster, kingress, expected }) => {
    const reading = istioConfigFromConfigMap(config);
    expect(reading.error).toBeUndefined();
    // toStrictEqual: a key present as undefined, or `[]` where Go omits, is a difference too.
    expect(kingressToVirtualServices(kingress, { ...reading.config, ...(cluster && { cluster }) })).toStrictEqual(expected);
  });
});
