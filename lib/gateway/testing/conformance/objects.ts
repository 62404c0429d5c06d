// The objects a conformance test runs against, prepared as the suite's Applier prepares them
// (conformance/utils/kubernetes/apply.go, prepareResources): the base manifests plus the
// test's own, every Gateway given the class under test, static-address placeholders replaced
// by the caller's address pools; and the Secrets/ConfigMaps ConformanceTestSuite.Setup creates
// from Go, whose names the extractor reads from suite.go.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import type { KubeObject } from "../../../k8s/meta";
import { SUITE_CLASS_PLACEHOLDER } from "../../predict";
import type { PredictOptions } from "../../predict";
import type { Cases, ConformanceTestCase } from "./cases";

type Address = { readonly type?: string; readonly value?: string };

/**
 * The suite's UsableNetworkAddresses / UnusableNetworkAddresses (flags of the conformance run):
 * empty unless an implementation's run provides them, so here too.
 */
const USABLE_ADDRESSES: readonly Address[] = [];
const UNUSABLE_ADDRESSES: readonly Address[] = [];

const manifestCache = new Map<string, KubeObject[]>();

function isObject(v: unknown): v is KubeObject {
  return typeof v === "object" && v !== null && typeof (v as { kind?: unknown }).kind === "string";
}

/** Every object of a multi-document YAML file (read once per run). */
export function readManifests(file: string): KubeObject[] {
  const hit = manifestCache.get(file);
  if (hit) return hit;
  const docs = parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS() as unknown);
  const objects = docs.filter(isObject);
  manifestCache.set(file, objects);
  return objects;
}

/** prepareGateway: spec.gatewayClassName becomes the class under test; address placeholders are overlaid. */
function prepareGateway(o: KubeObject): KubeObject {
  const spec = (o["spec"] ?? {}) as { addresses?: Address[] } & Record<string, unknown>;
  const next: Record<string, unknown> = { ...spec, gatewayClassName: SUITE_CLASS_PLACEHOLDER };
  if (spec.addresses && spec.addresses.length > 0) {
    const has = (v: string) => spec.addresses?.some((a) => a.value === v) ?? false;
    next["addresses"] = [
      ...spec.addresses.filter((a) => a.type === "test/fake-invalid-type"),
      ...(has("PLACEHOLDER_UNUSABLE_ADDRS") ? UNUSABLE_ADDRESSES : []),
      ...(has("PLACEHOLDER_USABLE_ADDRS") ? USABLE_ADDRESSES : []),
    ];
  }
  return { ...o, spec: next };
}

/** A deep copy, so that one test's objects never leak into another's through the cache. */
const copy = (o: KubeObject): KubeObject => structuredClone(o);

/** The base manifests and the test's, as applied (GatewayClass controllerName is not read by predict). */
export function testObjects(cases: Cases, test: ConformanceTestCase): KubeObject[] {
  const files = [cases.baseManifests, ...test.manifests].map((m) => join(cases.conformanceDir, m));
  return files.flatMap(readManifests).map((o) => (o.kind === "Gateway" ? prepareGateway(copy(o)) : copy(o)));
}

/**
 * The Secrets and ConfigMaps that exist besides the manifests' own (what Setup created), and
 * the features of an implementation the suite runs this test on with the fewest: exactly the
 * test's own. Tests of what an implementation without a feature does ("…NotSupported") return
 * early when it has it, so they are about such an implementation.
 */
export function predictOptions(cases: Cases, test: ConformanceTestCase): PredictOptions {
  const name = (o: { namespace: string; name: string }) => `${o.namespace}/${o.name}`;
  return { secrets: cases.setup.secrets.map(name), configMaps: cases.setup.configMaps.map(name), supportedFeatures: test.features };
}
