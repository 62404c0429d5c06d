// Property tests over every edit operation: on routes generated from the CRD schema, an edit
// changes only the paths it is meant to, never mutates its input, and keeps ids stable.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HTTPRoute } from "../../gateway/types.generated";
import { fromHTTPRoutes, toHTTPRoutes } from "../build";
import { graphIndex, type Location } from "../locate";
import { deepFreeze } from "../testing/deep-freeze";
import { httpRouteArbitrary } from "../testing/httproute-arbitrary";
import { changedPaths, isWithin } from "../testing/json-diff";
import type { RouteGraph } from "../types";
import { addBackend, moveBackend, removeBackend, setWeight } from "./backends";
import { addHostname, removeHostname, renameHostname } from "./hostnames";
import { addMatch, editMatch, removeMatch, type MatchPatch } from "./matches";
import { attachParent, detachParent } from "./parents";
import { addRule, moveRule, removeRule } from "./rules";

const kinds = [
  "addHostname",
  "removeHostname",
  "renameHostname",
  "attachParent",
  "detachParent",
  "addRule",
  "removeRule",
  "moveRule",
  "editMatch",
  "addMatch",
  "removeMatch",
  "addBackend",
  "removeBackend",
  "moveBackend",
  "setWeight",
] as const;

const opt = { noNullPrototype: true, requiredKeys: [] as [] };
const matchPatch: fc.Arbitrary<MatchPatch> = fc.record(
  {
    path: fc.option(fc.record({ type: fc.constantFrom("Exact", "PathPrefix"), value: fc.constantFrom("/x", "/y/z") }, opt), { nil: null }),
    method: fc.option(fc.constantFrom("GET", "POST"), { nil: null }),
    headers: fc.option(fc.constant([{ name: "x-env", value: "canary" }]), { nil: null }),
    queryParams: fc.option(fc.constant([{ name: "v", value: "2" }]), { nil: null }),
  },
  opt,
);

const plan = fc.record(
  {
    kind: fc.constantFrom(...kinds),
    a: fc.nat(),
    b: fc.nat(),
    index: fc.option(fc.nat({ max: 4 }), { nil: undefined }),
    hostname: fc.constantFrom("a.example.com", "*.example.com", "b.example.org"),
    weight: fc.nat({ max: 1_000_000 }),
    ruleName: fc.option(fc.constantFrom("new", "users"), { nil: undefined }),
    patch: matchPatch,
  },
  { noNullPrototype: true },
);
type Plan = typeof plan extends fc.Arbitrary<infer T> ? T : never;

interface Applied {
  readonly graph: RouteGraph;
  /** Route index → paths the edit may change there. */
  readonly allowed: ReadonlyMap<number, readonly string[]>;
  readonly removedId?: string;
}

function pick<K extends Location["kind"]>(graph: RouteGraph, kind: K, n: number): [string, Extract<Location, { kind: K }>] | undefined {
  const all = [...graphIndex(graph)].filter((e): e is [string, Extract<Location, { kind: K }>] => e[1].kind === kind);
  return all.length > 0 ? all[n % all.length] : undefined;
}

function apply(g: RouteGraph, p: Plan): Applied | undefined {
  const route = pick(g, "route", p.a);
  const rule = pick(g, "rule", p.a);
  const one = (r: number, ...paths: string[]) => new Map([[r, paths]]);
  const rulePath = (l: { route: number; rule: number }) => `spec.rules[${l.rule}]`;
  switch (p.kind) {
    case "addHostname":
      return route && { graph: addHostname(g, route[0], p.hostname, p.index), allowed: one(route[1].route, "spec.hostnames") };
    case "attachParent":
      return route && { graph: attachParent(g, route[0], { name: "gw", sectionName: "http" }, p.index), allowed: one(route[1].route, "spec.parentRefs") };
    case "addRule": {
      const body = {
        ...(p.ruleName && { name: p.ruleName }),
        matches: [{ path: { type: "PathPrefix" as const, value: "/new" } }],
        backendRefs: [{ name: "svc", port: 80 }],
      };
      return route && { graph: addRule(g, route[0], body, p.index), allowed: one(route[1].route, "spec.rules") };
    }
    case "removeHostname":
    case "renameHostname": {
      const h = pick(g, "hostname", p.a);
      if (!h) return undefined;
      return p.kind === "removeHostname"
        ? { graph: removeHostname(g, h[0]), allowed: one(h[1].route, "spec.hostnames"), removedId: h[0] }
        : { graph: renameHostname(g, h[0], p.hostname), allowed: one(h[1].route, `spec.hostnames[${h[1].index}]`) };
    }
    case "detachParent": {
      const pr = pick(g, "parent", p.a);
      return pr && { graph: detachParent(g, pr[0]), allowed: one(pr[1].route, "spec.parentRefs"), removedId: pr[0] };
    }
    case "removeRule":
      return rule && { graph: removeRule(g, rule[0]), allowed: one(rule[1].route, "spec.rules"), removedId: rule[0] };
    case "moveRule":
      return rule && { graph: moveRule(g, rule[0], p.b % 4), allowed: one(rule[1].route, "spec.rules") };
    case "addMatch":
      return rule && { graph: addMatch(g, rule[0], { path: { value: "/m" } }, p.index), allowed: one(rule[1].route, `${rulePath(rule[1])}.matches`) };
    case "addBackend":
      return rule && { graph: addBackend(g, rule[0], { name: "added", port: 8080 }, p.index), allowed: one(rule[1].route, `${rulePath(rule[1])}.backendRefs`) };
    case "editMatch":
    case "removeMatch": {
      const m = pick(g, "match", p.a);
      if (!m) return undefined;
      const at = `${rulePath(m[1])}.matches`;
      return p.kind === "editMatch"
        ? { graph: editMatch(g, m[0], p.patch), allowed: one(m[1].route, `${at}[${m[1].index}]`) }
        : { graph: removeMatch(g, m[0]), allowed: one(m[1].route, at) };
    }
    case "removeBackend":
    case "setWeight":
    case "moveBackend": {
      const b = pick(g, "backend", p.a);
      if (!b) return undefined;
      const at = `${rulePath(b[1])}.backendRefs`;
      if (p.kind === "removeBackend") return { graph: removeBackend(g, b[0]), allowed: one(b[1].route, at), removedId: b[0] };
      if (p.kind === "setWeight") return { graph: setWeight(g, b[0], p.weight), allowed: one(b[1].route, `${at}[${b[1].index}].weight`) };
      const to = pick(g, "rule", p.b);
      if (!to) return undefined;
      const allowed = new Map<number, string[]>([[b[1].route, [at]]]);
      allowed.set(to[1].route, [...(allowed.get(to[1].route) ?? []), `${rulePath(to[1])}.backendRefs`]);
      return { graph: moveBackend(g, b[0], to[0], p.index), allowed };
    }
  }
}

/** Whether each route's id lists run parallel to the lists they name. */
function idsInStep(graph: RouteGraph): boolean {
  return graph.entries.every(({ route, ids }) => {
    const spec = route.spec ?? {};
    const rules = spec.rules ?? [];
    return (
      ids.hostnames.length === (spec.hostnames?.length ?? 0) &&
      ids.parents.length === (spec.parentRefs?.length ?? 0) &&
      ids.rules.length === rules.length &&
      ids.rules.every((r, i) => r.backends.length === (rules[i]?.backendRefs?.length ?? 0))
    );
  });
}

const stableKinds = new Set(["route", "hostname", "parent", "rule", "backend"]);

describe("edit operations", () => {
  it("change only the edited paths, never their input, and keep every other id", () => {
    fc.assert(
      fc.property(fc.array(httpRouteArbitrary(), { minLength: 1, maxLength: 3 }), plan, (routes, p) => {
        const input: HTTPRoute[] = deepFreeze(routes);
        const before = fromHTTPRoutes(input);
        const applied = apply(before, p);
        fc.pre(applied !== undefined);
        if (!applied) return;
        const after = toHTTPRoutes(applied.graph);

        expect(after).toHaveLength(input.length);
        const stray: string[] = [];
        input.forEach((r, i) => {
          const allowed = applied.allowed.get(i);
          if (!allowed) {
            if (after[i] !== r) stray.push(`route ${i} was rebuilt`);
            return;
          }
          for (const path of changedPaths(r, after[i])) {
            if (!allowed.some((prefix) => isWithin(path, prefix))) stray.push(`route ${i}: ${path}`);
          }
        });
        expect(stray).toEqual([]);
        expect(idsInStep(applied.graph)).toBe(true);

        const afterIds = graphIndex(applied.graph);
        const lost = [...graphIndex(before)]
          .filter(([id, loc]) => stableKinds.has(loc.kind) && id !== applied.removedId && !afterIds.has(id))
          .map(([id]) => id);
        // Removing a rule takes its backends with it.
        const expectedLost = p.kind === "removeRule" ? lost.filter((id) => !id.startsWith(`${applied.removedId}/`)) : lost;
        expect(expectedLost).toEqual([]);
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});
