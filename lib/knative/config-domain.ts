// config-domain as Knative parses it (knative/serving pkg/reconciler/route/config/domain.go
// NewDomainFromConfigMap): each key but `_example` is a domain, its value YAML for
// `{selector: {label: value}, type: wildcard}` read by sigs.k8s.io/yaml, which resolves plain
// scalars as YAML 1.1 does (go.yaml.in/yaml/v2) and turns them into strings for string fields.
import { isAlias, isMap, isScalar, parseDocument, Scalar, type Document, type Node } from "yaml";

export interface ConfigDomainResult {
  /** Domain → label selector ({} for a default domain), as the ConfigMap lists them. */
  domains: Record<string, Record<string, string>>;
  /** Why Knative rejects the ConfigMap (the first bad value); domains is then empty. */
  error?: string;
}

/** knative.dev/pkg configmap.ExampleKey, skipped by every Knative config parser. */
export const EXAMPLE_KEY = "_example";

class DomainConfigError extends Error {}

export function parseConfigDomain(data: Readonly<Record<string, string>> = {}): ConfigDomainResult {
  const domains: Record<string, Record<string, string>> = {};
  try {
    for (const [domain, raw] of Object.entries(data)) {
      if (domain === EXAMPLE_KEY) continue;
      domains[domain] = parseDomainValue(domain, raw);
    }
  } catch (err) {
    if (err instanceof DomainConfigError) return { domains: {}, error: err.message };
    throw err;
  }
  return { domains };
}

/** yaml.Unmarshal into domainInternalConfig: the selector, if any; an empty one is a default domain. */
function parseDomainValue(domain: string, raw: string): Record<string, string> {
  // failsafe keeps every scalar a string, so Go's own resolution can be applied below.
  const doc = parseDocument(raw, { schema: "failsafe", uniqueKeys: false });
  if (doc.errors.length > 0) throw new DomainConfigError(`${domain}: error converting YAML to JSON: ${doc.errors[0]?.message ?? ""}`);
  const root = deref(doc, doc.contents);
  if (root === null || isNull(root)) return {};
  if (!isMap(root))
    throw new DomainConfigError(
      `${domain}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(root)} into Go value of type config.domainInternalConfig`,
    );
  let selector: Record<string, string> = {};
  for (const pair of root.items) {
    const key = mapKey(doc, pair.key as Node | null, domain).toLowerCase();
    const value = deref(doc, pair.value as Node | null);
    // encoding/json matches struct fields case-insensitively; unknown fields are ignored.
    if (key === "selector") selector = parseSelector(doc, value, domain);
    else if (key === "type") asString(doc, value, domain, "type");
  }
  return selector;
}

function parseSelector(doc: Document, node: Node | null, domain: string): Record<string, string> {
  if (node === null || isNull(node)) return {};
  if (!isMap(node))
    throw new DomainConfigError(
      `${domain}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(node)} into Go struct field domainInternalConfig.selector of type map[string]string`,
    );
  const out: Record<string, string> = {};
  for (const pair of node.items) out[mapKey(doc, pair.key as Node | null, domain)] = asString(doc, deref(doc, pair.value as Node | null), domain, "selector");
  return out;
}

function deref(doc: Document, node: Node | null | undefined): Node | null {
  if (node === null || node === undefined) return null;
  return isAlias(node) ? (node.resolve(doc) ?? null) : node;
}

/** A scalar decoded into a Go string field: YAML 1.1 values become their Go string form. */
function asString(doc: Document, node: Node | null, domain: string, field: string): string {
  if (node === null) return "";
  if (!isScalar(node))
    throw new DomainConfigError(
      `${domain}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(node)} into Go struct field domainInternalConfig.${field} of type string`,
    );
  const v = goResolve(node);
  return v === null ? "" : v;
}

/** convertToJSONableObject's map keys: strings as they are, numbers and booleans formatted. */
function mapKey(doc: Document, node: Node | null, domain: string): string {
  const key = deref(doc, node);
  const v = key !== null && isScalar(key) ? goResolve(key) : null;
  if (v === null) throw new DomainConfigError(`${domain}: error converting YAML to JSON: unsupported map key`);
  return v;
}

function isNull(node: Node): boolean {
  return isScalar(node) && goResolve(node) === null;
}

function jsonKind(node: Node): string {
  if (isMap(node)) return "object";
  if (isScalar(node)) return "string";
  return "array";
}

const YAML11_TRUE = new Set(["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]);
const YAML11_FALSE = new Set(["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]);
const YAML11_NULL = new Set(["", "~", "null", "Null", "NULL"]);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * go.yaml.in/yaml/v2 resolve for a plain scalar, then sigs.k8s.io/yaml's string conversion:
 * booleans "true"/"false", integers in decimal, floats as FormatFloat(f, 'g', -1, 32); null is
 * returned as null. Quoted and block scalars are strings.
 */
export function goResolve(node: Scalar): string | null {
  const s = String(node.value);
  if (node.type !== Scalar.PLAIN) return s;
  if (YAML11_NULL.has(s)) return null;
  if (YAML11_TRUE.has(s)) return "true";
  if (YAML11_FALSE.has(s)) return "false";
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s)) return s.startsWith("-") ? "-Inf" : "+Inf";
  if (/^\.(nan|NaN|NAN)$/.test(s)) return "NaN";
  if (!/^[-+0-9.]/.test(s)) return s;
  // A timestamp stays a string: yaml.v2 keeps timestamps decoded into interface{} as text.
  if (/^\d{4}-/.test(s)) return s;
  const plain = s.replaceAll("_", "");
  const int = goParseInt(plain);
  if (int !== null) return int.toString();
  if (YAML_FLOAT.test(plain) || (s.startsWith(".") && YAML_FLOAT.test(s))) return formatFloat32(Number(plain));
  return s;
}

/** strconv.ParseInt(s, 0, 64) (and ParseUint): sign, then 0x / 0o / 0b / 0 prefixes. */
function goParseInt(s: string): bigint | null {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return null;
  const body = m[2] ?? "";
  const digits = /^0[0-7]+$/.test(body) ? `0o${body.slice(1)}` : body;
  const v = BigInt(digits) * (m[1] === "-" ? -1n : 1n);
  return v >= -(2n ** 63n) && v < 2n ** 64n ? v : null;
}

/** strconv.FormatFloat(f, 'g', -1, 32): the shortest float32 digits; %e below 1e-4 or from 1e6. */
export function formatFloat32(f: number): string {
  const x = Math.fround(f);
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "NaN" : x > 0 ? "+Inf" : "-Inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  let digits = "";
  for (let p = 1; p <= 9; p++) {
    digits = x.toPrecision(p);
    if (Math.fround(Number(digits)) === x) break;
  }
  const [mant, expStr] = Number(digits).toExponential().split("e");
  const exp = Number(expStr);
  // ftoa.go %g: with the shortest precision the switch to %e is at exponent < -4 or >= 6.
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  const nd = (mant ?? "").replace(/[-.]/g, "").length;
  return Number(digits).toFixed(Math.max(0, nd - exp - 1));
}
