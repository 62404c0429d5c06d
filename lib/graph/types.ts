// The RouteGraph data model. A graph keeps every HTTPRoute object whole (so nothing the canvas
// does not model can be lost) next to a table of stable element ids; nodes and edges are views
// derived from the two.
import type { HTTPBackendRef, HTTPRouteFilter, HTTPRouteMatch, HTTPRouteRule, HTTPRouteTimeouts, ParentReference } from "../gateway/route-types";
import type { HTTPRoute } from "../gateway/types.generated";

/** Ids of one rule and of its backendRefs, parallel to `rule.backendRefs`. */
export interface RuleIds {
  readonly id: string;
  readonly backends: readonly string[];
}

/** Stable ids of one route's elements; each list is parallel to the list it names. */
export interface RouteIds {
  readonly route: string;
  readonly hostnames: readonly string[];
  readonly parents: readonly string[];
  readonly rules: readonly RuleIds[];
}

/** One HTTPRoute as the graph holds it: the object itself, never copied field by field. */
export interface RouteEntry {
  readonly route: HTTPRoute;
  readonly ids: RouteIds;
}

/** The RouteGraph. Immutable: edit operations return a new graph sharing untouched parts. */
export interface RouteGraph {
  readonly entries: readonly RouteEntry[];
}

export type BackendKind = "Service" | "KnativeService" | "Other";

export interface RouteNode {
  readonly kind: "route";
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
}

export interface HostnameNode {
  readonly kind: "hostname";
  readonly id: string;
  readonly routeId: string;
  readonly value: string;
}

export interface ParentNode {
  readonly kind: "parent";
  readonly id: string;
  readonly routeId: string;
  /** Effective values, with the CRD's defaults and the route's namespace filled in. */
  readonly group: string;
  readonly parentKind: string;
  readonly namespace: string;
  readonly name: string;
  readonly sectionName?: string;
  readonly port?: number;
  readonly ref: ParentReference;
}

export interface MatchView {
  readonly id: string;
  readonly match: HTTPRouteMatch;
}

export interface RuleNode {
  readonly kind: "rule";
  readonly id: string;
  readonly routeId: string;
  readonly index: number;
  readonly name?: string;
  readonly matches: readonly MatchView[];
  readonly filters: readonly HTTPRouteFilter[];
  readonly timeouts?: HTTPRouteTimeouts;
  /** The whole rule, for fields the canvas does not model (sessionPersistence, retry, ...). */
  readonly rule: HTTPRouteRule;
}

export interface BackendNode {
  readonly kind: "backend";
  readonly id: string;
  readonly routeId: string;
  readonly ruleId: string;
  readonly backendKind: BackendKind;
  readonly group: string;
  readonly refKind: string;
  readonly namespace: string;
  readonly name: string;
  readonly port?: number;
  /** Effective weight (the CRD default is 1). */
  readonly weight: number;
  /** This backend's share of its rule's traffic, 0..100. */
  readonly percent: number;
  readonly ref: HTTPBackendRef;
}

export type GraphNode = RouteNode | HostnameNode | ParentNode | RuleNode | BackendNode;

export type EdgeKind = "attaches" | "serves" | "forwards";

export interface GraphEdge {
  readonly id: string;
  readonly kind: EdgeKind;
  readonly source: string;
  readonly target: string;
}
