// Istio tries a VirtualService's HTTP routes in order and the first match wins; the Gateway API
// tries the most specific match first, whatever the order. Where that sends a request elsewhere,
// say so: one sample request per match, the match's own path, headers, query and method.
import { matchesRequest, winningRule, type SampleRequest } from "../../graph/precedence";
import type { HTTPRouteMatch } from "../../gateway/route-types";
import type { HTTPRoute } from "../../gateway/types.generated";

function sampleOf(m: HTTPRouteMatch, host: string): SampleRequest | undefined {
  if (m.path?.type === "RegularExpression") return undefined;
  if ([...(m.headers ?? []), ...(m.queryParams ?? [])].some((h) => h.type === "RegularExpression")) return undefined;
  return {
    host,
    path: m.path?.value ?? "/",
    method: m.method ?? "GET",
    headers: Object.fromEntries((m.headers ?? []).map((h) => [h.name, h.value])),
    query: Object.fromEntries((m.queryParams ?? []).map((q) => [q.name, q.value])),
  };
}

function describe(req: SampleRequest): string {
  const extra = [...Object.entries(req.headers ?? {}).map(([k, v]) => `${k}: ${v}`), ...Object.entries(req.query ?? {}).map(([k, v]) => `?${k}=${String(v)}`)];
  return `${req.method} ${req.path}${extra.length > 0 ? ` (${extra.join(", ")})` : ""}`;
}

/** Notes for the sample requests whose rule differs between Istio's order and the Gateway API's precedence. */
export function orderNotes(route: HTTPRoute, hostnames: readonly string[]): string[] {
  const rules = route.spec.rules ?? [];
  const host = hostnames.find((h) => !h.startsWith("*.")) ?? "example.com";
  const matchesOf = (i: number): HTTPRouteMatch[] => rules[i]?.matches ?? [{ path: { type: "PathPrefix", value: "/" } }];
  const notes: string[] = [];
  for (let i = 0; i < rules.length; i++) {
    for (const m of matchesOf(i)) {
      const req = sampleOf(m, host);
      if (!req) continue;
      const first = rules.findIndex((_, j) => matchesOf(j).some((x) => matchesRequest(x, req)));
      const hit = winningRule([route], req);
      if (hit && first >= 0 && hit.rule !== first) {
        notes.push(
          `Istio sends a request like ${describe(req)} to the first route that matches it (rule ${first + 1} here); the Gateway API sends it to the most specific match, rule ${hit.rule + 1}. Check the rules' order with the request tester.`,
        );
      }
    }
  }
  return notes;
}
