// How a create or update (not an apply) reads metadata: the custom resource handler decodes it
// into a metav1.ObjectMeta (apiextensions-apiserver schema/objectmeta GetObjectMetaWithOptions,
// strict when fieldValidation asks for unknown fields). A value of the wrong Go type fails the
// request with encoding/json's words (HTTP 400); unknown fields are reported as paths.
// encoding/json reads the re-marshalled metadata (keys sorted), keeps the first type error and
// goes on, but stops at once on an error from metav1.Time's own decoder.
import { isPlainObject } from "./defaults.ts";
import { refusal, type FieldError } from "./field-errors.ts";
import { goJsonNumber } from "./go-values.ts";
import { goTimeParseError } from "./go-time.ts";
import { childPath, indexPath } from "./json-path.ts";
import { GO_OBJECT_META, type GoType } from "./object-meta-schema.ts";

export interface DecodedMeta {
  /** The request's failure, if the metadata does not decode. */
  error?: FieldError;
  /** Fields ObjectMeta does not have, as `metadata.x` paths (reported only when decoding works). */
  unknown: string[];
}

interface State {
  saved?: FieldError;
  abort?: FieldError;
  unknown: string[];
}

/** Where encoding/json is: the innermost struct and the JSON keys since the outermost one. */
interface Ctx {
  struct?: string;
  fields: string[];
}

const jsonKind = (v: unknown) =>
  typeof v === "string" ? "string" : typeof v === "number" ? "number" : typeof v === "boolean" ? "bool" : Array.isArray(v) ? "array" : "object";

// UnmarshalTypeError.Error: with a struct context, "Go struct field S.a.b of type T".
function typeError(ctx: Ctx, what: string, type: string, path: string): FieldError {
  const into = ctx.struct ? `Go struct field ${ctx.struct}.${ctx.fields.join(".")}` : "Go value";
  return refusal(path, "BadRequest", `json: cannot unmarshal ${what} into ${into} of type ${type}`);
}

export function decodeObjectMeta(meta: unknown): DecodedMeta {
  if (meta === undefined) return { unknown: [] };
  const st: State = { unknown: [] };
  decode(meta, GO_OBJECT_META, "metadata", { fields: [] }, st);
  const error = st.abort ?? st.saved;
  return error ? { error, unknown: [] } : { unknown: st.unknown };
}

function decode(v: unknown, t: GoType, path: string, ctx: Ctx, st: State): void {
  if (st.abort || v === null || t.kind === "raw") return;
  const save = (what: string) => void (st.saved ??= typeError(ctx, what, t.name, path));
  switch (t.kind) {
    case "string":
      if (typeof v !== "string") save(jsonKind(v));
      return;
    case "bool":
      if (typeof v !== "boolean") save(jsonKind(v));
      return;
    case "int64":
      if (typeof v !== "number") save(jsonKind(v));
      else if (!Number.isInteger(v) || Math.abs(v) >= 2 ** 63) save(`number ${goJsonNumber(v)}`);
      return;
    case "time":
      if (typeof v !== "string") st.abort = typeError(ctx, jsonKind(v), "string", path);
      else {
        const bad = goTimeParseError(v);
        if (bad) st.abort = refusal(path, "BadRequest", bad);
      }
      return;
    case "map":
      if (!isPlainObject(v)) return save(jsonKind(v));
      for (const k of Object.keys(v).sort()) decode(v[k], t.elem, childPath(path, k), ctx, st);
      return;
    case "slice":
      if (!Array.isArray(v)) return save(jsonKind(v));
      v.forEach((x, i) => decode(x, t.elem, indexPath(path, i), ctx, st));
      return;
    case "struct":
      if (!isPlainObject(v)) return save(jsonKind(v));
      for (const k of Object.keys(v).sort()) {
        const ft = t.fields[k];
        if (!ft) st.unknown.push(childPath(path, k));
        else decode(v[k], ft, childPath(path, k), { struct: t.name.replace(/^v1\./, ""), fields: [...ctx.fields, k] }, st);
      }
  }
}
