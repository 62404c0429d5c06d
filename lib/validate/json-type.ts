// The JSON type names go-openapi reports for a value ("must be of type integer: \"string\"").

export type JsonTypeName = "null" | "boolean" | "string" | "integer" | "number" | "array" | "object";

export function jsonTypeOf(v: unknown): JsonTypeName {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  switch (typeof v) {
    case "boolean":
      return "boolean";
    case "string":
      return "string";
    case "number":
      return Number.isInteger(v) ? "integer" : "number";
    default:
      return "object";
  }
}
