// The metadata checks the API server makes on every custom resource it creates, before the
// schema (apiextensions' customResourceValidator.Validate calls apimachinery's
// ValidateObjectMetaAccessor with NameIsDNSSubdomain). `meta` has already passed the typed patch
// or ObjectMeta's decoder, so a value here is of its Go type, or null for the zero value.
// generation is not checked: a create sets it to 1 first (customResourceStrategy.PrepareForCreate).
import { isDNS1123Label, isDNS1123Subdomain, isLabelValue, isQualifiedName, utf8Length } from "../k8s/names.ts";
import { isPlainObject } from "./defaults.ts";
import { invalid, required, tooLong, type FieldError } from "./field-errors.ts";
import { validateOwnerReferences } from "./owner-references.ts";

/** ValidateAnnotations' TotalAnnotationSizeLimitB: keys and values together, in bytes. */
const ANNOTATIONS_LIMIT = 256 * 1024;

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strMap = (v: unknown): [string, string][] => (isPlainObject(v) ? Object.entries(v).map(([k, x]) => [k, str(x)]) : []);
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);

export function validateObjectMeta(meta: unknown, out: FieldError[]): void {
  const m = isPlainObject(meta) ? meta : {};
  const name = str(m.name);
  const generateName = str(m.generateName);
  if (generateName !== "") {
    const [masked, bytes] = maskTrailingDash(generateName);
    for (const msg of isDNS1123Subdomain(masked, bytes)) out.push(invalid("metadata.generateName", generateName, msg));
  }
  // A create names the object from generateName before this check; apply always has a name.
  if (name === "" && generateName === "") out.push(required("metadata.name", "name or generateName is required"));
  for (const msg of name === "" ? [] : isDNS1123Subdomain(name)) out.push(invalid("metadata.name", name, msg));
  // An empty namespace is the request's own (EnsureObjectNamespaceMatchesRequestNamespace).
  const namespace = str(m.namespace);
  for (const msg of namespace === "" ? [] : isDNS1123Label(namespace)) out.push(invalid("metadata.namespace", namespace, msg));
  validateLabels(strMap(m.labels), out);
  validateAnnotations(strMap(m.annotations), out);
  validateOwnerReferences(m.ownerReferences, out);
  validateFinalizers(strList(m.finalizers), out);
}

// maskTrailingDash (NameIsDNSSubdomain with prefix=true): when the prefix ends in '-', its last
// two bytes become "a". Go cuts bytes, so the result is returned as one character per byte.
function maskTrailingDash(name: string): [string, number] {
  const bytes = new TextEncoder().encode(name);
  if (bytes.length <= 1 || !name.endsWith("-")) return [name, bytes.length];
  const kept = bytes.subarray(0, bytes.length - 2);
  return [String.fromCharCode(...kept) + "a", kept.length + 1];
}

// v1validation.ValidateLabels: keys are qualified names, values label values.
function validateLabels(labels: [string, string][], out: FieldError[]): void {
  for (const [k, v] of labels) {
    for (const msg of isQualifiedName(k)) out.push(invalid("metadata.labels", k, msg));
    for (const msg of isLabelValue(v)) out.push(invalid("metadata.labels", v, msg));
  }
}

// ValidateAnnotations: keys are qualified names in any case; the whole map has a size limit.
function validateAnnotations(annotations: [string, string][], out: FieldError[]): void {
  let size = 0;
  for (const [k, v] of annotations) {
    for (const msg of isQualifiedName(k.toLowerCase())) out.push(invalid("metadata.annotations", k, msg));
    size += utf8Length(k) + utf8Length(v);
  }
  if (size > ANNOTATIONS_LIMIT) out.push(tooLong("metadata.annotations", ANNOTATIONS_LIMIT));
}

// ValidateFinalizers: qualified names (duplicates are the typed patch's business, not this one's),
// and not both of the garbage collector's contradictory finalizers.
function validateFinalizers(finalizers: string[], out: FieldError[]): void {
  for (const f of finalizers) for (const msg of isQualifiedName(f)) out.push(invalid("metadata.finalizers", f, msg));
  if (finalizers.includes("orphan") && finalizers.includes("foregroundDeletion")) {
    out.push(invalid("metadata.finalizers", finalizers, "finalizer orphan and foregroundDeletion cannot be both set"));
  }
}
