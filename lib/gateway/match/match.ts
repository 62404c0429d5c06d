// matchRequest: what a conformant data plane does with one HTTP request to a Gateway: which
// listener takes it (Listener hostname docs: most specific first, listener isolation), which
// rule of the routes Accepted on that listener serves it (rank.ts), what its filters do, and
// which weighted backends get it, or the status code when none can.
import type { KubeObject } from "../../k8s/meta";
import { resolveBackend } from "../predict/backends";
import { warning } from "../predict/conditions";
import type { ListenerModel } from "../predict/listeners";
import type { GatewayModel } from "../predict/gateway";
import { buildModel, type StatusModel } from "../predict/predict";
import type { Certainty, PredictOptions } from "../predict/types";
import { runFilters, type ForwardedRequest, type HeaderChanges, type Redirect } from "./filters";
import { createRouter, normalizeHost, type RouterAnswer } from "./rank";
import { exceededTimeout } from "./timeouts";
import { backendOf, describeListenerRef, listenerScore, mostSpecific, result, type Base } from "./common";
import { clientHandshake } from "./client-cert";
import { routeTls } from "./tls-route";
import { throughBackendTLS } from "./backend-tls";
import type { MatchedBackend, MatchInput, MatchResult } from "./types";

const HTTP_PROTOCOLS = new Set(["HTTP", "HTTPS"]);

function parseQuery(raw: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of raw.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, " "));
      } catch {
        return s;
      }
    };
    const k = dec(eq < 0 ? part : part.slice(0, eq));
    (out[k] ??= []).push(dec(eq < 0 ? "" : part.slice(eq + 1)));
  }
  return out;
}

/** A matcher over a set of objects: the model is built once, each request costs a look-up. */
export function matcher(objects: readonly KubeObject[], opts: PredictOptions = {}): (req: MatchInput) => MatchResult {
  const model = buildModel(objects, opts);
  const routers = new Map<ListenerModel, (r: Parameters<ReturnType<typeof createRouter>>[0]) => RouterAnswer>();
  const routerOf = (l: ListenerModel) => {
    let r = routers.get(l);
    if (!r) {
      const entries = (model.attached.get(l) ?? []).map((a) => ({
        route: a.route.route,
        hostnames: a.hostnames,
        dropped: new Set(a.route.invalidRules.keys()),
      }));
      routers.set(l, (r = createRouter(entries)));
    }
    return r;
  };
  return (req) => route(model, routerOf, req);
}

/** What a conformant data plane does with one request (see matcher to ask about many). */
export function matchRequest(objects: readonly KubeObject[], req: MatchInput, opts: PredictOptions = {}): MatchResult {
  return matcher(objects, opts)(req);
}

/** Gateways whose accepted HTTP(S) listeners take the host (on the port, when given). */
function gatewaysFor(model: StatusModel, req: MatchInput, host: string) {
  return model.gateways.filter((g) =>
    g.listeners.some(
      (l) => l.usable && HTTP_PROTOCOLS.has(l.listener.protocol) && (req.port === undefined || l.listener.port === req.port) && listenerScore(l, host),
    ),
  );
}

type RouterOf = (l: ListenerModel) => (r: Parameters<ReturnType<typeof createRouter>>[0]) => RouterAnswer;

function route(model: StatusModel, routerOf: RouterOf, req: MatchInput): MatchResult {
  if (req.gateway) {
    const gw = model.gateways.find((g) => g.ref.namespace === req.gateway?.namespace && g.ref.name === req.gateway.name);
    if (!gw) return result({ warnings: [] }, 0, "unreachable", `Gateway ${req.gateway.namespace}/${req.gateway.name} does not exist`, "required");
    return routeOn(model, gw, routerOf, req);
  }
  // No Gateway given: the first one (alphabetically) that takes the host and serves it.
  const fits = gatewaysFor(model, req, normalizeHost(req.host));
  if (fits.length === 0) return result({ warnings: [] }, 0, "unreachable", "no Gateway among the objects has a listener for this host", "required");
  const answers = fits.map((g) => routeOn(model, g, routerOf, req));
  const served = answers.find((a) => a.status !== 0 && a.status !== 404) ?? answers[0];
  if (!served) return result({ warnings: [] }, 0, "unreachable", "no Gateway among the objects", "required");
  if (fits.length === 1) return served;
  const note = warning(
    "GatewayGuessed",
    `no gateway given: ${fits.map((g) => `${g.ref.namespace}/${g.ref.name}`).join(", ")} all take this host; the answer is ${served.gateway?.namespace}/${served.gateway?.name}'s`,
    "accepted",
  );
  return { ...served, warnings: [...served.warnings, note] };
}

function routeOn(model: StatusModel, gw: GatewayModel, routerOf: RouterOf, req: MatchInput): MatchResult {
  const base: Base = { warnings: [], gateway: gw.ref };
  const host = normalizeHost(req.host);
  const q = req.path.indexOf("?");
  const path = q < 0 ? req.path : req.path.slice(0, q);
  const rawQuery = q < 0 ? "" : req.path.slice(q + 1);
  const query: Record<string, string | readonly string[]> = { ...parseQuery(rawQuery), ...req.query };
  const accepted = gw.conditions.find((c) => c.type === "Accepted");
  if (!gw.reconciled || accepted?.status !== "True")
    return result(
      base,
      0,
      "unreachable",
      `Gateway ${gw.ref.namespace}/${gw.ref.name} is not accepted (${accepted?.reason ?? "no status"}): nothing serves it`,
      accepted?.certainty ?? "required",
    );
  // The port: given, else the Host header's when a listener has it, else the listener's, else the first listener's.
  const hostPort = Number(/:(\d+)$/.exec(req.host.trim())?.[1] ?? NaN);
  const named =
    req.listener !== undefined
      ? gw.listeners.find(
          (l) =>
            l.listener.name === req.listener &&
            (!req.listenerSet || (l.source.namespace === req.listenerSet.namespace && l.source.name === req.listenerSet.name)),
        )
      : undefined;
  if (req.listener !== undefined && !named)
    return result(base, 0, "unreachable", `Gateway ${gw.ref.namespace}/${gw.ref.name} has no listener ${req.listener}`, "required");
  const port =
    req.port ?? (gw.listeners.some((l) => l.listener.port === hostPort) ? hostPort : undefined) ?? named?.listener.port ?? gw.gateway.spec.listeners[0]?.port;
  const onPort = gw.listeners.filter((l) => l.usable && l.listener.port === port && HTTP_PROTOCOLS.has(l.listener.protocol));
  const tlsOnPort = gw.listeners.filter((l) => l.usable && l.listener.port === port && l.listener.protocol === "TLS");
  // TLS and HTTPS on one port are told apart by SNI; a port of TLS listeners only routes TLSRoutes.
  if (onPort.length === 0 && tlsOnPort.length > 0) return routeTls(model, tlsOnPort, req, base);
  if (onPort.length === 0)
    return result(
      base,
      0,
      "unreachable",
      `no accepted HTTP or HTTPS listener of Gateway ${gw.ref.namespace}/${gw.ref.name} listens on port ${port ?? "?"}`,
      "required",
    );
  const listener = named ?? mostSpecific(onPort, host);
  if (!listener || !listenerScore(listener, host)) {
    return result(base, 404, "not-found", `no listener on port ${port} takes host ${host} (listener isolation: the request is rejected with 404)`, "required");
  }
  base.listener = describeListenerRef(listener);
  if (req.sni !== undefined && listener.listener.protocol === "HTTPS") {
    const bySni = mostSpecific(
      onPort.filter((l) => l.listener.protocol === "HTTPS"),
      normalizeHost(req.sni),
    );
    if (!bySni) return result(base, 0, "unreachable", `no HTTPS listener on port ${port} takes SNI ${req.sni}: the TLS handshake fails`, "required");
    // The handshake, with its client certificate, comes before any HTTP: the SNI's listener decides.
    const hs = clientHandshake(gw.gateway, bySni, req.clientCertificate);
    if (!hs.ok) return result({ ...base, listener: describeListenerRef(bySni) }, 0, "unreachable", hs.reason, "required");
    base.warnings.push(...hs.warnings);
    if (bySni !== listener) {
      base.listener = describeListenerRef(bySni);
      return result(
        base,
        421,
        "misdirected",
        `the connection was made for listener ${bySni.listener.name} (SNI ${req.sni}) but Host ${host} belongs to listener ${listener.listener.name}: 421 Misdirected Request`,
        "implementation-specific",
      );
    }
  }
  if (listener.programmed.status === "False")
    return result(
      base,
      0,
      "unreachable",
      `listener ${listener.listener.name} is not programmed (${listener.programmed.reason}): ${listener.programmed.message}`,
      listener.programmed.certainty,
    );
  if (listener.programmed.status === "Unknown") base.warnings.push(warning("ListenerUnknown", listener.programmed.message, "certificatesUnknown"));
  const answer = routerOf(listener)({ host, path, method: req.method ?? "GET", headers: req.headers ?? {}, query });
  if (answer.fallthrough) {
    base.warnings.push(
      warning(
        "HostnameFallthrough",
        `the routes of the most specific hostname have no matching rule; a data plane that ranks all routes' rules together would send this to ${answer.fallthrough.route.metadata.namespace}/${answer.fallthrough.route.metadata.name} rule ${answer.fallthrough.rule}`,
        "accepted",
      ),
    );
  }
  if (answer.regex)
    base.warnings.push(warning("RegularExpression", "a regular-expression match took part: its dialect and precedence are implementation-specific", "regex"));
  const certainty: Certainty = answer.regex || answer.fallthrough ? "implementation-specific" : "required";
  const hit = answer.hit;
  if (!hit)
    return result(
      base,
      404,
      "not-found",
      `no rule of the routes on listener ${listener.listener.name} matches ${req.method ?? "GET"} ${host}${path}`,
      certainty,
    );
  const routeModel = model.routes.find((r) => r.route === hit.route);
  const rule = hit.route.spec.rules?.[hit.rule];
  const match = rule?.matches?.[hit.match];
  const scheme = req.scheme ?? (listener.listener.protocol === "HTTPS" ? "https" : "http");
  const start: ForwardedRequest = {
    host: req.host,
    path,
    headers: Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  const ctx = { scheme, host, path, rawQuery, listenerPort: listener.listener.port, match } as const;
  const ran = runFilters(rule?.filters ?? [], start, ctx);
  const routeRef = { namespace: hit.route.metadata.namespace ?? "default", name: hit.route.metadata.name ?? "" };
  const found = {
    route: routeRef,
    rule: hit.rule,
    ...(rule?.name !== undefined && { ruleName: rule.name }),
    match: hit.match,
    hostname: hit.hostname,
    filters: (rule?.filters ?? []).map((f) => f.type),
  };
  for (const u of ran.unsimulated)
    base.warnings.push(warning("FilterNotSimulated", `filter ${u} is not simulated`, u === "ExtensionRef" ? "invalidRules" : "accepted"));
  const mirrors = ran.mirrors.map((m) => backendOf(resolveBackend(m.backendRef, routeRef.namespace, model.inputs), 0));
  const extra = {
    ...found,
    ...(ran.responseHeaders && { responseHeaders: ran.responseHeaders satisfies HeaderChanges }),
    mirrors,
    ...(rule?.timeouts && { timeouts: rule.timeouts }),
  };
  const cors = rule?.filters?.find((f) => f.type === "CORS")?.cors;
  const hdr = (n: string) => Object.entries(req.headers ?? {}).find(([k]) => k.toLowerCase() === n)?.[1];
  const origin = hdr("origin");
  if (cors && (req.method ?? "GET") === "OPTIONS" && origin !== undefined && hdr("access-control-request-method") !== undefined) {
    const allowed = (cors.allowOrigins ?? []).some((o) => originAllowed(o, origin));
    return result(
      base,
      204,
      "preflight",
      `rule ${hit.rule} of HTTPRoute ${routeRef.namespace}/${routeRef.name} has a CORS filter: the Gateway answers the preflight itself${allowed ? `, allowing origin ${origin}` : `, without CORS headers (origin ${origin} is not allowed)`}`,
      "implementation-specific",
      extra,
    );
  }
  if (ran.redirect) {
    const r: Redirect = ran.redirect;
    return result(
      base,
      r.statusCode,
      "redirect",
      `rule ${hit.rule} of HTTPRoute ${routeRef.namespace}/${routeRef.name} redirects to ${r.location}`,
      certainty,
      { ...extra, redirect: r },
    );
  }
  const refs = rule?.backendRefs ?? [];
  const resolved = (routeModel?.backends ?? []).filter((b) => b.rule === hit.rule);
  const total = resolved.reduce((s, b) => s + b.weight, 0);
  const backends: MatchedBackend[] = resolved.map((b) => {
    const filters = refs[b.index]?.filters ?? [];
    const one = throughBackendTLS(backendOf(b, total === 0 ? 0 : b.weight / total), model);
    return filters.length > 0 ? { ...one, forwarded: runFilters(filters, ran.forwarded, ctx).forwarded } : one;
  });
  const validShare = backends.filter((b) => b.valid).reduce((s, b) => s + b.share, 0);
  const picked = backends.filter((b) => b.valid && b.share > 0);
  for (const b of picked) base.warnings.push(...b.warnings);
  const backendCertainty: Certainty = picked.some((b) => b.warnings.length > 0) ? "implementation-specific" : certainty;
  const what = `rule ${hit.rule} of HTTPRoute ${routeRef.namespace}/${routeRef.name}`;
  if (resolved.length === 0) {
    const why = (rule?.filters ?? []).length > 0 ? "has filters but no backendRefs (implementation-specific: most answer 500)" : "has no backendRefs: 500";
    return result(base, 500, "error", `${what} ${why}`, (rule?.filters ?? []).length > 0 ? "implementation-specific" : certainty, {
      ...extra,
      forwarded: ran.forwarded,
    });
  }
  if (validShare === 0) {
    const why =
      total === 0 ? "every backendRef has weight 0" : `no backendRef is valid (${backends.map((b) => `${b.name}: ${b.reason ?? "weight 0"}`).join(", ")})`;
    return result(base, 500, "error", `${what}: ${why}: 500`, certainty, { ...extra, backends, errorShare: 1, forwarded: ran.forwarded });
  }
  const late = req.backendLatency === undefined ? undefined : exceededTimeout(rule?.timeouts, req.backendLatency);
  if (late)
    return result(base, 504, "timeout", `${what}: the backend takes ${req.backendLatency ?? ""}, longer than its timeouts.${late}: 504`, certainty, {
      ...extra,
      backends,
      forwarded: ran.forwarded,
    });
  const errorShare = Math.max(0, 1 - validShare);
  const reason = `${what} forwards to ${picked.map((b) => `${b.namespace}/${b.name}${b.port ? `:${b.port}` : ""} ${Math.round(b.share * 1000) / 10} %`).join(", ")}${errorShare > 0 ? `; ${Math.round(errorShare * 1000) / 10} % get 500 (invalid backends)` : ""}`;
  return result(base, 200, "forwarded", reason, backendCertainty, { ...extra, backends, errorShare, forwarded: ran.forwarded });
}

/** A CORS allowOrigins entry against an Origin: "*" alone allows all; "*" in the host is greedy to the left. */
function originAllowed(pattern: string, origin: string): boolean {
  if (pattern === "*" || pattern === origin) return true;
  if (!pattern.includes("*")) return false;
  const [head = "", tail = ""] = pattern.split("*");
  return origin.startsWith(head) && origin.endsWith(tail) && origin.length > head.length + tail.length;
}
