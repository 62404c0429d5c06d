// Server-side apply's refusals around the typed patch, in the order the server makes them:
// managedFields in the applied object (structuredMergeManager.Apply, HTTP 400, before the typed
// patch), then a resourceVersion that is not a uint64 (the storage layer's
// APIObjectVersioner.ObjectResourceVersion, a bare strconv.ParseUint error, HTTP 500, after it).
import { isPlainObject } from "./defaults.ts";
import { refusal, type FieldError } from "./field-errors.ts";
import { goQuote } from "./go-format.ts";

/** unstructured's GetManagedFields is non-nil for any list, an empty one included. */
export function managedFieldsError(meta: unknown): FieldError | undefined {
  if (!isPlainObject(meta) || !Array.isArray(meta.managedFields)) return undefined;
  return refusal("metadata.managedFields", "BadRequest", "metadata.managedFields must be nil");
}

const MAX_UINT64 = 2n ** 64n - 1n;

/** strconv.ParseUint(rv, 10, 64): decimal digits only (no sign), at most 2^64-1; "" means none. */
export function resourceVersionError(meta: unknown): FieldError | undefined {
  const rv = isPlainObject(meta) ? meta.resourceVersion : undefined;
  if (typeof rv !== "string" || rv === "") return undefined;
  const why = !/^[0-9]+$/.test(rv) ? "invalid syntax" : BigInt(rv) > MAX_UINT64 ? "value out of range" : undefined;
  return why ? refusal("metadata.resourceVersion", "Internal", `strconv.ParseUint: parsing ${goQuote(rv)}: ${why}`) : undefined;
}
