// OpenAPI v3 validation of one value against a structural schema, mirroring what the API server
// runs for custom resources (kube-openapi's go-openapi validators, converted to field errors by
// apiextensions-apiserver). Order and quirks follow the server: one string error per value
// (maxLength, then minLength, then pattern); numeric range errors accumulate; int32/int64
// formats add the server's "Checked value must be of type integer" error.
import type { JSONSchemaProps } from "./crd-types.ts";
import { invalid, notSupported, required, tooLong, tooMany, typeInvalid, type FieldError } from "./field-errors.ts";
import { checkFormat } from "./formats.ts";
import { goNumber } from "./go-format.ts";
import { childPath, indexPath, keyPath } from "./json-path.ts";
import { jsonTypeOf, type JsonTypeName } from "./json-type.ts";
import { compileRe2 } from "./re2.ts";

const INT_RANGE: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
};

export function validateSchema(value: unknown, s: JSONSchemaProps, path: string, out: FieldError[]): void {
  const jt = jsonTypeOf(value);
  if (value === null && s.nullable) return;
  if (!typeOk(value, jt, s, path, out)) {
    enumCheck(value, s, path, out);
    if (jt === "number" || jt === "integer") numberChecks(value as number, s, path, out);
    return;
  }
  enumCheck(value, s, path, out);
  switch (jt) {
    case "string":
      stringChecks(value as string, s, path, out);
      break;
    case "integer":
    case "number":
      numberChecks(value as number, s, path, out);
      break;
    case "array":
      arrayChecks(value as unknown[], s, path, out);
      break;
    case "object":
      objectChecks(value as Record<string, unknown>, s, path, out);
      break;
  }
}

function typeOk(value: unknown, jt: JsonTypeName, s: JSONSchemaProps, path: string, out: FieldError[]): boolean {
  if (s["x-kubernetes-int-or-string"]) {
    if (jt === "integer" || jt === "string") return true;
    out.push(typeMismatch(path, "integer,string", jt));
    return false;
  }
  const want = s.type;
  if (!want) return true;
  if (want === jt || (want === "number" && jt === "integer")) return true;
  if (want === "integer") return integerMismatch(jt, s, path, out);
  out.push(typeMismatch(path, want, jt));
  return false;
}

const typeMismatch = (path: string, want: string, got: string) => typeInvalid(path, got, `${path} in body must be of type ${want}: ${JSON.stringify(got)}`);

// Observed on kube-apiserver 1.36: with a format, booleans and objects are reported against the
// format with an empty type name, and fractional numbers as "float64" plus a range error.
function integerMismatch(jt: JsonTypeName, s: JSONSchemaProps, path: string, out: FieldError[]): false {
  const fmt = s.format && INT_RANGE[s.format] ? s.format : undefined;
  if (fmt && (jt === "boolean" || jt === "object")) out.push(typeMismatch(path, fmt, ""));
  else if (fmt && jt === "number") out.push(typeMismatch(path, fmt, "float64"));
  else out.push(typeMismatch(path, "integer", jt));
  return false;
}

function enumCheck(value: unknown, s: JSONSchemaProps, path: string, out: FieldError[]): void {
  if (!s.enum) return;
  if (s.enum.some((e) => e === value)) return;
  out.push(notSupported(path, value, s.enum));
}

function stringChecks(v: string, s: JSONSchemaProps, path: string, out: FieldError[]): void {
  if (s.maxLength !== undefined || s.minLength !== undefined) {
    const len = runeCount(v);
    if (s.maxLength !== undefined && len > s.maxLength) return void out.push(tooLong(path, s.maxLength));
    if (s.minLength !== undefined && len < s.minLength) {
      return void out.push(invalid(path, v, `${path} in body should be at least ${s.minLength} chars long`));
    }
  }
  if (s.pattern !== undefined && !compileRe2(s.pattern).test(v)) {
    return void out.push(invalid(path, v, `${path} in body should match '${s.pattern}'`));
  }
  if (s.format) {
    const bad = checkFormat(s.format, v);
    if (bad) out.push(typeInvalid(path, v, `${path} in body must be of type ${bad}: ${JSON.stringify(v)}`));
  }
}

function runeCount(v: string): number {
  let n = 0;
  for (const _ of v) n++;
  return n;
}

function numberChecks(v: number, s: JSONSchemaProps, path: string, out: FieldError[]): void {
  const range = s.type === "integer" && s.format ? INT_RANGE[s.format] : undefined;
  if (range && (!Number.isInteger(v) || v < range[0] || v > range[1])) {
    out.push(invalid("", "", `Checked value must be of type integer with format ${s.format} in ${path}`));
  }
  if (s.multipleOf !== undefined && (v / s.multipleOf) % 1 !== 0) {
    out.push(invalid(path, v, `${path} in body should be a multiple of ${goNumber(s.multipleOf)}`));
  }
  if (s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum)) {
    const rel = s.exclusiveMaximum ? "less than" : "less than or equal to";
    out.push(invalid(path, v, `${path} in body should be ${rel} ${goNumber(s.maximum)}`));
  }
  if (s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum)) {
    const rel = s.exclusiveMinimum ? "greater than" : "greater than or equal to";
    out.push(invalid(path, v, `${path} in body should be ${rel} ${goNumber(s.minimum)}`));
  }
}

function arrayChecks(v: unknown[], s: JSONSchemaProps, path: string, out: FieldError[]): void {
  if (s.minItems !== undefined && v.length < s.minItems) {
    out.push(invalid(path, v.length, `${path} in body should have at least ${s.minItems} items`));
  }
  if (s.maxItems !== undefined && v.length > s.maxItems) out.push(tooMany(path, v.length, s.maxItems));
  const items = s.items;
  if (items) v.forEach((item, i) => validateSchema(item, items, indexPath(path, i), out));
}

function objectChecks(v: Record<string, unknown>, s: JSONSchemaProps, path: string, out: FieldError[]): void {
  for (const r of s.required ?? []) if (!(r in v)) out.push(required(childPath(path, r)));
  const n = Object.keys(v).length;
  if (s.maxProperties !== undefined && n > s.maxProperties) out.push(tooMany(path, n, s.maxProperties));
  if (s.minProperties !== undefined && n < s.minProperties) {
    out.push(invalid(path, n, `${path} in body should have at least ${s.minProperties} properties`));
  }
  const extra = typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
  for (const k in v) {
    const child = v[k];
    const ps = s.properties?.[k];
    if (ps) validateSchema(child, ps, childPath(path, k), out);
    else if (extra) validateSchema(child, extra, keyPath(path, k), out);
  }
}
