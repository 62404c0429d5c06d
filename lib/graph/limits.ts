// Size limits of an HTTPRoute, checked before the API server checks them, each violation
// pinned on the element that is over. The numbers are the v1.6 standard-channel CRD's
// (maxItems and the CEL rule on total matches); older CRDs differ, hence the parameter.
import type { HTTPRoute } from "../gateway/types.generated";
import { elementIdForPath } from "./paths";
import type { RouteGraph } from "./types";

export interface HTTPRouteLimits {
  readonly hostnames: number;
  readonly parentRefs: number;
  readonly rules: number;
  readonly matchesPerRule: number;
  readonly matchesPerRoute: number;
  readonly backendRefsPerRule: number;
}

export const HTTPROUTE_LIMITS: HTTPRouteLimits = Object.freeze({
  hostnames: 16,
  parentRefs: 32,
  rules: 16,
  matchesPerRule: 64,
  matchesPerRoute: 128,
  backendRefsPerRule: 16,
});

export type LimitName = keyof HTTPRouteLimits;

export interface LimitViolation {
  readonly limit: LimitName;
  readonly max: number;
  readonly actual: number;
  /** JSON path of the over-long list in its route. */
  readonly path: string;
  /** The graph element the violation belongs to (the route or the rule). */
  readonly elementId: string;
  readonly routeId: string;
  readonly message: string;
  /** Whether `splitRoute` can resolve it without changing routing. */
  readonly splittable: boolean;
}

/** What a rule counts towards the total: an absent `matches` is defaulted to one match. */
export function matchCount(rule: { readonly matches?: readonly unknown[] }): number {
  return rule.matches === undefined ? 1 : rule.matches.length;
}

export interface RouteLimitViolation {
  readonly limit: LimitName;
  readonly actual: number;
  readonly path: string;
  readonly what: string;
}

/** Violations of one route, without ids (for code that has no graph, like the splitter). */
export function routeLimitViolations(route: HTTPRoute, limits: HTTPRouteLimits = HTTPROUTE_LIMITS): RouteLimitViolation[] {
  const spec = route.spec ?? {};
  const out: RouteLimitViolation[] = [];
  const check = (limit: LimitName, actual: number, path: string, what: string): void => {
    if (actual > limits[limit]) out.push({ limit, actual, path, what });
  };
  check("hostnames", spec.hostnames?.length ?? 0, "spec.hostnames", "hostnames");
  check("parentRefs", spec.parentRefs?.length ?? 0, "spec.parentRefs", "parent references");
  const rules = spec.rules ?? [];
  check("rules", rules.length, "spec.rules", "rules");
  rules.forEach((rule, i) => {
    check("matchesPerRule", matchCount(rule), `spec.rules[${i}].matches`, "matches in this rule");
    check("backendRefsPerRule", rule.backendRefs?.length ?? 0, `spec.rules[${i}].backendRefs`, "backends in this rule");
  });
  check(
    "matchesPerRoute",
    rules.reduce((n, r) => n + matchCount(r), 0),
    "spec.rules",
    "matches in all rules",
  );
  return out;
}

/** Every limit violation in the graph, each with the id of the element that is over. */
export function findLimitViolations(graph: RouteGraph, limits: HTTPRouteLimits = HTTPROUTE_LIMITS): LimitViolation[] {
  return graph.entries.flatMap(({ route, ids }) =>
    routeLimitViolations(route, limits).map((v): LimitViolation => ({
      limit: v.limit,
      max: limits[v.limit],
      actual: v.actual,
      path: v.path,
      elementId: elementIdForPath(graph, ids.route, v.path) ?? ids.route,
      routeId: ids.route,
      message:
        `${v.actual} ${v.what}; an HTTPRoute allows at most ${limits[v.limit]}.` +
        (v.limit === "backendRefsPerRule" ? "" : " The route can be split into several routes that route the same way."),
      // Weights split traffic within one rule; spreading its backends over rules would change the split.
      splittable: v.limit !== "backendRefsPerRule",
    })),
  );
}
