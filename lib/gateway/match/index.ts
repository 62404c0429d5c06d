// Public API of lib/gateway/match: the routing a conformant data plane performs for one request,
// over the routes predictStatus says are Accepted on the listener that takes it. Pure.
export { matchRequest, matcher } from "./match";
export { createRouter, matchesRequest, normalizeHost, type RouteEntry, type RouterAnswer, type RuleHit, type SampleRequest } from "./rank";
export { replacePrefix, type ForwardedRequest, type HeaderChanges, type Redirect } from "./filters";
export type { MatchedBackend, MatchInput, MatchResult } from "./types";
export { BACKEND_CERTIFICATE_ASSUMED } from "./backend-tls";
