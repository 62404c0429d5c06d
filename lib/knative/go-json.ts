import { compareUTF8 } from "./go-values";
import { isNilList, pathsOf, splitsOf } from "./kingress-fields";
import type { KIngressPath, KIngressRule, KIngressSpec, KIngressSplit, KIngressTLS } from "./types";

/**
 * The KIngress spec as Go's encoding/json writes networking v1alpha1.IngressSpec: struct field
 * order, omitempty, sorted map keys, HTML-safe escaping. The probe hash is computed over these
 * bytes, so they must match for Routeboard's hash to match the controller's.
 */
export function goIngressSpecJSON(spec: KIngressSpec): string {
  return obj([
    ["tls", spec.tls?.length ? arr(spec.tls, tls) : undefined],
    ["rules", spec.rules?.length ? arr(spec.rules, rule) : undefined],
    ["httpOption", spec.httpOption ? str(spec.httpOption) : undefined],
  ]);
}

function tls(t: KIngressTLS): string {
  return obj([
    ["hosts", t.hosts?.length ? arr(t.hosts, str) : undefined],
    ["secretName", t.secretName ? str(t.secretName) : undefined],
    ["secretNamespace", t.secretNamespace ? str(t.secretNamespace) : undefined],
  ]);
}

function rule(r: KIngressRule): string {
  return obj([
    ["hosts", r.hosts?.length ? arr(r.hosts, str) : undefined],
    ["visibility", r.visibility ? str(r.visibility) : undefined],
    // `paths` and `splits` have no omitempty: a nil list is written as null.
    ["http", r.http ? obj([["paths", isNilList(r.http.paths) ? "null" : arr(pathsOf(r.http), path)]]) : undefined],
  ]);
}

function path(p: KIngressPath): string {
  return obj([
    ["path", p.path ? str(p.path) : undefined],
    ["rewriteHost", p.rewriteHost ? str(p.rewriteHost) : undefined],
    ["headers", p.headers && Object.keys(p.headers).length ? map(p.headers, (h) => obj([["exact", str(h?.exact ?? "")]])) : undefined],
    ["splits", isNilList(p.splits) ? "null" : arr(splitsOf(p), split)],
    ["appendHeaders", p.appendHeaders && Object.keys(p.appendHeaders).length ? map(p.appendHeaders, (v) => str(v ?? "")) : undefined],
  ]);
}

function split(s: KIngressSplit): string {
  return obj([
    ["serviceNamespace", str(s.serviceNamespace)],
    ["serviceName", str(s.serviceName)],
    ["servicePort", typeof s.servicePort === "number" ? String(s.servicePort) : str(s.servicePort)],
    ["percent", s.percent ? String(s.percent) : undefined],
    ["appendHeaders", s.appendHeaders && Object.keys(s.appendHeaders).length ? map(s.appendHeaders, (v) => str(v ?? "")) : undefined],
  ]);
}

function obj(fields: [string, string | undefined][]): string {
  return `{${fields
    .filter((f) => f[1] !== undefined)
    .map(([k, v]) => `${str(k)}:${v}`)
    .join(",")}}`;
}

function arr<T>(items: readonly T[], f: (t: T) => string): string {
  return `[${items.map(f).join(",")}]`;
}

function map<T>(m: Record<string, T>, f: (v: T) => string): string {
  // encoding/json sorts map keys by their UTF-8 bytes.
  const keys = Object.keys(m).sort(compareUTF8);
  return `{${keys.map((k) => `${str(k)}:${f(m[k] as T)}`).join(",")}}`;
}

// encoding/json's HTML-safe escaping on top of JSON.stringify's. Since Go 1.22 it writes \b and \f
// as JSON.stringify does (not \u0008, \u000c); net-gateway-api knative-v1.23 builds with Go 1.25.
const GO_ESCAPES: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

function str(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (m) => GO_ESCAPES[m] ?? m);
}
