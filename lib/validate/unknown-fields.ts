// The fields a create or update prunes, as the server names them in its warnings (`unknown field
// "spec.foo"` with fieldValidation=Warn): apiextensions-apiserver structural pruning
// (pruning.PruneWithOptions with TrackUnknownFieldPaths). At the root, apiVersion, kind and
// metadata are left to ObjectMeta's decoder; a map under a schema without properties loses every key.
import type { JSONSchemaProps } from "./crd-types.ts";
import { isPlainObject } from "./defaults.ts";

const META = new Set(["apiVersion", "kind", "metadata"]);

/** The pruned paths, sorted as the server sorts them. */
export function prunedFields(obj: Record<string, unknown>, schema: JSONSchemaProps): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (META.has(k)) continue;
    const ps = declared(schema, k);
    if (ps) prune(v, ps, k, out);
    else if (!schema["x-kubernetes-preserve-unknown-fields"]) out.push(k);
  }
  return out.sort();
}

const key = (parent: string, k: string) => (parent ? `${parent}.${k}` : k);

// prune() and, under preserve-unknown-fields, skipPrune(): declared fields are still pruned below.
function prune(v: unknown, s: JSONSchemaProps | undefined, path: string, out: string[]): void {
  const keep = s?.["x-kubernetes-preserve-unknown-fields"] === true;
  if (Array.isArray(v)) {
    v.forEach((x, i) => (keep ? skip(x, s?.items, `${path}[${i}]`, out) : prune(x, s?.items, `${path}[${i}]`, out)));
    return;
  }
  if (!isPlainObject(v)) return;
  for (const [k, x] of Object.entries(v)) {
    const ps = declared(s, k);
    if (ps) prune(x, ps, key(path, k), out);
    else if (!keep) out.push(key(path, k));
  }
}

function skip(v: unknown, s: JSONSchemaProps | undefined, path: string, out: string[]): void {
  if (!s) return;
  if (Array.isArray(v)) return v.forEach((x, i) => skip(x, s.items, `${path}[${i}]`, out));
  if (!isPlainObject(v)) return;
  for (const [k, x] of Object.entries(v)) {
    const ps = declared(s, k);
    if (ps) prune(x, ps, key(path, k), out);
  }
}

const declared = (s: JSONSchemaProps | undefined, k: string) =>
  s?.properties?.[k] ?? (typeof s?.additionalProperties === "object" ? s.additionalProperties : undefined);
