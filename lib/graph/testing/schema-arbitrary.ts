// Test-only: fast-check arbitraries driven by an OpenAPI v3 (structural CRD) schema. Every
// property of the schema is reachable; objects also get random unknown fields, standing in
// for fields a later Gateway API version may add.
import fc from "fast-check";

export interface JSONSchema {
  type?: string;
  properties?: Record<string, JSONSchema>;
  items?: JSONSchema;
  required?: string[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  "x-kubernetes-int-or-string"?: boolean;
}

export interface SchemaArbitraryOptions {
  /** Longest array generated (the schema's maxItems still applies). */
  readonly maxArrayLength?: number;
  /** Add random unknown fields to objects. */
  readonly unknownFields?: boolean;
  /** Arbitraries for schema paths the CRD leaves open, e.g. "metadata". */
  readonly overrides?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
}

/** Any JSON value, as plain objects: parsed, like everything the API server sends. */
export const jsonValue: fc.Arbitrary<unknown> = fc.json({ maxDepth: 2 }).map((text): unknown => JSON.parse(text));

/** Unknown field names cannot collide with a schema property: none of those has a dash. */
const unknownKey = fc.stringMatching(/^x-[a-z][a-zA-Z0-9]{0,6}$/);

export const unknownFieldsArbitrary: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.dictionary(unknownKey, jsonValue, { minKeys: 1, maxKeys: 2, noNullPrototype: true }) },
);

const dateTime = fc
  .date({ min: new Date("2019-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().replace(/\.\d{3}Z$/, "Z"));

function stringArbitrary(s: JSONSchema): fc.Arbitrary<string> {
  const maxLength = s.maxLength ?? 64;
  const minLength = s.minLength ?? 0;
  if (s.format === "date-time") return dateTime;
  if (s.pattern) {
    return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= minLength && v.length <= maxLength);
  }
  return fc.string({ minLength, maxLength: Math.min(maxLength, 24) });
}

function integerArbitrary(s: JSONSchema): fc.Arbitrary<number> {
  return fc.integer({ min: s.minimum ?? -(2 ** 31), max: s.maximum ?? 2 ** 31 - 1 });
}

/** An arbitrary producing values of schema `s`, found at `path` ("spec.rules[]...", "" = root). */
export function schemaArbitrary(s: JSONSchema, options: SchemaArbitraryOptions = {}, path = ""): fc.Arbitrary<unknown> {
  const override = options.overrides?.[path];
  if (override) return override;
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s["x-kubernetes-int-or-string"]) return fc.oneof(integerArbitrary(s), stringArbitrary(s));
  switch (s.type) {
    case "string":
      return stringArbitrary(s);
    case "integer":
      return integerArbitrary(s);
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "array": {
      const item = schemaArbitrary(s.items ?? {}, options, `${path}[]`);
      const maxLength = Math.min(s.maxItems ?? Infinity, options.maxArrayLength ?? 3);
      return fc.array(item, { minLength: Math.min(s.minItems ?? 0, maxLength), maxLength });
    }
    default:
      return objectArbitrary(s, options, path);
  }
}

function objectArbitrary(s: JSONSchema, options: SchemaArbitraryOptions, path: string): fc.Arbitrary<unknown> {
  const props = Object.entries(s.properties ?? {});
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of props) model[key] = schemaArbitrary(sub, options, path ? `${path}.${key}` : key);
  const known = fc.record(model, { requiredKeys: s.required ?? [], noNullPrototype: true });
  if (!options.unknownFields) return known;
  return fc.tuple(unknownFieldsArbitrary, known).map(([extra, obj]) => ({ ...extra, ...obj }));
}

/** Every property path a schema declares, arrays written `[]` ("spec.rules[].name"). */
export function schemaPaths(s: JSONSchema, path = ""): string[] {
  if (s.type === "array" && s.items) return schemaPaths(s.items, `${path}[]`);
  return Object.entries(s.properties ?? {}).flatMap(([key, sub]) => {
    const p = path ? `${path}.${key}` : key;
    return [p, ...schemaPaths(sub, p)];
  });
}

/** Every property path present in a value, in the notation of `schemaPaths`. */
export function valuePaths(value: unknown, path = "", out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) valuePaths(item, `${path}[]`, out);
  } else if (value !== null && typeof value === "object") {
    for (const [key, sub] of Object.entries(value)) {
      const p = path ? `${path}.${key}` : key;
      out.add(p);
      valuePaths(sub, p, out);
    }
  }
  return out;
}
