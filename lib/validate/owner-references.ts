// apimachinery's ValidateOwnerReferences and validateOwnerReference. Their field paths name the
// list, not the element (`metadata.ownerReferences.uid`), as the server prints them; values are
// the Go structs as json.Marshal writes them, in struct field order.
import { isPlainObject } from "./defaults.ts";
import { invalid, type FieldError } from "./field-errors.ts";
import { goJson } from "./go-format.ts";

interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

const PATH = "metadata.ownerReferences";

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const flag = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : undefined);

// Decoded as metav1.OwnerReference: a null element is the zero value.
function decode(v: unknown): OwnerReference {
  const o = isPlainObject(v) ? v : {};
  const ref: OwnerReference = { apiVersion: str(o.apiVersion), kind: str(o.kind), name: str(o.name), uid: str(o.uid) };
  const controller = flag(o.controller);
  const blockOwnerDeletion = flag(o.blockOwnerDeletion);
  if (controller !== undefined) ref.controller = controller;
  if (blockOwnerDeletion !== undefined) ref.blockOwnerDeletion = blockOwnerDeletion;
  return ref;
}

/** The struct's JSON: fields in declaration order, the optional pointers only when set. */
const refJson = (ref: OwnerReference): string =>
  `{${Object.entries(ref)
    .map(([k, v]) => `${goJson(k)}:${goJson(v)}`)
    .join(",")}}`;

// schema.ParseGroupVersion via FromAPIVersionAndKind: more than one '/' leaves no version at all.
function versionOf(apiVersion: string): string {
  if (apiVersion === "" || apiVersion === "/") return "";
  const parts = apiVersion.split("/");
  if (parts.length === 1) return apiVersion;
  return parts.length === 2 ? (parts[1] ?? "") : "";
}

const groupOf = (apiVersion: string) => (apiVersion.split("/").length === 2 ? (apiVersion.split("/")[0] ?? "") : "");

export function validateOwnerReferences(value: unknown, out: FieldError[]): void {
  const refs = Array.isArray(value) ? value.map(decode) : [];
  let firstController = "";
  for (const ref of refs) {
    const version = versionOf(ref.apiVersion);
    if (version === "") out.push(invalid(`${PATH}.apiVersion`, ref.apiVersion, "version must not be empty"));
    if (ref.kind === "") out.push(invalid(`${PATH}.kind`, ref.kind, "must not be empty"));
    if (ref.name === "") out.push(invalid(`${PATH}.name`, ref.name, "must not be empty"));
    if (ref.uid === "") out.push(invalid(`${PATH}.uid`, ref.uid, "must not be empty"));
    // BannedOwners: core/v1 Events may own nothing.
    if (version === "v1" && groupOf(ref.apiVersion) === "" && ref.kind === "Event") {
      out.push(invalidRaw(PATH, refJson(ref), "/v1, Kind=Event is disallowed from being an owner"));
    }
    if (ref.controller !== true) continue;
    const current = `${ref.kind}/${ref.name}`;
    if (firstController === "") firstController = current;
    else {
      const all = `[${refs.map((r) => refJson(r)).join(",")}]`;
      out.push(invalidRaw(PATH, all, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`));
    }
  }
}

/** field.Invalid with a value already rendered as JSON. */
function invalidRaw(path: string, json: string, detail: string): FieldError {
  return { ...invalid(path, null, detail), message: `Invalid value: ${json}: ${detail}` };
}
