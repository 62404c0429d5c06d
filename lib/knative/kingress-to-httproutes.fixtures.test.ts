// Routeboard's KIngress → HTTPRoutes against net-gateway-api's real output (see the README in
// testdata/net-gateway-api-d72e55aa). The commit is in the describe() name on purpose: moving to
// another net-gateway-api is a new testdata folder and a visible rename here.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { HTTPRoute } from "../gateway/types.generated";
import { kingressProbeHash, kingressToHTTPRoutes, type KIngressToHTTPRoutesConfig } from "./kingress-to-httproutes";
import type { KIngress } from "./types.generated";

const NET_GATEWAY_API_COMMIT = "d72e55aa81b12fdabacabab41a26a366527bee5e";
const TESTDATA = "./testdata/net-gateway-api-d72e55aa/";

interface FixtureCase {
  name: string;
  config: KIngressToHTTPRoutesConfig;
  kingress: KIngress;
  expected: { hash: string; routes: HTTPRoute[] };
}

function load(file: string): FixtureCase[] {
  return JSON.parse(readFileSync(fileURLToPath(new URL(TESTDATA + file, import.meta.url)), "utf8")) as FixtureCase[];
}

function expectSameAsGo({ config, kingress, expected }: FixtureCase): void {
  expect(kingressProbeHash(kingress)).toBe(expected.hash);
  // toStrictEqual: a key present as undefined, or `[]` where Go omits, is a difference too.
  expect(kingressToHTTPRoutes(kingress, config)).toStrictEqual(expected.routes);
}

describe(`kingressToHTTPRoutes = net-gateway-api ${NET_GATEWAY_API_COMMIT} (knative-v1.23.0) MakeHTTPRoute`, () => {
  const reference = load("kingress-to-httproutes.json");
  const edges = load("edge-cases.json");

  it("has all 240 reference cases and the edge cases, each named once", () => {
    expect(reference).toHaveLength(240);
    expect(new Set([...reference, ...edges].map((c) => c.name)).size).toBe(reference.length + edges.length);
  });

  describe("reference cases (shared fixtures)", () => {
    it.each(reference)("$name", expectSameAsGo);
  });

  // Inputs the random cases never hold: strconv.Atoi ports, int32 wrap-around, characters outside
  // the BMP, null lists, malformed tag-to-host annotations, odd metadata.
  describe("edge cases (run through net-gateway-api's code by harness/)", () => {
    it.each(edges)("$name", expectSameAsGo);
  });
});
