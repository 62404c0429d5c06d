// Public API of the RouteGraph: HTTPRoute[] ⇄ graph without loss, pure edit operations,
// element ids for JSON paths, limits and route splitting, and request precedence.
export type {
  BackendKind,
  BackendNode,
  EdgeKind,
  GraphEdge,
  GraphNode,
  HostnameNode,
  MatchView,
  ParentNode,
  RouteEntry,
  RouteGraph,
  RouteIds,
  RouteNode,
  RuleIds,
  RuleNode,
} from "./types";
export { fromHTTPRoutes, toHTTPRoutes } from "./build";
export { graphNodes, graphEdges, routeView, backendKindOf, type RouteView } from "./view";
export { UnknownElementError, findRouteId } from "./locate";
export { elementIdForPath, pathForElementId, parsePath, formatPath, type ElementPath, type PathSegment } from "./paths";
export { addHostname, removeHostname, renameHostname } from "./ops/hostnames";
export { attachParent, detachParent } from "./ops/parents";
export { addRule, removeRule, moveRule } from "./ops/rules";
export { editMatch, addMatch, removeMatch, type MatchPatch } from "./ops/matches";
export { addBackend, removeBackend, moveBackend, setTypedWeight, setWeight } from "./ops/backends";
export { addRoute, removeRoute } from "./ops/routes";
export {
  findLimitViolations,
  routeLimitViolations,
  HTTPROUTE_LIMITS,
  type HTTPRouteLimits,
  type LimitName,
  type LimitViolation,
  type RouteLimitViolation,
} from "./limits";
export { splitRoute, type SplitResult } from "./split";
export { router, winningRule, matchesRequest, type RuleHit, type SampleRequest } from "./precedence";
