// What an Istio HTTP route does besides matching, as HTTPRoute filters and timeouts; what the
// Gateway API's standard channel has no field for is said in a note.
import type { HTTPBackendRef, HTTPRouteFilter, HTTPRouteTimeouts } from "../../gateway/route-types";
import { targetOf, type SuggestContext } from "./backends";
import type { IstioHeaderOps, IstioHTTP } from "./istio-types";

type HeaderModifier = NonNullable<HTTPRouteFilter["requestHeaderModifier"]>;
type Cors = NonNullable<HTTPRouteFilter["cors"]>;
type CorsMethod = NonNullable<Cors["allowMethods"]>[number];
const CORS_METHODS: readonly CorsMethod[] = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "*"];

/** Istio's set/add/remove as a header modifier, or undefined when it changes nothing. */
export function headerModifier(ops: IstioHeaderOps | undefined): HeaderModifier | undefined {
  if (!ops) return undefined;
  const pairs = (m: Record<string, string | undefined> | undefined) => Object.entries(m ?? {}).map(([name, value]) => ({ name, value: value ?? "" }));
  const set = pairs(ops.set);
  const add = pairs(ops.add);
  const remove = ops.remove ?? [];
  if (set.length + add.length + remove.length === 0) return undefined;
  return { ...(set.length > 0 && { set }), ...(add.length > 0 && { add }), ...(remove.length > 0 && { remove }) };
}

/** The header filters of Istio's `headers` (route-wide or per destination). */
export function headerFilters(h: IstioHTTP["headers"]): HTTPRouteFilter[] {
  const req = headerModifier(h?.request);
  const res = headerModifier(h?.response);
  return [
    ...(req ? [{ type: "RequestHeaderModifier" as const, requestHeaderModifier: req }] : []),
    ...(res ? [{ type: "ResponseHeaderModifier" as const, responseHeaderModifier: res }] : []),
  ];
}

/**
 * A protobuf Duration as JSON writes it ("10s", "0.250s") in the Gateway API's Duration format
 * (GEP-2257: whole units only), or undefined when it is not one.
 */
export function gatewayDuration(d: string): string | undefined {
  const m = /^(\d+)(?:\.(\d{1,9}))?s$/.exec(d);
  if (!m) return undefined;
  const ms = Number(m[1]) * 1000 + Math.ceil(Number(`0.${m[2] ?? "0"}`) * 1000);
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

export function timeoutsOf(r: IstioHTTP, what: string, ctx: SuggestContext): HTTPRouteTimeouts | undefined {
  if (r.timeout === undefined) return undefined;
  const request = gatewayDuration(r.timeout);
  if (request === undefined) ctx.notes.push(`${what} times out after ${r.timeout}, which is not a duration the Gateway API can write: left out.`);
  return request === undefined ? undefined : { request };
}

/** Istio's RequestMirror targets (mirror + mirrorPercentage, and mirrors). */
export function mirrorFilters(r: IstioHTTP, what: string, ctx: SuggestContext): HTTPRouteFilter[] {
  const all = [
    ...(r.mirror ? [{ destination: r.mirror, percent: r.mirrorPercentage?.value ?? r.mirrorPercent ?? undefined }] : []),
    ...(r.mirrors ?? []).map((m) => ({ destination: m.destination, percent: m.percentage?.value })),
  ];
  const out: HTTPRouteFilter[] = [];
  for (const m of all) {
    const t = targetOf(m.destination, ctx, `${what}'s mirror`);
    if (!t) continue;
    if (t.hostRewrite) {
      ctx.notes.push(
        `${what} mirrors to the Knative Service ${m.destination.host}: a mirror cannot rewrite the Host the local gateway routes by, so it is left out.`,
      );
      continue;
    }
    const share =
      m.percent === undefined || m.percent >= 100
        ? {}
        : Number.isInteger(m.percent)
          ? { percent: m.percent }
          : { fraction: { numerator: Math.round(m.percent * 1000), denominator: 100_000 } };
    out.push({
      type: "RequestMirror",
      requestMirror: {
        backendRef: { name: t.ref.name, ...(t.ref.namespace && { namespace: t.ref.namespace }), ...(t.ref.port !== undefined && { port: t.ref.port }) },
        ...share,
      },
    });
  }
  return out;
}

/** Istio's corsPolicy as the CORS filter: exact origins carry over, patterns do not. */
export function corsFilter(r: IstioHTTP, what: string, ctx: SuggestContext): HTTPRouteFilter | undefined {
  const p = r.corsPolicy;
  if (!p) return undefined;
  const origins = [...(p.allowOrigin ?? []), ...(p.allowOrigins ?? []).flatMap((o) => (o.exact !== undefined ? [o.exact] : []))];
  if ((p.allowOrigins ?? []).some((o) => o.exact === undefined))
    ctx.notes.push(`${what} allows CORS origins by prefix or pattern: only exact origins carry over.`);
  const methods = (p.allowMethods ?? []).filter((m): m is CorsMethod => CORS_METHODS.includes(m as CorsMethod));
  const maxAge = p.maxAge ? gatewayDuration(p.maxAge) : undefined;
  const seconds = p.maxAge && /^\d+(\.\d+)?s$/.test(p.maxAge) ? Math.ceil(Number(p.maxAge.slice(0, -1))) : undefined;
  if (p.maxAge && !maxAge) ctx.notes.push(`${what} caches CORS answers for ${p.maxAge}: left out.`);
  const cors: Cors = {
    ...(origins.length > 0 && { allowOrigins: origins }),
    ...(methods.length > 0 && { allowMethods: methods }),
    ...(p.allowHeaders?.length && { allowHeaders: p.allowHeaders }),
    ...(p.exposeHeaders?.length && { exposeHeaders: p.exposeHeaders }),
    ...(seconds !== undefined && { maxAge: seconds }),
    ...(p.allowCredentials === true && { allowCredentials: true }),
  };
  return { type: "CORS", cors };
}

/** Istio's redirect as RequestRedirect; Istio answers 301 by default, the Gateway API 302, so the code is always written. */
export function redirectFilter(r: IstioHTTP, prefixMatched: boolean, what: string, ctx: SuggestContext): HTTPRouteFilter | undefined {
  const d = r.redirect;
  if (!d) return undefined;
  const code = d.redirectCode ?? 301;
  const statusCode = ([301, 302, 303, 307, 308] as const).find((c) => c === code);
  if (!statusCode) ctx.notes.push(`${what} redirects with ${code}: the Gateway API redirects with 301, 302, 303, 307 or 308 only; the suggestion uses 302.`);
  if (d.derivePort === "FROM_REQUEST_PORT")
    ctx.notes.push(`${what} keeps the request's port in its redirect; RequestRedirect uses the scheme's default port unless one is given.`);
  const scheme = d.scheme === "http" || d.scheme === "https" ? d.scheme : undefined;
  if (d.scheme && !scheme) ctx.notes.push(`${what} redirects to the scheme ${d.scheme}: only http and https carry over.`);
  const path =
    d.prefixRewrite !== undefined && prefixMatched
      ? { type: "ReplacePrefixMatch" as const, replacePrefixMatch: d.prefixRewrite }
      : d.uri !== undefined
        ? { type: "ReplaceFullPath" as const, replaceFullPath: d.uri }
        : undefined;
  if (d.prefixRewrite !== undefined && !prefixMatched)
    ctx.notes.push(`${what} rewrites a path prefix in its redirect but does not match by one prefix: left out.`);
  return {
    type: "RequestRedirect",
    requestRedirect: {
      ...(scheme && { scheme }),
      ...(d.authority && { hostname: d.authority }),
      ...(path && { path }),
      ...(d.port && { port: d.port }),
      statusCode: statusCode ?? 302,
    },
  };
}

/** Istio's rewrite (path and authority) as URLRewrite, with the Host a Knative Service needs taking the authority's place. */
export function rewriteFilter(
  r: IstioHTTP,
  prefixMatched: boolean,
  hostRewrite: string | undefined,
  what: string,
  ctx: SuggestContext,
): HTTPRouteFilter | undefined {
  const w = r.rewrite;
  if (w?.uriRegexRewrite) ctx.notes.push(`${what} rewrites the path by a regular expression: the Gateway API cannot; left out.`);
  if (w?.authority && hostRewrite)
    ctx.notes.push(
      `${what} rewrites the authority to ${w.authority}, but its Knative Service is reached by the Host ${hostRewrite}: the suggestion rewrites to that.`,
    );
  const hostname = hostRewrite ?? w?.authority;
  const path =
    w?.uri === undefined
      ? undefined
      : prefixMatched
        ? { type: "ReplacePrefixMatch" as const, replacePrefixMatch: w.uri }
        : { type: "ReplaceFullPath" as const, replaceFullPath: w.uri };
  if (!hostname && !path) return undefined;
  return { type: "URLRewrite", urlRewrite: { ...(hostname && { hostname }), ...(path && { path }) } };
}

/** Notes for what an HTTP route does that has no HTTPRoute field at all. */
export function unsupported(r: IstioHTTP, what: string, ctx: SuggestContext): void {
  if (r.retries === undefined)
    ctx.notes.push(
      `${what} sets no retries, so Istio retries failed requests twice; HTTPRoutes do not retry (retry is only in the Gateway API's experimental channel).`,
    );
  else if ((r.retries.attempts ?? 0) > 0)
    ctx.notes.push(
      `${what} retries ${r.retries.attempts} times${r.retries.retryOn ? ` on ${r.retries.retryOn}` : ""}: HTTPRoutes do not retry (retry is only in the Gateway API's experimental channel).`,
    );
  if (r.fault?.delay) ctx.notes.push(`${what} injects delays: the Gateway API has no fault injection.`);
  if (r.fault?.abort) ctx.notes.push(`${what} aborts requests on purpose: the Gateway API has no fault injection.`);
}

/** The backendRefs of a route's destinations, weights as Istio reads them (absent is 0 beside others). */
export function backendRefsOf(r: IstioHTTP, what: string, ctx: SuggestContext): { refs: HTTPBackendRef[]; hostRewrites: (string | undefined)[] } {
  const dests = r.route ?? [];
  const refs: HTTPBackendRef[] = [];
  const hostRewrites: (string | undefined)[] = [];
  for (const d of dests) {
    const t = targetOf(d.destination, ctx, what);
    if (!t) continue;
    const filters = headerFilters(d.headers);
    refs.push({ ...t.ref, ...(dests.length > 1 && { weight: d.weight ?? 0 }), ...(filters.length > 0 && { filters }) });
    hostRewrites.push(t.hostRewrite);
  }
  return { refs, hostRewrites };
}
