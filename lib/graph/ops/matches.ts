// Edit the matches of a rule: path (type and value), headers, query params, method.
import type { HTTPHeaderMatch, HTTPMethod, HTTPPathMatch, HTTPQueryParamMatch, HTTPRouteMatch } from "../../gateway/route-types";
import { locate } from "../locate";
import type { RouteGraph } from "../types";
import { editRuleAt, insertAt, removeAt, replaceAt, withField, withList } from "./update";

/**
 * A change to one match. A field left undefined is untouched; `null` removes it. `path` is
 * merged into the existing path object, so setting only the type keeps the value (and any
 * field a later Gateway API version adds there).
 */
export interface MatchPatch {
  readonly path?: Partial<HTTPPathMatch> | null;
  readonly method?: HTTPMethod | null;
  readonly headers?: readonly HTTPHeaderMatch[] | null;
  readonly queryParams?: readonly HTTPQueryParamMatch[] | null;
}

function patched(match: HTTPRouteMatch, patch: MatchPatch): HTTPRouteMatch {
  let next = match;
  if (patch.path !== undefined) {
    const merged = patch.path === null ? undefined : { ...match.path, ...definedOnly(patch.path) };
    next = withField(next, "path", merged);
  }
  if (patch.method !== undefined) next = withField(next, "method", patch.method ?? undefined);
  if (patch.headers !== undefined) next = withList(next, "headers", [...(patch.headers ?? [])]);
  if (patch.queryParams !== undefined) next = withList(next, "queryParams", [...(patch.queryParams ?? [])]);
  return next;
}

function definedOnly<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function editMatch(graph: RouteGraph, matchId: string, patch: MatchPatch): RouteGraph {
  const loc = locate(graph, matchId, "match");
  return editRuleAt(graph, loc.route, loc.rule, (rule, ids) => {
    const matches = rule.matches ?? [];
    const old = matches[loc.index];
    if (!old) return { rule, ids };
    return { rule: { ...rule, matches: replaceAt(matches, loc.index, patched(old, patch)) }, ids };
  });
}

/** Adds a match to a rule (a rule matches when any of its matches does). */
export function addMatch(graph: RouteGraph, ruleId: string, match: HTTPRouteMatch, index?: number): RouteGraph {
  const loc = locate(graph, ruleId, "rule");
  return editRuleAt(graph, loc.route, loc.rule, (rule, ids) => ({
    rule: { ...rule, matches: insertAt(rule.matches ?? [], index, match) },
    ids,
  }));
}

/** Removes a match; removing the last one leaves the rule matching every request. */
export function removeMatch(graph: RouteGraph, matchId: string): RouteGraph {
  const loc = locate(graph, matchId, "match");
  return editRuleAt(graph, loc.route, loc.rule, (rule, ids) => ({
    rule: withList(rule, "matches", removeAt(rule.matches ?? [], loc.index)),
    ids,
  }));
}
