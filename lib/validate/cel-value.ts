// A (pruned, defaulted) JSON value as the CEL value a rule's `self` sees: integers as int
// (bigint), declared properties under their escaped names, map-valued objects with raw keys.
import { celList, celMap, type CelInput, type CelList, type CelMap } from "@bufbuild/cel";
import type { JSONSchemaProps } from "./crd-types.ts";
import { escapeCelName } from "./cel-names.ts";

const nameCache = new Map<string, string | undefined>();

function celName(k: string): string | undefined {
  if (!nameCache.has(k)) nameCache.set(k, escapeCelName(k));
  return nameCache.get(k);
}

export function scalarToCel(v: unknown, s: JSONSchemaProps | undefined): CelInput {
  if (typeof v === "number") {
    const asInt = s?.type === "integer" || s?.["x-kubernetes-int-or-string"] || (!s?.type && Number.isInteger(v));
    return asInt && Number.isInteger(v) ? BigInt(v) : v;
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  return null;
}

// Values are handed to CEL already wrapped (celMap/celList): unwrapped inputs are re-wrapped by
// the evaluator on every access, which doubled evaluation time.

/** Builds a CEL object from already-converted property values. */
export function objectToCel(entries: Iterable<[string, CelInput]>, declared: boolean): CelMap {
  const m = new Map<string, CelInput>();
  for (const [k, v] of entries) {
    const name = declared ? celName(k) : k;
    if (name !== undefined) m.set(name, v);
  }
  return celMap(m);
}

export const listToCel = (items: CelInput[]): CelList => celList(items);

/** Whole-value conversion, for subtrees with no rules of their own. */
export function toCel(v: unknown, s: JSONSchemaProps | undefined): CelInput {
  if (Array.isArray(v)) return listToCel(v.map((x) => toCel(x, s?.items)));
  if (typeof v === "object" && v !== null) {
    const extra = typeof s?.additionalProperties === "object" ? s.additionalProperties : undefined;
    const declared = !extra;
    const entries: [string, CelInput][] = Object.entries(v).map(([k, x]) => [k, toCel(x, s?.properties?.[k] ?? extra)]);
    return objectToCel(entries, declared);
  }
  return scalarToCel(v, s);
}
