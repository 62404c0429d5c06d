// validateHTTPRoute: the API server's verdict on creating an HTTPRoute, computed in the browser
// from the cluster's own CRD. Steps in the server's order: metadata, prune + default, OpenAPI
// schema, list-type uniqueness, then CEL rules unless an earlier error blocks them.
import type { CustomResourceDefinition } from "./crd-types.ts";
import { compiledVersion, servedApiVersions } from "./compile-crd.ts";
import { evaluateRules } from "./cel-validate.ts";
import { isPlainObject, pruneAndDefault } from "./defaults.ts";
import { BLOCKING, notSupported, SKIPPED_RULES, typeInvalid, type FieldError, type FieldErrorType } from "./field-errors.ts";
import { validateListTypes } from "./list-types.ts";
import { validateObjectMeta } from "./object-meta.ts";
import { validateSchema } from "./schema-validate.ts";

export interface ValidationError {
  /** JSON path like spec.rules[0].matches[0].path.value; "" for the whole object (the server's `<nil>`). */
  path: string;
  /** The API server's message for this cause, worded as it words it. */
  message: string;
  /** The server's cause reason, e.g. FieldValueInvalid. */
  reason: string;
  elementId?: string;
}

export interface ValidateOptions {
  /** Maps a JSON path to the graph element it belongs to (lib/graph provides one). */
  elementIdFor?: (path: string) => string | undefined;
}

const REASONS: Record<FieldErrorType, string> = {
  Invalid: "FieldValueInvalid",
  Required: "FieldValueRequired",
  NotSupported: "FieldValueNotSupported",
  TooLong: "FieldValueTooLong",
  TooMany: "FieldValueTooMany",
  TypeInvalid: "FieldValueTypeInvalid",
  Duplicate: "FieldValueDuplicate",
  Forbidden: "FieldValueForbidden",
};

const TYPE_META = new Set(["apiVersion", "kind", "metadata"]);

export function validateHTTPRoute(
  route: unknown,
  crd: CustomResourceDefinition,
  opts: ValidateOptions = {},
): ValidationError[] {
  return validateCustomResource(route, crd, opts);
}

/** The same checks for any custom resource of `crd` (HTTPRoute is the one Routeboard edits). */
export function validateCustomResource(
  obj: unknown,
  crd: CustomResourceDefinition,
  opts: ValidateOptions = {},
): ValidationError[] {
  return publish(check(obj, crd), opts);
}

function check(obj: unknown, crd: CustomResourceDefinition): FieldError[] {
  if (!isPlainObject(obj)) return [typeInvalid("", typeof obj, "the object must be a JSON object")];
  const apiVersion = typeof obj.apiVersion === "string" ? obj.apiVersion : "";
  const version = compiledVersion(crd, apiVersion);
  if (!version) return [notSupported("apiVersion", apiVersion, servedApiVersions(crd))];
  if (obj.kind !== crd.spec.names.kind) return [notSupported("kind", obj.kind ?? "", [crd.spec.names.kind])];

  const out: FieldError[] = [];
  validateObjectMeta(obj.metadata, out);
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (TYPE_META.has(k) || (k === "status" && version.dropsStatus)) continue;
    rest[k] = v;
  }
  const body = pruneAndDefault(rest, version.schema);
  validateSchema(body, version.schema, "", out);
  validateListTypes(body, version.schema, "", out);
  if (out.some((e) => BLOCKING.has(e.type))) out.push(SKIPPED_RULES);
  else evaluateRules(body, version.rules, "", out);
  return out;
}

function publish(errors: FieldError[], opts: ValidateOptions): ValidationError[] {
  return errors.map((e) => {
    const elementId = opts.elementIdFor?.(e.path);
    const pub: ValidationError = { path: e.path, message: e.message, reason: REASONS[e.type] };
    if (elementId !== undefined) pub.elementId = elementId;
    return pub;
  });
}
