// config-istio's `external-gateways` / `local-gateways` value decoded as net-istio decodes it:
// sigs.k8s.io/yaml v1.6 Unmarshal into []config.Gateway. That is go-yaml v2 (YAML 1.1: `yes`,
// `on`, `n` are booleans, `0x1F` and `1_000` integers; a timestamp or `1:20` stays a string),
// then convertToJSONableObject (a scalar bound for a string field becomes its Go text), then
// encoding/json into the struct (field names matched exactly or case-insensitively, unknown keys
// ignored, null leaves a field empty).
import { parseAllDocuments, type Tags } from "yaml";
import { compareUTF8 } from "../go-values";
import type { LabelSelector, LabelSelectorRequirement } from "./label-selector";

/** One element of the list, as config.Gateway holds it (ServiceURL's JSON name is `service`). */
export interface DecodedGateway {
  namespace: string;
  name: string;
  service: string;
  labelSelector?: LabelSelector;
}

type Obj = Record<string, unknown>;

/** parseNewFormatGateways: throws the reason the value does not decode. */
export function decodeGatewayList(data: string): DecodedGateway[] {
  const docs = parseAllDocuments(data, { version: "1.1", uniqueKeys: false, customTags: goYAMLTags });
  // go-yaml v2 reads the first document only; an empty stream is null.
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (!doc) return [];
  if (doc.errors.length > 0) throw new Error(`error converting YAML to JSON: ${doc.errors[0]?.message ?? "invalid YAML"}`);
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) throw typeError(raw, "[]config.Gateway");
  return raw.map(decodeGateway);
}

// go-yaml v2 has no timestamps for an untyped value and no base-60 numbers (`1:20` is a string).
function goYAMLTags(tags: Tags): Tags {
  return tags.filter((t) => typeof t === "string" || (t.tag !== "tag:yaml.org,2002:timestamp" && !("format" in t && t.format === "TIME")));
}

function decodeGateway(v: unknown): DecodedGateway {
  const o = object(v, "config.Gateway") ?? {};
  const sel = field(o, "labelSelector");
  return {
    namespace: str(field(o, "Namespace", true), "Gateway.Namespace"),
    name: str(field(o, "Name", true), "Gateway.Name"),
    service: str(field(o, "service", true), "Gateway.service"),
    ...(sel !== null && sel !== undefined && { labelSelector: decodeSelector(sel) }),
  };
}

function decodeSelector(v: unknown): LabelSelector {
  const o = object(v, "v1.LabelSelector") ?? {};
  const labels = object(field(o, "matchLabels"), "map[string]string");
  const exprs = field(o, "matchExpressions");
  return {
    ...(labels && { matchLabels: Object.fromEntries(Object.entries(labels).map(([k, x]) => [k, str(x, "LabelSelector.matchLabels")])) }),
    ...(exprs !== null && exprs !== undefined && { matchExpressions: list(exprs, "[]v1.LabelSelectorRequirement").map(decodeRequirement) }),
  };
}

function decodeRequirement(v: unknown): LabelSelectorRequirement {
  const o = object(v, "v1.LabelSelectorRequirement") ?? {};
  const values = field(o, "values");
  return {
    key: str(field(o, "key", true), "LabelSelectorRequirement.key"),
    operator: str(field(o, "operator", true), "LabelSelectorRequirement.operator"),
    ...(values !== null && values !== undefined && { values: list(values, "[]string").map((x) => str(x, "LabelSelectorRequirement.values")) }),
  };
}

// encoding/json's field lookup: a key names a field exactly or case-insensitively, and unknown keys
// are ignored. json.Marshal wrote the converted map with sorted keys and the decoder sets the field
// once per key, so among case variants ("name", "Name") the last in byte order wins; a null leaves
// a string as it was. (Two variants of one map or selector key would merge in Go; not modelled.)
function field(o: Obj, name: string, nullKeeps = false): unknown {
  const lower = asciiLower(name);
  const keys = Object.keys(o)
    .filter((k) => asciiLower(k) === lower)
    .sort(compareUTF8);
  const set = nullKeeps ? keys.filter((k) => o[k] !== null) : keys;
  const last = set.at(-1);
  return last === undefined ? undefined : o[last];
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function object(v: unknown, goType: string): Obj | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== "object" || Array.isArray(v)) throw typeError(v, goType);
  return v as Obj;
}

function list(v: unknown, goType: string): unknown[] {
  if (!Array.isArray(v)) throw typeError(v, goType);
  return v;
}

// A string field: null leaves it empty; a number or boolean becomes its Go text (strconv).
function str(v: unknown, goField: string): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : formatFloat32G(v);
  throw typeError(v, `Go struct field ${goField} of type string`);
}

function typeError(v: unknown, goType: string): Error {
  const kind = Array.isArray(v) ? "array" : v === null ? "null" : typeof v === "object" ? "object" : typeof v;
  return new Error(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into ${goType.startsWith("Go ") ? goType : `Go value of type ${goType}`}`,
  );
}

/** strconv.FormatFloat(v, 'g', -1, 32): the shortest digits that round-trip as a float32. */
export function formatFloat32G(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "+Inf" : "-Inf";
  const f = Math.fround(v);
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  let p = 1;
  while (p < 9 && Math.fround(Number(f.toPrecision(p))) !== f) p++;
  const [mantissa = "", expText = "0"] = Math.abs(f)
    .toExponential(p - 1)
    .split("e");
  const digits = mantissa.replace(".", "").replace(/0+$/, "") || "0";
  const exp = Number(expText);
  const sign = f < 0 ? "-" : "";
  // %e when the exponent is below -4 or at least 6 (eprec is 6 for the shortest form).
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${sign}${int}${frac ? `.${frac}` : ""}`;
}
