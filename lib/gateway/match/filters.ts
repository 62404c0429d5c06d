// What a rule's filters do to a request (HTTPRouteFilter docs): RequestRedirect answers with a
// Location, URLRewrite changes the host and path the backend sees, RequestHeaderModifier the
// headers; ResponseHeaderModifier and RequestMirror are reported as they are.
import type { HTTPBackendRefFilter, HTTPRouteFilter, HTTPRouteMatch } from "../route-types";
import { prefixOf } from "./rank";

export interface Redirect {
  readonly statusCode: number;
  readonly location: string;
  readonly scheme: string;
  readonly hostname: string;
  /** Undefined when it is the scheme's well-known port (and so left out of the Location). */
  readonly port?: number;
  readonly path: string;
}

/** The request as the backend receives it. */
export interface ForwardedRequest {
  readonly host: string;
  readonly path: string;
  /** Header names in lower case; a header added to an existing one is joined with ",". */
  readonly headers: Readonly<Record<string, string>>;
}

export interface HeaderChanges {
  readonly set: readonly { readonly name: string; readonly value: string }[];
  readonly add: readonly { readonly name: string; readonly value: string }[];
  readonly remove: readonly string[];
}

type AnyFilter = HTTPRouteFilter | HTTPBackendRefFilter;
type PathModifier = NonNullable<NonNullable<HTTPRouteFilter["urlRewrite"]>["path"]>;

/**
 * ReplacePrefixMatch as the docs' table has it: the matched prefix (whole path elements, a
 * trailing "/" of either side ignored) is replaced; an empty result is "/".
 */
export function replacePrefix(path: string, prefix: string, replacement: string): string {
  const p = prefixOf(prefix);
  const rest = p === "/" ? path : path.slice(p.length);
  const r = replacement.replace(/\/+$/, "");
  const out = r + (rest === "" || rest.startsWith("/") ? rest : `/${rest}`);
  return out === "" ? "/" : out;
}

function modifyPath(path: string, mod: PathModifier | undefined, match: HTTPRouteMatch | undefined): string {
  if (!mod) return path;
  if (mod.type === "ReplaceFullPath") return mod.replaceFullPath ?? path;
  const prefix = match?.path?.value ?? "/";
  return replacePrefix(path, prefix, mod.replacePrefixMatch ?? "");
}

const WELL_KNOWN: Record<string, number> = { http: 80, https: 443 };

export interface RedirectContext {
  readonly scheme: "http" | "https";
  readonly host: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly listenerPort: number;
  readonly match: HTTPRouteMatch | undefined;
}

/** The redirect a RequestRedirect filter answers with (RequestRedirect.port docs for the port). */
export function redirectOf(f: NonNullable<HTTPRouteFilter["requestRedirect"]>, ctx: RedirectContext): Redirect {
  const scheme = f.scheme ?? ctx.scheme;
  const hostname = f.hostname ?? ctx.host;
  const port = f.port ?? (f.scheme !== undefined ? (WELL_KNOWN[f.scheme] ?? ctx.listenerPort) : ctx.listenerPort);
  const path = modifyPath(ctx.path, f.path, ctx.match);
  const shown = WELL_KNOWN[scheme] === port ? undefined : port;
  const location = `${scheme}://${hostname}${shown !== undefined ? `:${shown}` : ""}${path}${ctx.rawQuery ? `?${ctx.rawQuery}` : ""}`;
  return { statusCode: f.statusCode ?? 302, location, scheme, hostname, ...(shown !== undefined && { port: shown }), path };
}

function applyHeaders(headers: Map<string, string>, m: NonNullable<HTTPRouteFilter["requestHeaderModifier"]>): void {
  for (const s of m.set ?? []) headers.set(s.name.toLowerCase(), s.value);
  for (const a of m.add ?? []) {
    const k = a.name.toLowerCase();
    const old = headers.get(k);
    headers.set(k, old === undefined ? a.value : `${old},${a.value}`);
  }
  for (const r of m.remove ?? []) headers.delete(r.toLowerCase());
}

export interface FilterOutcome {
  readonly redirect?: Redirect;
  readonly forwarded: ForwardedRequest;
  readonly responseHeaders?: HeaderChanges;
  readonly mirrors: readonly NonNullable<HTTPRouteFilter["requestMirror"]>[];
  /** Filters whose effect is not simulated (CORS, ExtensionRef). */
  readonly unsimulated: readonly string[];
}

/** Runs filters in order over a request, as the spec asks implementations to. */
export function runFilters(filters: readonly AnyFilter[], start: ForwardedRequest, ctx: RedirectContext): FilterOutcome {
  let host = start.host;
  let path = start.path;
  const headers = new Map(Object.entries(start.headers));
  const mirrors: NonNullable<HTTPRouteFilter["requestMirror"]>[] = [];
  const unsimulated: string[] = [];
  let responseHeaders: HeaderChanges | undefined;
  let redirect: Redirect | undefined;
  for (const f of filters) {
    if (f.type === "RequestRedirect" && f.requestRedirect) redirect ??= redirectOf(f.requestRedirect, { ...ctx, host, path });
    else if (f.type === "URLRewrite" && f.urlRewrite) {
      if (f.urlRewrite.hostname !== undefined) host = f.urlRewrite.hostname;
      path = modifyPath(path, f.urlRewrite.path, ctx.match);
    } else if (f.type === "RequestHeaderModifier" && f.requestHeaderModifier) applyHeaders(headers, f.requestHeaderModifier);
    else if (f.type === "ResponseHeaderModifier" && f.responseHeaderModifier) {
      const m = f.responseHeaderModifier;
      responseHeaders = {
        set: [...(responseHeaders?.set ?? []), ...(m.set ?? [])],
        add: [...(responseHeaders?.add ?? []), ...(m.add ?? [])],
        remove: [...(responseHeaders?.remove ?? []), ...(m.remove ?? [])],
      };
    } else if (f.type === "RequestMirror" && f.requestMirror) mirrors.push(f.requestMirror);
    else unsimulated.push(f.type);
  }
  return {
    ...(redirect && { redirect }),
    forwarded: { host, path, headers: Object.fromEntries(headers) },
    ...(responseHeaders && { responseHeaders }),
    mirrors,
    unsimulated,
  };
}
