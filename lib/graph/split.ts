// Splitting an over-limit HTTPRoute into several that route every request the same way.
//
// Why this order-preserving split keeps behaviour (see precedence.ts for the rules):
// - Matches are copied verbatim, so every match keeps its specificity, and every part keeps
//   the route's hostnames (or a group of them) and parents, so hostname precedence holds.
// - Ties between equally specific matches go, across routes, to the older route and then to
//   the "{namespace}/{name}" that sorts first; within a route, to the earlier rule. The rules
//   are cut into consecutive chunks: part 0 keeps the original name and creation time (the
//   oldest), and part k is named `<name>-<k>` with k zero-padded, which sorts after `<name>`
//   and after every earlier part. So "earlier in the list" still means "wins the tie".
// - A rule with too many matches becomes consecutive rules with the same filters, backends
//   and other fields; any of its matches still leads to the same action.
// - Hostname groups: a request's host picks the group with its best hostname match, and every
//   group carries the same rules, so the winner is found among the same rules as before.
// Caveats: parts must be applied in order (their creation times then follow k) and other
// routes created after the original but before the split now win ties they used to lose.
// A rule with over 16 backends cannot be split: its weights share traffic within one rule.
import type { HTTPRouteRule } from "../gateway/route-types";
import type { HTTPRoute } from "../gateway/types.generated";
import type { ObjectMeta } from "../k8s/meta";
import { HTTPROUTE_LIMITS, matchCount, routeLimitViolations, type HTTPRouteLimits, type RouteLimitViolation } from "./limits";

export interface SplitResult {
  /** The parts, in the order to apply them. The first keeps the original's name and metadata. */
  readonly routes: HTTPRoute[];
  /** Violations that splitting cannot fix. */
  readonly unsplittable: RouteLimitViolation[];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Cuts rules with too many matches into consecutive rules with the same action. */
function splitOversizedRules(rules: readonly HTTPRouteRule[], perRule: number): HTTPRouteRule[] {
  const names = new Set(rules.flatMap((r) => (r.name ? [r.name] : [])));
  const freshName = (base: string): string => {
    let n = 2;
    while (names.has(`${base}-${n}`)) n++;
    names.add(`${base}-${n}`);
    return `${base}-${n}`;
  };
  return rules.flatMap((rule) => {
    if (matchCount(rule) <= perRule || !rule.matches) return [rule];
    return chunk(rule.matches, perRule).map((matches, i) => {
      const name = i === 0 || !rule.name ? rule.name : freshName(rule.name);
      return name === undefined ? { ...rule, matches } : { ...rule, matches, name };
    });
  });
}

/** Cuts the rule list, in order, into chunks within the rule and total-match limits. */
function chunkRules(rules: readonly HTTPRouteRule[], limits: HTTPRouteLimits): HTTPRouteRule[][] {
  const out: HTTPRouteRule[][] = [];
  let current: HTTPRouteRule[] = [];
  let matches = 0;
  for (const rule of rules) {
    const n = matchCount(rule);
    if (current.length > 0 && (current.length >= limits.rules || matches + n > limits.matchesPerRoute)) {
      out.push(current);
      current = [];
      matches = 0;
    }
    current.push(rule);
    matches += n;
  }
  out.push(current);
  return out;
}

/** Metadata for a new part: identity and the user's labels/annotations, nothing server-set. */
function partMetadata(meta: ObjectMeta, name: string): ObjectMeta {
  const annotations = { ...meta.annotations };
  delete annotations["kubectl.kubernetes.io/last-applied-configuration"];
  return {
    name,
    ...(meta.namespace !== undefined && { namespace: meta.namespace }),
    ...(meta.labels !== undefined && { labels: meta.labels }),
    ...(Object.keys(annotations).length > 0 && { annotations }),
  };
}

/** Splits `route` so that each part is within `limits` and routing is unchanged. */
export function splitRoute(route: HTTPRoute, limits: HTTPRouteLimits = HTTPROUTE_LIMITS): SplitResult {
  const violations = routeLimitViolations(route, limits);
  const unsplittable = violations.filter((v) => v.limit === "backendRefsPerRule");
  if (violations.length === unsplittable.length) return { routes: [route], unsplittable };

  const spec = route.spec ?? {};
  const ruleChunks = spec.rules ? chunkRules(splitOversizedRules(spec.rules, limits.matchesPerRule), limits) : [undefined];
  const hostGroups = spec.hostnames ? chunk(spec.hostnames, limits.hostnames) : [undefined];
  const parentGroups = spec.parentRefs ? chunk(spec.parentRefs, limits.parentRefs) : [undefined];
  const total = hostGroups.length * parentGroups.length * ruleChunks.length;
  const width = String(total - 1).length;
  const baseName = route.metadata?.name ?? "";

  const routes: HTTPRoute[] = [];
  for (const hostnames of hostGroups) {
    for (const parentRefs of parentGroups) {
      for (const rules of ruleChunks) {
        const k = routes.length;
        const partSpec = {
          ...spec,
          ...(hostnames && { hostnames }),
          ...(parentRefs && { parentRefs }),
          ...(rules && { rules }),
        };
        routes.push(
          k === 0
            ? { ...route, spec: partSpec }
            : {
                apiVersion: route.apiVersion,
                kind: route.kind,
                metadata: partMetadata(route.metadata ?? {}, `${baseName}-${String(k).padStart(width, "0")}`),
                spec: partSpec,
              },
        );
      }
    }
  }
  return { routes, unsplittable };
}
