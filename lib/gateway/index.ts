// Public API of lib/gateway: what app/ and components/ use (ARCHITECTURE.md).
export { impactOf, withRoutes, type Effect, type Impact, type ImpactChange } from "./impact";
export { matcher } from "./match";
export { type ConditionSummary } from "./parent-status";
export { type PredictOptions } from "./predict";
export { missingGrants } from "./reference-grants";
export { byNamespaceAndName, firstRoutes, matchesQuery, summarizeRoute, type RouteSummary } from "./route-summary";
export { type HTTPMethod, type HTTPPathMatchType } from "./route-types";
export { type Gateway, type HTTPRoute, type ReferenceGrant } from "./types.generated";
export { scaledWords } from "./weights";
