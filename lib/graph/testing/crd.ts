// Test-only: the HTTPRoute CRD's OpenAPI schema, read from the Gateway API Go module.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { gatewayApiCrdFiles } from "../../../e2e/cluster/crds";
import type { JSONSchema } from "./schema-arbitrary";

interface CrdVersion {
  name: string;
  schema: { openAPIV3Schema: JSONSchema };
}

interface Crd {
  spec: { names: { kind: string }; versions: CrdVersion[] };
}

const cache = new Map<string, JSONSchema>();

/** The openAPIV3Schema of HTTPRoute `apiVersion` (default v1) from the installed module. */
export function httpRouteSchema(apiVersion = "v1", gatewayApiVersion?: string): JSONSchema {
  const key = `${gatewayApiVersion ?? ""}:${apiVersion}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const file = gatewayApiCrdFiles(gatewayApiVersion).find((f) => f.endsWith("_httproutes.yaml"));
  if (!file) throw new Error("no HTTPRoute CRD in the Gateway API module");
  const crd = parse(readFileSync(file, "utf8")) as Crd;
  const version = crd.spec.versions.find((v) => v.name === apiVersion);
  if (!version) throw new Error(`HTTPRoute CRD has no version ${apiVersion}`);
  cache.set(key, version.schema.openAPIV3Schema);
  return version.schema.openAPIV3Schema;
}
