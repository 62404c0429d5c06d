// Server-side apply's first check: the applied object must convert to a typed value of the
// CRD's schema (structured-merge-diff typed.TypedValue validation, run by apimachinery's
// structuredMergeManager.Apply as "failed to create typed patch object"). It refuses what the
// create path would quietly prune or coerce: undeclared fields (whatever fieldValidation says),
// mistyped metadata and status, duplicate keys in list-type sets and maps, metadata included.
// Nulls are valid everywhere. Where the server stops early (the first undeclared field of a map,
// in Go's random map order; an element whose key cannot be formed) errors here are a superset.
import type { JSONSchemaProps } from "./crd-types.ts";
import { isPlainObject } from "./defaults.ts";
import { refusal, type FieldError } from "./field-errors.ts";
import { goQuote } from "./go-format.ts";
import { goSharpV, goTypeName, goV, smdValueString } from "./go-values.ts";
import { childPath, indexPath } from "./json-path.ts";
import { OBJECT_META } from "./object-meta-schema.ts";

const roots = new WeakMap<JSONSchemaProps, JSONSchemaProps>();

/** The root type the API server builds for a CRD version: its schema with TypeMeta and ObjectMeta. */
function rootSchema(s: JSONSchemaProps): JSONSchemaProps {
  let r = roots.get(s);
  if (!r) {
    r = { ...s, properties: { ...s.properties, apiVersion: { type: "string" }, kind: { type: "string" }, metadata: OBJECT_META } };
    roots.set(s, r);
  }
  return r;
}

/** typed.AsTyped's validation of the whole applied object; empty when the typed patch can be built. */
export function typedPatchErrors(obj: Record<string, unknown>, schema: JSONSchemaProps): FieldError[] {
  const out: FieldError[] = [];
  walk(obj, rootSchema(schema), "", false, out);
  return out;
}

const fail = (out: FieldError[], path: string, message: string) => void out.push(refusal(path, "TypedPatch", message));

// validatingObjectWalker.doScalar/doList/doMap: the value must have the kind its schema names.
function walk(v: unknown, s: JSONSchemaProps, path: string, preserve: boolean, out: FieldError[]): void {
  if (v === null || v === undefined) return;
  // schemaconv: preserve-unknown-fields opts the whole subtree in.
  const keep = preserve || s["x-kubernetes-preserve-unknown-fields"] === true;
  const type = s["x-kubernetes-int-or-string"] ? undefined : s.type;
  switch (type) {
    case undefined:
      // An untyped node is a scalar, a list or a map, whichever the value is.
      if (Array.isArray(v)) return s.items ? walkList(v, s, path, keep, out) : undefined;
      return isPlainObject(v) ? walkMap(v, s, path, keep, out) : undefined;
    case "object":
      return isPlainObject(v) ? walkMap(v, s, path, keep, out) : fail(out, path, `expected map, got &{${goV(v)}}`);
    case "array":
      return Array.isArray(v) ? walkList(v, s, path, keep, out) : fail(out, path, `expected list, got &{${goV(v)}}`);
    case "string":
      // schemaconv.convertPrimitive: a string with a format (date-time, int-or-string, ...) other
      // than byte is an untyped scalar, so a number passes.
      if (s.format && s.format !== "byte") {
        if (typeof v === "object") fail(out, path, `expected any scalar, got &{${goV(v)}}`);
      } else if (typeof v !== "string") fail(out, path, `expected string, got &value.valueUnstructured{Value:${goSharpV(v)}}`);
      return;
    case "integer":
    case "number":
      if (typeof v !== "number") fail(out, path, `expected numeric (int or float), got ${goTypeName(v)}`);
      return;
    case "boolean":
      if (typeof v !== "boolean") fail(out, path, `expected boolean, got &{${goV(v)}}`);
  }
}

// schemaconv.parseObject: undeclared keys are allowed only by additionalProperties, by
// preserve-unknown-fields, or on an object that declares no properties at all.
function walkMap(m: Record<string, unknown>, s: JSONSchemaProps, path: string, keep: boolean, out: FieldError[]): void {
  const props = s.properties;
  const extra = typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
  const free = s.additionalProperties === true || (s.additionalProperties === undefined && (keep || !props || Object.keys(props).length === 0));
  for (const [k, child] of Object.entries(m)) {
    const ps = props?.[k] ?? extra;
    if (ps) walk(child, ps, childPath(path, k), keep, out);
    else if (!free) fail(out, childPath(path, k), "field not declared in schema");
  }
}

// visitListItems: an element of a set or map list must yield a key; the first that cannot stops
// the list; a repeated key is a duplicate entry.
function walkList(list: unknown[], s: JSONSchemaProps, path: string, keep: boolean, out: FieldError[]): void {
  const type = s["x-kubernetes-list-type"];
  const keys = type === "map" ? (s["x-kubernetes-list-map-keys"] ?? []) : [];
  const seen = new Set<string>();
  const items = s.items;
  for (let i = 0; i < list.length; i++) {
    const child = list[i];
    if (type === "set" || type === "map") {
      const key = type === "map" ? mapKey(child, keys, items) : setKey(child);
      if ("error" in key) return fail(out, path, `element ${i}: ${key.error}`);
      if (seen.has(key.id)) fail(out, path, `duplicate entries for key ${key.id}`);
      seen.add(key.id);
    }
    if (items) walk(child, items, indexPath(path, i), keep, out);
  }
}

type Key = { id: string } | { error: string };

// keyedAssociativeListItemToPathElement: a missing key field takes its schema default, if any.
function mapKey(child: unknown, keys: string[], items: JSONSchemaProps | undefined): Key {
  if (child === null) return { error: "associative list with keys may not have a null element" };
  if (!isPlainObject(child)) return { error: "associative list with keys may not have non-map elements" };
  const fields: [string, unknown][] = [];
  for (const k of keys) {
    const d = items?.properties?.[k]?.default;
    if (k in child) fields.push([k, child[k]]);
    else if (d !== undefined && d !== null) fields.push([k, d]);
  }
  if (keys.length > 0 && fields.length === 0) {
    const names = `[${keys.map(goQuote).join(" ")}]`;
    return { error: `associative list with keys has an element that omits all key fields ${names} (and doesn't have default values for any key fields)` };
  }
  fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { id: `[${fields.map(([k, x]) => `${k}=${smdValueString(x)}`).join(",")}]` };
}

// setItemToPathElement: set members are scalars.
function setKey(child: unknown): Key {
  if (isPlainObject(child)) return { error: "associative list without keys has an element that's a map type" };
  if (Array.isArray(child)) return { error: "not supported: associative list with lists as elements" };
  if (child === null) return { error: "associative list without keys has an element that's an explicit null" };
  return { id: `[=${smdValueString(child)}]` };
}
