// What the API server does to a custom resource before validating it: drop fields the schema
// does not know (pruning), drop nulls the schema does not allow, and fill in `default`s
// (apiextensions-apiserver structural pruning + defaulting). CEL rules see the result, so the
// validator must too, or `has(self.port)` and friends would disagree with the server.
import type { JSONSchemaProps, JSONValue } from "./crd-types.ts";
import { schemaFacts } from "./schema-facts.ts";

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// pruneAndDefault rebuilds every object and array it returns, so a default is never shared.
const copyDefault = (v: JSONValue): unknown => v;

const isNonNullableNull = (v: unknown, s: JSONSchemaProps) => v === null && !s.nullable;

/**
 * Returns a pruned and defaulted copy; the input is never changed. `keepNulls`: server-side
 * apply's result is defaulted (structuraldefaulting.Default) but, unlike a decoded request, not
 * passed through PruneNonNullableNullsWithoutDefaults, so `spec: null` reaches validation.
 */
export function pruneAndDefault(value: unknown, s: JSONSchemaProps | undefined, keepNulls = false): unknown {
  if (!s) return value;
  if (Array.isArray(value)) {
    const items = s.items;
    if (!items) return value;
    return value.map((v) =>
      isNonNullableNull(v, items) && items.default !== undefined
        ? pruneAndDefault(copyDefault(items.default), items, keepNulls)
        : pruneAndDefault(v, items, keepNulls),
    );
  }
  if (!isPlainObject(value)) return value;
  const props = s.properties;
  const extra = typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
  const keepUnknown = s["x-kubernetes-preserve-unknown-fields"] === true || s.additionalProperties === true;
  if (!props && !extra) return keepUnknown || s.type !== "object" ? value : {};
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const v = value[k];
    const ps = props?.[k] ?? extra;
    if (!ps) {
      if (keepUnknown) out[k] = v;
      continue;
    }
    if (isNonNullableNull(v, ps)) {
      if (ps.default !== undefined) out[k] = pruneAndDefault(copyDefault(ps.default), ps, keepNulls);
      else if (keepNulls) out[k] = null;
      continue;
    }
    out[k] = pruneAndDefault(v, ps, keepNulls);
  }
  for (const [k, d] of schemaFacts(s).defaults) {
    if (!(k in out) && !(k in value)) out[k] = pruneAndDefault(copyDefault(d), props?.[k], keepNulls);
  }
  return out;
}
