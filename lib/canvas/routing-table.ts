// The effective routing table: for each hostname and each match on it, which rule (and so
// which backends) the Gateway picks by the Gateway API's precedence across every route on that
// hostname, and which rules never win anything (shadowed).
import type { HTTPRouteMatch } from "../gateway/route-types";
import type { HTTPRoute } from "../gateway/types.generated";
import { router, type RouteGraph, type SampleRequest } from "../graph";

export interface RoutingRow {
  readonly host: string;
  /** e.g. "PathPrefix /api/v1 · GET · 1 header" */
  readonly match: string;
  /** Rule id that declares this match. */
  readonly ruleId: string;
  /** Rule id that actually serves a request made for this match (undefined: 404). */
  readonly winnerId?: string;
  readonly winnerRoute?: string;
  /** "backend 90 %, canary 10 %" of the winning rule. */
  readonly backends: string;
  readonly why: string;
}

export interface RoutingTable {
  readonly rows: RoutingRow[];
  /** Rules that serve none of their own matches on any hostname. */
  readonly shadowed: ReadonlySet<string>;
  /** For each shadowed rule, the rules that win its matches instead: "team/shop rule 1". */
  readonly shadowedBy: ReadonlyMap<string, readonly string[]>;
}

const ANY_HOST = "(any hostname)";

/** A concrete host for a hostname pattern: `*.example.com` → `a.example.com`. */
function sampleHost(host: string): string {
  if (host === ANY_HOST) return "any.example";
  return host.startsWith("*.") ? `a${host.slice(1)}` : host;
}

export function describeMatch(m: HTTPRouteMatch): string {
  const parts = [`${m.path?.type ?? "PathPrefix"} ${m.path?.value ?? "/"}`];
  if (m.method) parts.push(m.method);
  const h = m.headers?.length ?? 0;
  const q = m.queryParams?.length ?? 0;
  if (h) parts.push(`${h} header${h > 1 ? "s" : ""}`);
  if (q) parts.push(`${q} query param${q > 1 ? "s" : ""}`);
  return parts.join(" · ");
}

/** A request this match accepts, or undefined when none can be made up (regular expressions). */
function sampleRequest(host: string, m: HTTPRouteMatch): SampleRequest | undefined {
  const type = m.path?.type ?? "PathPrefix";
  if (type === "RegularExpression") return undefined;
  if ((m.headers ?? []).some((x) => x.type === "RegularExpression")) return undefined;
  if ((m.queryParams ?? []).some((x) => x.type === "RegularExpression")) return undefined;
  return {
    host: sampleHost(host),
    path: m.path?.value ?? "/",
    ...(m.method !== undefined && { method: m.method }),
    headers: Object.fromEntries((m.headers ?? []).map((x) => [x.name, x.value])),
    query: Object.fromEntries((m.queryParams ?? []).map((x) => [x.name, x.value])),
  };
}

function backendsOf(route: HTTPRoute, rule: number): string {
  const refs = route.spec?.rules?.[rule]?.backendRefs ?? [];
  // A redirect answers by itself: it needs no backend.
  const redirect = route.spec?.rules?.[rule]?.filters?.find((f) => f.type === "RequestRedirect")?.requestRedirect;
  if (redirect) return `redirect (${redirect.statusCode ?? 302})`;
  if (refs.length === 0) return "no backends (the Gateway answers 500)";
  const total = refs.reduce((s, b) => s + (b.weight ?? 1), 0);
  return refs
    .map((b) => `${b.name}${b.port ? `:${b.port}` : ""} ${total ? Math.round(((b.weight ?? 1) / total) * 1000) / 10 : 0} %`)
    .join(", ");
}

const routeName = (r: HTTPRoute) => `${r.metadata?.namespace ?? ""}/${r.metadata?.name ?? ""}`;

export function routingTable(graph: RouteGraph): RoutingTable {
  const routes = graph.entries.map((e) => e.route);
  const ruleIdOf = new Map<string, string>();
  graph.entries.forEach((e) => e.ids.rules.forEach((r, i) => ruleIdOf.set(`${e.ids.route}#${i}`, r.id)));
  const routeIdOf = new Map(graph.entries.map((e) => [e.route, e.ids.route]));
  const hosts = [...new Set(routes.flatMap((r) => (r.spec?.hostnames?.length ? r.spec.hostnames : [ANY_HOST])))].sort();
  const route = router(routes);
  const rows: RoutingRow[] = [];
  const wins = new Set<string>();
  const all = new Set<string>();
  const beaten = new Map<string, Set<string>>();
  for (const host of hosts) {
    graph.entries.forEach((entry) => {
      const hn = entry.route.spec?.hostnames ?? [];
      // A route without hostnames serves every host; its rows are listed once, under "any".
      if (hn.length === 0 ? host !== ANY_HOST : !hn.includes(host)) return;
      (entry.route.spec?.rules ?? []).forEach((rule, r) => {
        const ruleId = entry.ids.rules[r]?.id ?? "";
        all.add(ruleId);
        for (const m of rule.matches ?? [{}]) {
          const req = sampleRequest(host, m);
          const match = describeMatch(m);
          if (!req) {
            wins.add(ruleId); // cannot judge a regular expression: never call it shadowed
            rows.push({ host, match, ruleId, backends: backendsOf(entry.route, r), why: "regular expression: precedence is up to the Gateway implementation" });
            continue;
          }
          const hit = route(req);
          const winnerId = hit ? ruleIdOf.get(`${routeIdOf.get(hit.route)}#${hit.rule}`) : undefined;
          if (winnerId === ruleId) wins.add(ruleId);
          else if (hit) (beaten.get(ruleId) ?? beaten.set(ruleId, new Set()).get(ruleId))?.add(`${routeName(hit.route)} rule ${hit.rule + 1}`);
          const why = !hit
            ? "no rule matches (404)"
            : winnerId === ruleId
              ? "this rule wins"
              : `shadowed by ${routeName(hit.route)} rule ${hit.rule + 1} (${describeMatch(hit.route.spec?.rules?.[hit.rule]?.matches?.[hit.match] ?? {})})`;
          rows.push({
            host,
            match,
            ruleId,
            ...(winnerId !== undefined && { winnerId }),
            ...(hit && { winnerRoute: routeName(hit.route) }),
            backends: hit ? backendsOf(hit.route, hit.rule) : "",
            why,
          });
        }
      });
    });
  }
  const shadowed = new Set([...all].filter((id) => !wins.has(id)));
  // Only for rules that never win: a rule beaten on one hostname but winning on another is not shadowed.
  const shadowedBy = new Map([...shadowed].map((id) => [id, [...(beaten.get(id) ?? [])]] as const));
  return { rows, shadowed, shadowedBy };
}
