// Per-CRD, per-version compiled validators, cached by CRD object: the rules of a CRD are parsed
// and planned once, then every keystroke's validation reuses them.
import type { CustomResourceDefinition, JSONSchemaProps } from "./crd-types.ts";
import { compileSchema, type CompiledNode, type CompileIssue } from "./cel-compile.ts";

export interface CompiledVersion {
  name: string;
  apiVersion: string;
  /** The version's schema, minus the `required` entries for apiVersion/kind/metadata (checked apart). */
  schema: JSONSchemaProps;
  rules: CompiledNode;
  /** With a status subresource, a create drops status before validation. */
  dropsStatus: boolean;
  issues: CompileIssue[];
}

interface CompiledCrd {
  versions: Map<string, CompiledVersion | null>;
}

const cache = new WeakMap<CustomResourceDefinition, CompiledCrd>();
const TYPE_META = new Set(["apiVersion", "kind", "metadata"]);

/** The compiled validator for `apiVersion` (group/version), or undefined if the CRD does not serve it. */
export function compiledVersion(crd: CustomResourceDefinition, apiVersion: string): CompiledVersion | undefined {
  let entry = cache.get(crd);
  if (!entry) {
    entry = { versions: new Map() };
    cache.set(crd, entry);
  }
  if (!entry.versions.has(apiVersion)) entry.versions.set(apiVersion, compile(crd, apiVersion) ?? null);
  return entry.versions.get(apiVersion) ?? undefined;
}

function compile(crd: CustomResourceDefinition, apiVersion: string): CompiledVersion | undefined {
  const v = crd.spec.versions.find((x) => x.served && `${crd.spec.group}/${x.name}` === apiVersion);
  const raw = v?.schema?.openAPIV3Schema;
  if (!v || !raw) return undefined;
  const schema: JSONSchemaProps = { ...raw, required: raw.required?.filter((r) => !TYPE_META.has(r)) };
  const issues: CompileIssue[] = [];
  return {
    name: v.name,
    apiVersion,
    schema,
    rules: compileSchema(schema, issues),
    dropsStatus: v.subresources?.status !== undefined,
    issues,
  };
}

/** The served apiVersions of a CRD, for messages about a wrong apiVersion. */
export const servedApiVersions = (crd: CustomResourceDefinition): string[] =>
  crd.spec.versions.filter((v) => v.served).map((v) => `${crd.spec.group}/${v.name}`);
