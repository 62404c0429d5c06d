// JSON values printed the way Go's fmt prints the unstructured values (map[string]interface{},
// []interface{}, int64, float64, string, bool, nil) that structured-merge-diff puts in its typed
// patch errors ("expected list, got &{a.com}"), so those messages read exactly like the server's.
// A JSON integer within int64 is an int64 on the server; any other number is a float64.
import { goNumber, goQuote } from "./go-format.ts";

const isInt64 = (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 63;

const sortedEntries = (o: object) => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** fmt's %v. */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(" ")}]`;
  return `map[${sortedEntries(v)
    .map(([k, x]) => `${k}:${goV(x)}`)
    .join(" ")}]`;
}

/** fmt's %#v, as for a value held in an interface{} (a nil one prints as `interface {}(nil)`). */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(", ")}}`;
  return `map[string]interface {}{${sortedEntries(v)
    .map(([k, x]) => `${goQuote(k)}:${goSharpV(x)}`)
    .join(", ")}}`;
}

/** fmt's %T of the unstructured value. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return isInt64(v) ? "int64" : "float64";
  if (typeof v === "boolean") return "bool";
  return Array.isArray(v) ? "[]interface {}" : "map[string]interface {}";
}

/** How encoding/json writes the number back out (the request decoder re-marshals unstructured). */
export function goJsonNumber(n: number): string {
  return isInt64(n) ? BigInt(n).toString() : String(n);
}

/** structured-merge-diff's value.ToString: the form keys take in its paths, `[name="x"]`. */
export function smdValueString(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(smdValueString).join(",")}]`;
  // Go iterates the map in no fixed order and joins with nothing; sorted here.
  return sortedEntries(v)
    .map(([k, x]) => `${k}=${smdValueString(x)}`)
    .join("");
}
