// The request tester's answer side: matchRequest's result in plain words (one sentence, then
// the details and the backends as rows), and the canvas nodes the request goes through. Rules
// are numbered from 1, as the canvas and the routing table number them.
import type { MatchResult } from "../gateway/match";
import type { HTTPRoute } from "../gateway/types.generated";
import type { RouteGraph } from "../graph";
import { describeMatch } from "./routing-table";

export interface BackendRow {
  readonly key: string;
  /** "users-v2", or "other-ns/users" across namespaces, with ":port" when set. */
  readonly name: string;
  /** "90 %" */
  readonly share: string;
  /** It gets requests (valid, weight above 0). */
  readonly served: boolean;
  /** Why it gets none, or gets 500s. */
  readonly note?: string;
}

export interface ResultView {
  readonly status: number;
  readonly outcome: MatchResult["outcome"];
  readonly tone: "ok" | "redirect" | "error";
  /** "200", "404", "no answer" */
  readonly code: string;
  /** The whole answer in one sentence, as announced. */
  readonly headline: string;
  readonly route?: { readonly namespace: string; readonly name: string; /** From 1. */ readonly rule: number };
  readonly details: readonly { readonly label: string; readonly value: string }[];
  readonly backends: readonly BackendRow[];
  readonly warnings: readonly string[];
}

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;

const sameRoute = (r: HTTPRoute, ref: { namespace: string; name: string }) =>
  (r.metadata?.namespace ?? "default") === ref.namespace && r.metadata?.name === ref.name;

/** "rule 2 (PathPrefix /api)", with the rule's name when it has one. */
function ruleLabel(result: MatchResult, route: HTTPRoute | undefined): string {
  const rule = result.rule ?? 0;
  const match = route?.spec?.rules?.[rule]?.matches?.[result.match ?? 0] ?? {};
  return `rule ${rule + 1}${result.ruleName ? ` "${result.ruleName}"` : ""} (${describeMatch(match)})`;
}

function backendName(b: MatchResult["backends"][number], routeNs: string, withPort: boolean): string {
  const ns = b.namespace !== routeNs ? `${b.namespace}/` : "";
  return `${ns}${b.name}${withPort && b.port !== undefined ? `:${b.port}` : ""}`;
}

function codeOf(r: MatchResult): string {
  if (r.status === 0) return "no answer";
  const words: Record<number, string> = {
    200: "200 OK",
    204: "204 No Content",
    404: "404 Not Found",
    421: "421 Misdirected",
    500: "500 Error",
    504: "504 Timeout",
  };
  return words[r.status] ?? String(r.status);
}

/** The sentence after the arrow. */
function answer(r: MatchResult, where: string, routeNs: string): string {
  switch (r.outcome) {
    case "forwarded": {
      const served = r.backends.filter((b) => b.valid && b.share > 0).map((b) => `${backendName(b, routeNs, false)} ${pct(b.share)}`);
      return `${where}, backends: ${served.join(", ")}${r.errorShare > 0 ? `; ${pct(r.errorShare)} get 500 (invalid backends)` : ""}`;
    }
    case "redirect":
      return `${r.status} redirect to ${r.redirect?.location ?? "?"} (${where})`;
    case "preflight":
      return `${r.status}: the Gateway answers this CORS preflight itself (${where})`;
    case "error": {
      if (r.backends.length === 0) return `500: ${where} has no backends`;
      const why = r.backends.map((b) => `${backendName(b, routeNs, false)}: ${b.valid ? "weight 0" : (b.reason ?? "invalid")}`);
      return `500: ${where} has no valid backend (${why.join(", ")})`;
    }
    case "not-found":
      return `404 Not Found: ${r.reason}`;
    case "misdirected":
      return `421 Misdirected Request: ${r.reason}`;
    case "timeout":
      return `504 Gateway Timeout: ${r.reason}`;
    case "unreachable":
      return `no HTTP answer: ${r.reason}`;
    default:
      // An outcome matchRequest learns later (a 504 timeout…) is still said, by its reason.
      return `${r.status}: ${r.reason}`;
  }
}

/** matchRequest's result for `shown` ("GET https://…"), in words; `routes` are the ones it routed over. */
export function describeResult(result: MatchResult, shown: string, routes: readonly HTTPRoute[], typedScheme?: "http" | "https"): ResultView {
  const route = result.route ? routes.find((r) => result.route && sameRoute(r, result.route)) : undefined;
  const routeNs = result.route?.namespace ?? "";
  const where = result.route ? `HTTPRoute ${result.route.namespace}/${result.route.name}, ${ruleLabel(result, route)}` : "";
  const details: { label: string; value: string }[] = [];
  if (result.gateway) details.push({ label: "Gateway", value: `${result.gateway.namespace}/${result.gateway.name}` });
  const l = result.listener;
  if (l) {
    const from = l.source.kind === "ListenerSet" ? ` of ListenerSet ${l.source.namespace}/${l.source.name}` : "";
    details.push({ label: "Listener", value: `${l.name}${from} (${l.protocol} :${l.port}${l.hostname ? `, ${l.hostname}` : ""})` });
  }
  if (result.route) details.push({ label: "Route", value: where });
  if (result.hostname) details.push({ label: "Route hostname", value: result.hostname === "any" ? "any (the route lists none)" : result.hostname });
  if (result.filters.length > 0) details.push({ label: "Filters", value: result.filters.join(", ") });
  if (result.redirect) details.push({ label: "Location", value: result.redirect.location });
  if (result.forwarded && result.outcome === "forwarded") details.push({ label: "Backends see", value: `${result.forwarded.host}${result.forwarded.path}` });
  if (result.mirrors.length > 0) details.push({ label: "Mirrored to", value: result.mirrors.map((m) => backendName(m, routeNs, true)).join(", ") });
  if (result.timeouts)
    details.push({
      label: "Timeouts",
      value: Object.entries(result.timeouts)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(", "),
    });
  const backends: BackendRow[] = result.backends.map((b, i) => {
    const served = b.valid && b.share > 0;
    const note = !b.valid ? `gets 500: ${b.reason ?? "invalid"}${b.message ? ` (${b.message})` : ""}` : b.share === 0 ? "weight 0: gets nothing" : undefined;
    return { key: `${i}`, name: backendName(b, routeNs, true), share: pct(b.share), served, ...(note !== undefined && { note }) };
  });
  const warnings = result.warnings.map((w) => w.message);
  // A client's https:// goes to port 443; a Gateway with no HTTPS listener there answers on another port.
  if (typedScheme === "https" && l?.protocol === "HTTP")
    warnings.unshift(`No HTTPS listener took the request: answered as plain HTTP on listener ${l.name} (port ${l.port}).`);
  const tone = result.outcome === "forwarded" ? "ok" : result.outcome === "redirect" || result.outcome === "preflight" ? "redirect" : "error";
  return {
    status: result.status,
    outcome: result.outcome,
    tone,
    code: codeOf(result),
    headline: `${shown} → ${answer(result, where, routeNs)}`,
    ...(result.route && { route: { namespace: result.route.namespace, name: result.route.name, rule: (result.rule ?? 0) + 1 } }),
    details,
    backends,
    warnings,
  };
}

/**
 * The nodes of `graph` the request goes through: the Gateway it came in by, the route hostname
 * that took it, the rule that serves it and the backends that get a share. Empty when the
 * serving route is not on this canvas.
 */
export function testedNodes(result: MatchResult, graph: RouteGraph): ReadonlySet<string> {
  const out = new Set<string>();
  const ref = result.route;
  const entry = ref ? graph.entries.find((e) => sameRoute(e.route, ref)) : undefined;
  if (!entry || result.rule === undefined) return out;
  const ns = entry.route.metadata?.namespace ?? "default";
  (entry.route.spec?.parentRefs ?? []).forEach((p, i) => {
    const isGateway = (p.kind ?? "Gateway") === "Gateway" && (p.group ?? "gateway.networking.k8s.io") === "gateway.networking.k8s.io";
    const fits = result.gateway && p.name === result.gateway.name && (p.namespace ?? ns) === result.gateway.namespace;
    const section = p.sectionName === undefined || p.sectionName === result.listener?.name;
    const id = entry.ids.parents[i];
    if (isGateway && fits && section && id) out.add(id);
  });
  const h = (entry.route.spec?.hostnames ?? []).indexOf(result.hostname ?? "");
  const hostId = h >= 0 ? entry.ids.hostnames[h] : undefined;
  if (hostId) out.add(hostId);
  const rule = entry.ids.rules[result.rule];
  if (!rule) return out;
  out.add(rule.id);
  // matchRequest lists every backendRef of the rule, in order: the ids are parallel to them.
  result.backends.forEach((b, i) => {
    const id = rule.backends[i];
    if (id && b.valid && b.share > 0) out.add(id);
  });
  return out;
}
