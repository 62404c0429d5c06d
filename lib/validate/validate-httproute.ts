// validateHTTPRoute: the API server's verdict on writing an HTTPRoute, computed in the browser
// from the cluster's own CRD. Steps in the server's order. A server-side apply (how Routeboard
// writes): managedFields, the typed patch (undeclared fields, types, list keys), resourceVersion.
// A create or update: ObjectMeta's decoder, then pruning (reported as warnings). Then both:
// metadata, prune + default, OpenAPI schema, list-type uniqueness, and CEL rules unless an
// earlier error blocks them.
import type { CustomResourceDefinition } from "./crd-types.ts";
import { managedFieldsError, resourceVersionError } from "./apply-checks.ts";
import { compiledVersion, servedApiVersions, type CompiledVersion } from "./compile-crd.ts";
import { evaluateRules } from "./cel-validate.ts";
import { isPlainObject, pruneAndDefault } from "./defaults.ts";
import { BLOCKING, notSupported, SKIPPED_RULES, typeInvalid, type FieldError, type FieldErrorType } from "./field-errors.ts";
import { goQuote } from "./go-format.ts";
import { validateListTypes } from "./list-types.ts";
import { decodeObjectMeta } from "./metadata-decode.ts";
import { validateObjectMeta } from "./object-meta.ts";
import { finalizerWarnings } from "./object-meta-warnings.ts";
import { validateSchema } from "./schema-validate.ts";
import { typedPatchErrors } from "./typed-patch.ts";
import { prunedFields } from "./unknown-fields.ts";

export interface ValidationError {
  /** JSON path like spec.rules[0].matches[0].path.value; "" for the whole object (the server's `<nil>`). */
  path: string;
  /** The API server's message for this cause, worded as it words it. */
  message: string;
  /**
   * The server's cause reason, e.g. FieldValueInvalid. For a refusal the server reports without
   * causes, the reason of its answer: InternalError for apply's typed patch and a malformed
   * resourceVersion (HTTP 500), BadRequest for managedFields in an apply or metadata that does
   * not decode (HTTP 400).
   */
  reason: string;
  elementId?: string;
}

/**
 * What the server sends back in Warning headers: unknown fields a create pruned (even when it
 * then refuses the object), and, for an object it accepts, finalizers that are not domain-qualified.
 */
export interface ValidationWarning {
  path: string;
  /** The warning's text as the server sends it, e.g. `unknown field "spec.foo"`. */
  message: string;
  elementId?: string;
}

export interface ValidationResult {
  errors: ValidationError[];
  warnings: ValidationWarning[];
}

export interface ValidateOptions {
  /** Maps a JSON path to the graph element it belongs to (lib/graph provides one). */
  elementIdFor?: (path: string) => string | undefined;
  /**
   * The request that will carry the object. "apply" (the default): server-side apply, as
   * Routeboard writes. It refuses a field the schema does not declare whatever fieldValidation
   * says (`spec.foo: field not declared in schema`), and checks metadata and status as strictly.
   * "create": a POST with fieldValidation=Warn (the server's default) or Ignore: such fields are
   * pruned, and come back as warnings (`unknown field "spec.foo"`; with Ignore the server itself
   * stays silent). An update's own metadata rules (ValidateObjectMetaAccessorUpdate) are not modelled.
   */
  request?: "apply" | "create";
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
  TypedPatch: "InternalError",
  BadRequest: "BadRequest",
  Internal: "InternalError",
};

const TYPE_META = new Set(["apiVersion", "kind", "metadata"]);

export function validateHTTPRoute(route: unknown, crd: CustomResourceDefinition, opts: ValidateOptions = {}): ValidationError[] {
  return checkCustomResource(route, crd, opts).errors;
}

/** The same checks for any custom resource of `crd` (HTTPRoute is the one Routeboard edits). */
export function validateCustomResource(obj: unknown, crd: CustomResourceDefinition, opts: ValidateOptions = {}): ValidationError[] {
  return checkCustomResource(obj, crd, opts).errors;
}

/** validateHTTPRoute with the warnings the server would send. */
export function checkHTTPRoute(route: unknown, crd: CustomResourceDefinition, opts: ValidateOptions = {}): ValidationResult {
  return checkCustomResource(route, crd, opts);
}

export function checkCustomResource(obj: unknown, crd: CustomResourceDefinition, opts: ValidateOptions = {}): ValidationResult {
  const found = check(obj, crd, opts.request ?? "apply");
  const at = <T extends { path: string; elementId?: string }>(x: T): T => {
    const elementId = opts.elementIdFor?.(x.path);
    return elementId === undefined ? x : { ...x, elementId };
  };
  return {
    errors: found.errors.map((e) => at({ path: e.path, message: e.message, reason: REASONS[e.type] })),
    warnings: found.warnings.map(at),
  };
}

interface Found {
  errors: FieldError[];
  warnings: ValidationWarning[];
}

const refused = (errors: FieldError[]): Found => ({ errors, warnings: [] });

function check(obj: unknown, crd: CustomResourceDefinition, request: "apply" | "create"): Found {
  if (!isPlainObject(obj)) return refused([typeInvalid("", typeof obj, "the object must be a JSON object")]);
  const apiVersion = typeof obj.apiVersion === "string" ? obj.apiVersion : "";
  const version = compiledVersion(crd, apiVersion);
  if (!version) return refused([notSupported("apiVersion", apiVersion, servedApiVersions(crd))]);
  if (obj.kind !== crd.spec.names.kind) return refused([notSupported("kind", obj.kind ?? "", [crd.spec.names.kind])]);

  if (request === "apply") {
    const managed = managedFieldsError(obj.metadata);
    if (managed) return refused([managed]);
    const typed = typedPatchErrors(obj, version.schema);
    if (typed.length > 0) return refused(typed);
    const rv = resourceVersionError(obj.metadata);
    return rv ? refused([rv]) : validate(obj, version, [], true);
  }
  const meta = decodeObjectMeta(obj.metadata);
  if (meta.error) return refused([meta.error]);
  const unknown = [...meta.unknown, ...prunedFields(obj, version.schema)];
  return validate(
    obj,
    version,
    unknown.map((path) => ({ path, message: `unknown field ${goQuote(path)}` })),
  );
}

function validate(obj: Record<string, unknown>, version: CompiledVersion, warnings: ValidationWarning[], applied = false): Found {
  const out: FieldError[] = [];
  validateObjectMeta(obj.metadata, out);
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (TYPE_META.has(k) || (k === "status" && version.dropsStatus)) continue;
    rest[k] = v;
  }
  const body = pruneAndDefault(rest, version.schema, applied);
  validateSchema(body, version.schema, "", out);
  validateListTypes(body, version.schema, "", out);
  if (out.some((e) => BLOCKING.has(e.type))) out.push(SKIPPED_RULES);
  else evaluateRules(body, version.rules, "", out);
  if (out.length > 0) return { errors: out, warnings };
  return { errors: out, warnings: [...warnings, ...finalizerWarnings(obj.metadata).map((message) => ({ path: "metadata.finalizers", message }))] };
}
