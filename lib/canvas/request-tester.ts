// The request tester's input side: what the user typed (a method, a URL, header lines) read
// into matchRequest's input the way a client such as curl would send it, kept in the page's
// URL as one readable line per part, and the objects the question is asked about (the live
// ones, with the editor's draft in place of the stored route).
import type { KubeObject } from "../k8s/meta";
import type { MatchInput } from "../gateway/match";
import type { PredictOptions } from "../gateway/predict/types";
import type { HTTPRoute } from "../gateway/types.generated";
import type { KindSnapshot } from "../store/types";

/** The request as typed: `headers` is one "Name: value" per line. */
export interface TypedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: string;
}

/** The methods an HTTPRoute can match on (HTTPMethod in the CRD). */
export const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"] as const;

export type ParsedRequest =
  | { readonly ok: true; readonly input: MatchInput; /** "GET https://shop.example.com/api" */ readonly shown: string }
  | { readonly ok: false; readonly field: "method" | "url" | "headers"; readonly error: string };

export interface ParseOptions {
  /** The host of a URL typed as a bare path ("/api"): the page's hostname. */
  readonly defaultHost?: string;
  /** Ports the Gateways listen on: a URL without a port goes to its scheme's (80, 443) when one listens there. */
  readonly listenerPorts?: ReadonlySet<number>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const DEFAULT_PORT = { http: 80, https: 443 } as const;

/** A concrete host for a hostname pattern, so that a wildcard page can still be asked about. */
export function concreteHost(hostname: string): string {
  return hostname.startsWith("*.") ? `www${hostname.slice(1)}` : hostname;
}

/** "Name: value" lines, in order; a repeated name is joined with ", " as HTTP allows. */
export function parseHeaders(text: string): { ok: true; headers: Record<string, string> } | { ok: false; error: string } {
  const headers: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(":");
    const name = colon < 0 ? line : line.slice(0, colon).trim();
    if (colon <= 0 || !TOKEN.test(name)) return { ok: false, error: `Header line ${i + 1} ("${line.slice(0, 40)}"): write it as Name: value` };
    const value = line.slice(colon + 1).trim();
    const same = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
    if (same !== undefined) headers[same] = `${headers[same]}, ${value}`;
    else headers[name] = value;
  }
  return { ok: true, headers };
}

/** Host and port of an authority ("shop.example.com:8080", "[::1]:80"); undefined when it is not one. */
function splitAuthority(authority: string): { host: string; port?: number } | undefined {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:@\s]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!m?.[1]) return undefined;
  let host: string;
  try {
    // The WHATWG parser lower-cases, turns an international name into punycode and rejects what no client sends.
    host = new URL(`http://${m[1]}`).hostname;
  } catch {
    return undefined;
  }
  if (m[2] === undefined) return { host };
  const port = Number(m[2]);
  return port >= 1 && port <= 65535 ? { host, port } : undefined;
}

/** Path and query as the data plane sees them: dot segments resolved, spaces and non-ASCII percent-encoded. */
function normalizePath(rest: string): string {
  const noFragment = rest.split("#")[0] ?? "";
  const u = new URL(noFragment.startsWith("/") ? noFragment : `/${noFragment}`, "http://h");
  return `${u.pathname}${u.search}`;
}

/**
 * What was typed, as matchRequest's input. A URL may be full ("https://shop.example.com/api?x=1"),
 * without a scheme ("shop.example.com/api": the listener's protocol decides) or a bare path
 * (on the page's hostname). A Host header overrides the URL's host, as with curl -H; the URL's
 * host is then still the TLS server name, so a mismatch shows the 421 a Gateway answers.
 */
export function parseRequest(req: TypedRequest, opts: ParseOptions = {}): ParsedRequest {
  const method = req.method.trim().toUpperCase() || "GET";
  if (!TOKEN.test(method)) return { ok: false, field: "method", error: `"${req.method}" is not an HTTP method` };
  let url = req.url.trim();
  if (!url) return { ok: false, field: "url", error: "Type a URL, e.g. https://shop.example.com/api" };
  if (/\s/.test(url)) return { ok: false, field: "url", error: "A URL has no spaces (write %20)" };
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url);
  let scheme: "http" | "https" | undefined;
  if (schemeMatch) {
    const s = schemeMatch[1]?.toLowerCase();
    if (s !== "http" && s !== "https")
      return { ok: false, field: "url", error: `Only http:// and https:// URLs go through a Gateway's HTTP listeners, not ${s}://` };
    scheme = s;
    url = url.slice(schemeMatch[0].length);
  }
  if (url.startsWith("/") && !scheme) {
    if (!opts.defaultHost) return { ok: false, field: "url", error: "Type the host too, e.g. shop.example.com/api" };
    url = `${concreteHost(opts.defaultHost)}${url}`;
  }
  const cut = url.search(/[/?#]/);
  const authority = cut < 0 ? url : url.slice(0, cut);
  const target = splitAuthority(authority);
  if (!target) return { ok: false, field: "url", error: `"${authority}" is not a host (or host:port)` };
  let path: string;
  try {
    path = normalizePath(cut < 0 ? "/" : url.slice(cut));
  } catch {
    return { ok: false, field: "url", error: "The path is not valid in a URL" };
  }
  const parsed = parseHeaders(req.headers);
  if (!parsed.ok) return { ok: false, field: "headers", error: parsed.error };
  const hostHeaderName = Object.keys(parsed.headers).find((k) => k.toLowerCase() === "host");
  const hostHeader = hostHeaderName === undefined ? undefined : parsed.headers[hostHeaderName];
  const headers = Object.fromEntries(Object.entries(parsed.headers).filter(([k]) => k !== hostHeaderName));
  const authorityShown = `${target.host}${target.port !== undefined ? `:${target.port}` : ""}`;
  const implied = scheme !== undefined && opts.listenerPorts?.has(DEFAULT_PORT[scheme]) ? DEFAULT_PORT[scheme] : undefined;
  const port = target.port ?? implied;
  const input: MatchInput = {
    host: hostHeader || authorityShown,
    path,
    method,
    headers,
    ...(port !== undefined && { port }),
    ...(scheme !== undefined && { scheme }),
    ...(scheme === "https" && { sni: target.host }),
  };
  const shown = `${method} ${scheme ? `${scheme}://` : ""}${authorityShown}${path}${hostHeader ? ` (Host: ${hostHeader})` : ""}`;
  return { ok: true, input, shown };
}

/** The request in the page's URL (?req=): "GET https://host/path" then the header lines. */
export function encodeRequest(req: TypedRequest): string {
  const headers = req.headers
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return [`${req.method.trim() || "GET"} ${req.url.trim()}`, ...headers].join("\n");
}

/** Back from the URL; a first line without a method is taken as a GET of it. */
export function decodeRequest(text: string | null | undefined): TypedRequest | undefined {
  if (!text?.trim()) return undefined;
  const [first = "", ...rest] = text.split(/\r?\n/);
  const m = /^\s*([A-Za-z]+)\s+(\S.*)$/.exec(first);
  const known = m?.[1] !== undefined && (METHODS as readonly string[]).includes(m[1].toUpperCase());
  return { method: known ? (m?.[1] ?? "GET").toUpperCase() : "GET", url: (known ? (m?.[2] ?? "") : first).trim(), headers: rest.join("\n") };
}

const LABEL: Partial<Record<KindSnapshot["kind"], string>> = {
  HTTPRoute: "HTTPRoutes",
  Gateway: "Gateways",
  GatewayClass: "GatewayClasses",
  ReferenceGrant: "ReferenceGrants",
  Service: "Services",
  Namespace: "Namespaces",
};

export interface TesterObjects {
  readonly objects: readonly KubeObject[];
  readonly options: PredictOptions;
  /** What could not be read, and what the answer assumes instead. */
  readonly notes: readonly string[];
  readonly listenerPorts: ReadonlySet<number>;
  /** A kind is still on its way: an answer now could be wrong, and would be announced. */
  readonly loading: boolean;
}

const refOf = (o: { metadata?: { namespace?: string; name?: string } }) => `${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`;

/**
 * The objects matchRequest routes over: every live kind it reads, with `draft` (the editor's
 * unsaved route) in place of the stored route of the same name. A kind the store cannot read is
 * said; GatewayClasses that cannot be read are taken as accepted (a viewer often may not list
 * them, and their Gateways are otherwise served), which the notes say.
 */
export function testerObjects(snapshots: readonly (KindSnapshot | undefined)[], draft?: HTTPRoute): TesterObjects {
  const notes: string[] = [];
  const objects: KubeObject[] = [];
  let classesRead = false;
  let loading = false;
  for (const snap of snapshots) {
    if (!snap || snap.state === "loading") {
      loading = true;
      continue;
    }
    if (snap.state !== "ready") notes.push(`${LABEL[snap.kind] ?? snap.kind} could not be read (${snap.state}${snap.message ? `: ${snap.message}` : ""}).`);
    if (snap.kind === "GatewayClass" && snap.state === "ready") classesRead = true;
    const items = snap.kind === "HTTPRoute" && draft ? snap.items.filter((o) => refOf(o) !== refOf(draft)) : snap.items;
    objects.push(...items);
  }
  // The draft may be a new route, or carry no apiVersion/kind: matchRequest reads objects by both.
  if (draft) objects.push({ ...(draft as unknown as KubeObject), apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute" });
  const gateways = objects.filter((o) => o.kind === "Gateway" && o.apiVersion.startsWith("gateway.networking.k8s.io/"));
  const spec = (o: KubeObject) => (o["spec"] ?? {}) as { gatewayClassName?: string; listeners?: { port?: number }[] };
  const options: PredictOptions = classesRead ? {} : { acceptedClasses: gateways.map((g) => spec(g).gatewayClassName ?? "") };
  if (!classesRead && gateways.length > 0) notes.push("Their GatewayClasses are taken as accepted.");
  const listenerPorts = new Set(gateways.flatMap((g) => (spec(g).listeners ?? []).map((l) => l.port ?? 0)));
  return { objects, options, notes, listenerPorts, loading };
}
