// config-network as Knative parses it (knative.dev/networking pkg/config NewConfigFromMap, the
// version knative-v1.23 pins: c7a7b772cac9), for the values the route reconciler uses. Like
// Knative it stops at the first error; a rejected ConfigMap contributes nothing.
import { renderGoTemplate, TemplateError, UnsupportedTemplateError } from "./go-template";
import { KNATIVE_DEFAULTS, type HTTPProtocol, type NetworkConfig } from "./network-config";
import { parseDocument } from "yaml";

export type ConfigNetworkValues = Pick<
  NetworkConfig,
  | "ingressClass"
  | "domainTemplate"
  | "tagTemplate"
  | "httpProtocol"
  | "defaultExternalScheme"
  | "systemInternalTLS"
  | "clusterLocalDomainTLS"
  | "externalDomainTLS"
>;

export interface ConfigNetworkResult {
  /** Only the values the ConfigMap sets; the rest are Knative's defaults. */
  values: ConfigNetworkValues;
  /** The key each value was read from. */
  keys: Partial<Record<keyof ConfigNetworkValues, string>>;
  /** Why Knative rejects the ConfigMap (its first error); values is then empty. */
  error?: string;
  /** Templates Knative accepts but Routeboard cannot evaluate. */
  unsupported: string[];
}

type Data = Readonly<Record<string, string>>;

class ConfigError extends Error {}

/** NewConfigFromMap, for the fields MakeIngress reads; the other keys are checked as Knative checks them. */
export function parseConfigNetwork(data: Data = {}): ConfigNetworkResult {
  const values: ConfigNetworkValues = {};
  const keys: ConfigNetworkResult["keys"] = {};
  const unsupported: string[] = [];
  try {
    // Legacy camelCase keys first; the new key takes precedence (cm.Parse order).
    asString(data, ["ingress.class", "ingress-class"], (v, k) => set("ingressClass", v, k));
    asString(data, ["domainTemplate", "domain-template"], (v, k) => set("domainTemplate", v, k));
    asString(data, ["tagTemplate", "tag-template"], (v, k) => set("tagTemplate", v, k));
    const rollout = asInt(data, ["rolloutDuration", "rollout-duration"]);
    asBool(data, ["autocreateClusterDomainClaims", "autocreate-cluster-domain-claims"]);
    asBool(data, ["enable-mesh-pod-addressability"]);
    asString(data, ["defaultExternalScheme", "default-external-scheme"], (v, k) => set("defaultExternalScheme", v, k));
    const internalEncryption = asBool(data, ["internal-encryption"]);
    checkLabelSelector(data["namespace-wildcard-cert-selector"]);
    if (rollout !== undefined && rollout < 0) throw new ConfigError(`rollout-duration must be a positive integer, but was ${rollout}`);
    const domainTemplate = values.domainTemplate ?? KNATIVE_DEFAULTS.domainTemplate;
    unsupported.push(...checkTemplate(domainTemplate, checkDomainTemplate));
    unsupported.push(...checkTemplate(values.tagTemplate ?? KNATIVE_DEFAULTS.tagTemplate, checkTagTemplate));
    externalDomainTLS(data, set);
    httpProtocol(data, set);
    encryption(data, "system-internal-tls", internalEncryption === true, (v, k) => set("systemInternalTLS", v, k));
    encryption(data, "cluster-local-domain-tls", false, (v, k) => set("clusterLocalDomainTLS", v, k));
  } catch (err) {
    if (err instanceof ConfigError) return { values: {}, keys: {}, error: err.message, unsupported: [] };
    throw err;
  }
  return { values, keys, unsupported };

  function set<K extends keyof ConfigNetworkValues>(field: K, value: ConfigNetworkValues[K], key: string): void {
    values[field] = value;
    keys[field] = key;
  }
}

/** cm.AsString: the value, with surrounding white space trimmed, of each key present. */
function asString(data: Data, keys: readonly string[], apply: (v: string, key: string) => void): void {
  for (const k of keys) {
    const v = Object.hasOwn(data, k) ? data[k] : undefined;
    if (v !== undefined) apply(v.trim(), k);
  }
}

/** cm.AsInt: strconv.ParseInt(s, 10, 0), the last key present winning. */
function asInt(data: Data, keys: readonly string[]): number | undefined {
  let out: number | undefined;
  for (const k of keys) {
    const raw = Object.hasOwn(data, k) ? data[k] : undefined;
    if (raw === undefined) continue;
    if (!/^[+-]?[0-9]+$/.test(raw) || !Number.isSafeInteger(Number(raw)))
      throw new ConfigError(`failed to parse ${JSON.stringify(k)}: strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
    out = Number(raw);
  }
  return out;
}

const GO_TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const GO_FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/** cm.AsBool: strconv.ParseBool, the last key present winning. */
function asBool(data: Data, keys: readonly string[]): boolean | undefined {
  let out: boolean | undefined;
  for (const k of keys) {
    const raw = Object.hasOwn(data, k) ? data[k] : undefined;
    if (raw === undefined) continue;
    if (!GO_TRUE.has(raw) && !GO_FALSE.has(raw))
      throw new ConfigError(`failed to parse ${JSON.stringify(k)}: strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`);
    out = GO_TRUE.has(raw);
  }
  return out;
}

// asLabelSelector: YAML that must decode into a metav1.LabelSelector (a mapping, or empty).
function checkLabelSelector(raw: string | undefined): void {
  if (raw === undefined || raw.length === 0) return;
  const doc = parseDocument(raw, { version: "1.1" });
  if (doc.errors.length > 0) throw new ConfigError(`error converting YAML to JSON: ${doc.errors[0]?.message ?? ""}`);
  const v: unknown = doc.toJS();
  if (v !== null && (typeof v !== "object" || Array.isArray(v)))
    throw new ConfigError("error unmarshaling JSON: cannot unmarshal into Go value of type v1.LabelSelector");
}

// A template Routeboard cannot evaluate is not an error Knative would report.
function checkTemplate(template: string, check: (t: string) => void): string[] {
  try {
    check(template);
    return [];
  } catch (err) {
    if (err instanceof UnsupportedTemplateError) return [err.message];
    if (err instanceof TemplateError) throw new ConfigError(err.message);
    throw err;
  }
}

/** checkDomainTemplate: a trial run must give a URL host with no path or query. */
export function checkDomainTemplate(template: string): void {
  const out = renderGoTemplate(template, { Name: "foo", Namespace: "bar", Domain: "baz.com", Annotations: {}, Labels: {} });
  const problem = goURLProblem(`https://${out}`);
  if (problem !== null) throw new TemplateError(problem);
}

/** checkTagTemplate: a trial run must succeed. */
export function checkTagTemplate(template: string): void {
  renderGoTemplate(template, { Name: "foo", Tag: "v2" });
}

/**
 * What checkDomainTemplate finds wrong with Go's url.Parse of `url`: a parse error, an empty
 * Hostname(), or a RequestURI() other than "/". Covers the absolute "scheme://authority"
 * form only, which is all the check ever parses.
 */
export function goURLProblem(url: string): string | null {
  if (/[\x00-\x1f\x7f]/.test(url)) return "net/url: invalid control character in URL";
  let rest = url.replace(/#.*$/s, "").replace(/^https:\/\//, "");
  let query: string | null = null;
  const q = rest.indexOf("?");
  if (q >= 0) [rest, query] = [rest.slice(0, q), rest.slice(q + 1)];
  const slash = rest.indexOf("/");
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? "" : rest.slice(slash);
  const hostPort = authority.slice(authority.lastIndexOf("@") + 1);
  const colon = hostPort.startsWith("[") ? hostPort.indexOf("]:") + 1 : hostPort.lastIndexOf(":");
  const host = colon > 0 ? hostPort.slice(0, colon) : hostPort;
  if (colon > 0 && !/^:[0-9]*$/.test(hostPort.slice(colon)))
    return `parse ${JSON.stringify(url)}: invalid port ${JSON.stringify(hostPort.slice(colon))} after host`;
  const bad = /[^A-Za-z0-9\-_.~!$&'()*+,;=:[\]<>"%\x80-\uffff]/.exec(host);
  if (bad) return `parse ${JSON.stringify(url)}: invalid character ${JSON.stringify(bad[0])} in host name`;
  if (host.replace(/^\[|\]$/g, "") === "") return "empty hostname";
  const requestURI = (path === "" ? "/" : path) + (query !== null ? `?${query}` : "");
  return requestURI === "/" ? null : `domain template has url path: ${requestURI}`;
}

// external-domain-tls, else the deprecated auto-tls / autoTLS: "enabled" in any case.
function externalDomainTLS(data: Data, set: (f: "externalDomainTLS", v: boolean, k: string) => void): void {
  for (const k of ["autoTLS", "auto-tls", "external-domain-tls"]) {
    const v = Object.hasOwn(data, k) ? data[k] : undefined;
    if (v !== undefined) set("externalDomainTLS", v.toLowerCase() === "enabled", k);
  }
}

// http-protocol (or the legacy httpProtocol): enabled, redirected or disabled, in any case.
function httpProtocol(data: Data, set: (f: "httpProtocol", v: HTTPProtocol, k: string) => void): void {
  const key = Object.hasOwn(data, "http-protocol") ? "http-protocol" : Object.hasOwn(data, "httpProtocol") ? "httpProtocol" : undefined;
  const raw = key === undefined ? undefined : data[key];
  if (key === undefined || raw === undefined) return;
  const v = raw.toLowerCase();
  const value: HTTPProtocol | undefined =
    v === "" || v === "enabled" ? "Enabled" : v === "disabled" ? "Disabled" : v === "redirected" ? "Redirected" : undefined;
  // Knative quotes the new key's value even when the legacy key was the bad one.
  if (value === undefined) throw new ConfigError(`httpProtocol ${data["http-protocol"] ?? ""} in config-network ConfigMap is not supported`);
  set("httpProtocol", value, key);
}

// system-internal-tls / cluster-local-domain-tls: "", disabled or enabled, in any case. For
// system-internal-tls the deprecated internal-encryption: true still enables it unless the new
// key says enabled itself (Go checks it in the "" / disabled branch).
function encryption(data: Data, key: string, legacyEnabled: boolean, set: (v: boolean, k: string) => void): void {
  const raw = data[key] ?? "";
  const v = raw.toLowerCase();
  if (v !== "" && v !== "disabled" && v !== "enabled")
    throw new ConfigError(`${key} with value: ${JSON.stringify(raw)} in config-network ConfigMap is not supported`);
  if (v === "enabled") set(true, key);
  else if (legacyEnabled) set(true, "internal-encryption");
  else if (Object.hasOwn(data, key)) set(false, key);
}
