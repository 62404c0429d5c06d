// apimachinery's field.Error kinds, worded as the API server words them (k8s.io/apimachinery
// pkg/util/validation/field). Kept internal; validate-httproute turns them into public errors.
import { goJson, goQuote, goValue } from "./go-format.ts";

export type FieldErrorType =
  | "Invalid"
  | "Required"
  | "NotSupported"
  | "TooLong"
  | "TooMany"
  | "TypeInvalid"
  | "Duplicate"
  | "Forbidden"
  // Refusals that come before field validation and carry no cause: server-side apply's typed
  // patch (HTTP 500), the request decoder (HTTP 400) and the storage layer (HTTP 500).
  | "TypedPatch"
  | "BadRequest"
  | "Internal";

export interface FieldError {
  /** "" is the server's `<nil>`: an error about no field in particular. */
  path: string;
  type: FieldErrorType;
  message: string;
}

export const invalid = (path: string, value: unknown, detail: string): FieldError => ({
  path,
  type: "Invalid",
  message: `Invalid value: ${goValue(value)}: ${detail}`,
});

/** CEL rule failures: the server omits the value and prints only the rule's message. */
export const invalidOmitValue = (path: string, detail: string): FieldError => ({
  path,
  type: "Invalid",
  message: `Invalid value: ${detail}`,
});

export const required = (path: string, detail = ""): FieldError => ({
  path,
  type: "Required",
  message: detail ? `Required value: ${detail}` : "Required value",
});

export const forbidden = (path: string, detail: string): FieldError => ({
  path,
  type: "Forbidden",
  message: `Forbidden: ${detail}`,
});

export const notSupported = (path: string, value: unknown, allowed: readonly unknown[]): FieldError => ({
  path,
  type: "NotSupported",
  message:
    `Unsupported value: ${goValue(value)}` +
    // Non-string enum values are printed as their JSON text, quoted like strings (301 → "301").
    (allowed.length ? `: supported values: ${allowed.map((a) => goQuote(typeof a === "string" ? a : goJson(a))).join(", ")}` : ""),
});

export const tooLong = (path: string, max: number): FieldError => ({
  path,
  type: "TooLong",
  message: `Too long: may not be more than ${max} bytes`,
});

export const tooMany = (path: string, actual: number, max: number): FieldError => ({
  path,
  type: "TooMany",
  message: `Too many: ${actual}: must have at most ${max} items`,
});

export const typeInvalid = (path: string, value: unknown, detail: string): FieldError => ({
  path,
  type: "TypeInvalid",
  message: `Invalid value: ${goValue(value)}: ${detail}`,
});

export const duplicate = (path: string, value: unknown): FieldError => ({
  path,
  type: "Duplicate",
  message: `Duplicate value: ${goValue(value)}`,
});

/** A refusal worded exactly as the server words it, with no "Invalid value: ..." preamble. */
export const refusal = (path: string, type: "TypedPatch" | "BadRequest" | "Internal", message: string): FieldError => ({ path, type, message });

/** Error types after which the server skips CEL rules (apiextensions' hasBlockingErr). */
export const BLOCKING: ReadonlySet<FieldErrorType> = new Set(["NotSupported", "Required", "TooLong", "TooMany", "TypeInvalid"]);

export const SKIPPED_RULES = invalid(
  "",
  null,
  "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
);
