// Which rule serves a request, across all routes on one Gateway listener, by the Gateway API's
// precedence rules. The rules live in lib/gateway/match/rank (shared with matchRequest); this is
// the canvas's view of them, over routes taken as attached to the same listener with their own
// hostnames.
import { createRouter, matchesRequest as matches, type SampleRequest } from "../gateway/match/rank";
import type { HTTPRouteMatch } from "../gateway/route-types";
import type { HTTPRoute } from "../gateway/types.generated";

export type { SampleRequest };

export interface RuleHit {
  readonly route: HTTPRoute;
  readonly rule: number;
  readonly match: number;
}

export function matchesRequest(match: HTTPRouteMatch, req: SampleRequest): boolean {
  return matches(match, req);
}

/**
 * A router over `routes`, all taken as attached to the same Gateway listener: for each request,
 * the rule that serves it, or undefined when the Gateway answers 404. The ranking is made once
 * per hostname, so asking about many requests costs a scan each rather than a sort.
 */
export function router(routes: readonly HTTPRoute[]): (req: SampleRequest) => RuleHit | undefined {
  const route = createRouter(routes.map((r) => ({ route: r, hostnames: r.spec?.hostnames?.length ? r.spec.hostnames : "any" })));
  return (req) => {
    const hit = route(req).hit;
    return hit && { route: hit.route, rule: hit.rule, match: hit.match };
  };
}

/** The rule that serves one request among `routes` (see router). */
export function winningRule(routes: readonly HTTPRoute[], req: SampleRequest): RuleHit | undefined {
  return router(routes)(req);
}
