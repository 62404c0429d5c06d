// What the editor's panels show, derived from its store once per change and memoised by the
// identity of what each view reads (reselect): the YAML is printed once per edit however many
// panels show it, and a live event that touches no route on the draft's hostnames ranks nothing.
import { createSelector } from "reselect";
import { missingGrants } from "../gateway/reference-grants";
import { elementIdForPath, findLimitViolations, fromHTTPRoutes, toHTTPRoutes, type LimitViolation } from "../graph";
import { validateHTTPRoute, type ValidationError } from "../validate";
import { printManifest } from "../yaml";
import type { EditorState } from "./editor-store";
import { toFlow } from "./flow";
import { forApply, forDisplay } from "./manifest";
import { pinProblems } from "./pin-errors";
import { routingTable } from "./routing-table";

export interface Validation {
  readonly errors: readonly ValidationError[];
  readonly limits: readonly LimitViolation[];
  /** Why validation cannot run (CRD unreadable); the server's dry-run still judges. */
  readonly problem?: string;
}

const graphOf = (s: EditorState) => s.history.present;

export const selectRoute = createSelector([graphOf, (s: EditorState) => s.start], (g, start) => toHTTPRoutes(g)[0] ?? start);
export const selectNamespace = (s: EditorState) => selectRoute(s).metadata.namespace ?? "";
export const selectName = (s: EditorState) => selectRoute(s).metadata.name ?? "";
/** The draft's hostnames as one string: equal while typing elsewhere, so what depends on them stays. */
const hostKey = (s: EditorState) => (selectRoute(s).spec.hostnames ?? []).join("\n");

export const selectDraftYaml = createSelector([selectRoute], (r) => printManifest(forDisplay(r)));
export const selectBaseYaml = createSelector([(s: EditorState) => s.base], (b) => (b ? printManifest(forDisplay(b)) : ""));
export const selectDirty = (s: EditorState) => selectBaseYaml(s) !== selectDraftYaml(s);

/** The API server's verdict, computed in the browser from the cluster's own CRD. */
export const selectValidation = createSelector(
  [graphOf, selectRoute, (s: EditorState) => s.inputs.crd, (s: EditorState) => s.inputs.crdProblem],
  (graph, route, crd, crdProblem): Validation => {
    const limits = findLimitViolations(graph);
    if (!crd) return { errors: [], limits, ...(crdProblem !== undefined && { problem: crdProblem }) };
    const routeId = graph.entries[0]?.ids.route ?? "";
    const errors = validateHTTPRoute(forApply(route, undefined), crd, { elementIdFor: (p) => elementIdForPath(graph, routeId, p) });
    return { errors, limits };
  },
);
export const selectProblemCount = (s: EditorState) => {
  const v = selectValidation(s);
  return v.errors.length + v.limits.length;
};

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
/**
 * The other routes on the draft's hostnames: precedence is decided across all of them. The same
 * array while the same route objects pass (live objects keep their identity while unchanged), so
 * a change to a route on another host ranks nothing again.
 */
const selectOtherRoutes = createSelector(
  [(s: EditorState) => s.inputs.routes, hostKey, selectNamespace, selectName],
  (routes, hosts, ns, name) => {
    const on = new Set(hosts.split("\n"));
    return routes.filter((r) => !(r.metadata.namespace === ns && r.metadata.name === name) && (r.spec.hostnames ?? []).some((h) => on.has(h)));
  },
  { memoizeOptions: { resultEqualityCheck: sameItems } },
);
const selectOthers = createSelector([selectOtherRoutes], (rs) => fromHTTPRoutes(rs).entries);
/**
 * Ranking every rule on a busy host takes tens of ms, so the table follows the settled draft.
 * The draft graph itself, not one rebuilt from its route: its rule ids follow rules through
 * reorders, so the table's verdicts land on the nodes drawn.
 */
export const selectTable = createSelector([(s: EditorState) => s.settled, selectOthers], (settled, others) =>
  routingTable({ entries: [...settled.entries, ...others] }),
);
export const selectOwnRules = createSelector([graphOf], (g): ReadonlySet<string> => new Set(g.entries[0]?.ids.rules.map((r) => r.id)));

export const selectFlow = createSelector(
  [graphOf, (s: EditorState) => s.inputs.gateways, selectTable, (s: EditorState) => s.inputs.readOnly],
  (graph, gateways, table, readOnly) => toFlow(graph, { gateways: [...gateways], shadowed: table.shadowed, shadowedBy: table.shadowedBy, readOnly }),
);

/** Each node's problems (validation errors and limits), pinned to the node they are about. */
export const selectPinned = createSelector([selectValidation, selectFlow], (v, flow) =>
  pinProblems(
    [...v.errors, ...v.limits.map((l) => ({ elementId: l.elementId, message: l.message }))],
    flow.nodes.map((n) => n.id),
  ),
);
const NONE: readonly string[] = [];
/** The messages pinned to one node; compare with a shallow equality, as they are a new array per change. */
export const problemsOf = (s: EditorState, nodeId: string): readonly string[] =>
  selectPinned(s)
    .get(nodeId)
    ?.map((p) => p.message) ?? NONE;

/** The ReferenceGrants the route's cross-namespace backends still lack (none known until listed). */
export const selectNeededGrants = createSelector([selectRoute, (s: EditorState) => s.inputs.grants], (route, grants) =>
  grants ? missingGrants(route, grants) : [],
);
const NO_GRANTS: ReturnType<typeof selectNeededGrants> = [];
/** The grants the apply creates with the route. */
export const selectGrants = (s: EditorState) => (s.createGrants ? selectNeededGrants(s) : NO_GRANTS);

/** Why Apply is not offered, in words; undefined when it is. */
export const selectBlocked = (s: EditorState): string | undefined => {
  if (s.inputs.readOnly) return "Read-only.";
  const n = selectProblemCount(s);
  if (n > 0) return `${n} problem${n > 1 ? "s" : ""} to fix before applying (see Problems).`;
  return !selectDirty(s) && selectGrants(s).length === 0 ? "No changes to apply." : undefined;
};
