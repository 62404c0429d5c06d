// x-kubernetes-list-type set/map uniqueness, as apiextensions-apiserver's
// structurallisttype.ValidateListSetsAndMaps reports it: sets name each duplicated value once
// (at its second occurrence), and so do maps, by their key fields.
import type { JSONSchemaProps } from "./crd-types.ts";
import { isPlainObject } from "./defaults.ts";
import { duplicate, invalid, type FieldError } from "./field-errors.ts";
import { goJson } from "./go-format.ts";
import { childPath, indexPath, keyPath } from "./json-path.ts";
import { schemaFacts } from "./schema-facts.ts";

export function validateListTypes(value: unknown, s: JSONSchemaProps, path: string, out: FieldError[]): void {
  if (!schemaFacts(s).hasListTypes) return;
  if (Array.isArray(value)) {
    if (s["x-kubernetes-list-type"] === "set") checkSet(value, path, out);
    else if (s["x-kubernetes-list-type"] === "map") checkMap(value, s, path, out);
    const items = s.items;
    if (items) value.forEach((v, i) => validateListTypes(v, items, indexPath(path, i), out));
    return;
  }
  if (!isPlainObject(value)) return;
  const extra = typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
  for (const [k, v] of Object.entries(value)) {
    const ps = s.properties?.[k];
    if (ps) validateListTypes(v, ps, childPath(path, k), out);
    else if (extra) validateListTypes(v, extra, keyPath(path, k), out);
  }
}

// int64(1) and "1" are different set members; the JSON text keeps them apart. Key order is
// canonical (Go marshals maps sorted), so {"a":1,"b":2} equals {"b":2,"a":1}.
const identity = (v: unknown) => (typeof v === "string" ? `s${v}` : typeof v === "object" && v !== null ? goJson(v) : `${typeof v}${String(v)}`);

function checkSet(list: unknown[], path: string, out: FieldError[]): void {
  const seen = new Map<string, number>();
  list.forEach((v, i) => {
    const k = identity(v);
    const times = seen.get(k) ?? 0;
    seen.set(k, times + 1);
    if (times === 1) out.push(duplicate(indexPath(path, i), v));
  });
}

// validateListMap: the first element that is neither null nor an object is the only error; a null
// element or a missing key field is an unspecified key, and unspecified keys repeat like values.
function checkMap(list: unknown[], s: JSONSchemaProps, path: string, out: FieldError[]): void {
  const bad = list.findIndex((v) => v !== null && !isPlainObject(v));
  if (bad >= 0) return void out.push(invalid(indexPath(path, bad), list[bad], "must be an object for an array of list-type map"));
  const keys = s["x-kubernetes-list-map-keys"] ?? [];
  const seen = new Map<string, number>();
  list.forEach((v, i) => {
    const obj = (v ?? {}) as Record<string, unknown>;
    const key: Record<string, unknown> = {};
    for (const k of keys) if (k in obj) key[k] = obj[k];
    const [only = ""] = keys;
    const id = keys.length === 1 ? (only in key ? identity(key[only]) : "\u0000unset") : goJson(key);
    const times = seen.get(id) ?? 0;
    seen.set(id, times + 1);
    if (times === 1) out.push(duplicate(indexPath(path, i), key));
  });
}
