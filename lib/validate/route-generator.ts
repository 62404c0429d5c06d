// Generated HTTPRoutes for the differential test against the API server: a realistic valid base
// plus near-miss mutations around every limit, pattern, enum and CEL rule of the HTTPRoute CRD
// (both sides of each boundary). Seeded, so a disagreement reproduces.
import { MUTATIONS } from "./route-mutations.ts";
import { int, pick, rng, type Mutation, type Obj, type Rand } from "./route-parts.ts";

export interface GeneratedRoute {
  /** Which mutations made it, for reading a disagreement. */
  label: string;
  route: Obj;
}

function baseRule(r: Rand, i: number): Obj {
  const match: Obj = { path: { type: pick(r, ["PathPrefix", "Exact"]), value: `/svc${i}/${pick(r, ["api", "v1", "docs", "a.b", "~u"])}` } };
  const rule: Obj = {
    matches: [match],
    backendRefs: [{ name: `svc-${i}`, port: pick(r, [80, 8080, 443]), weight: int(r, 0, 100) }],
  };
  if (r() < 0.3) {
    match.headers = [{ name: "x-env", value: pick(r, ["canary", "prod"]) }];
  }
  if (r() < 0.3) {
    rule.filters = [{ type: "RequestHeaderModifier", requestHeaderModifier: { set: [{ name: "x-a", value: "1" }] } }];
  }
  if (r() < 0.2) (rule.backendRefs as Obj[]).push({ name: `svc-${i}-canary`, port: 80, weight: int(r, 0, 100) });
  return rule;
}

function baseMeta(r: Rand, name: string): Obj {
  const meta: Obj = { name, namespace: "default" };
  if (r() < 0.3) meta.labels = { app: name, "app.kubernetes.io/part-of": pick(r, ["shop", "docs"]) };
  if (r() < 0.2) meta.annotations = { "routeboard.dev/note": pick(r, ["", "canary: 10%", "owner=team-a"]) };
  if (r() < 0.1) meta.finalizers = ["example.com/cleanup"];
  return meta;
}

export function baseRoute(r: Rand, name: string): Obj {
  return {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: baseMeta(r, name),
    spec: {
      parentRefs: [{ name: "gw", namespace: "infra" }],
      hostnames: [pick(r, ["app.example.com", "*.example.org", "x"])],
      rules: Array.from({ length: int(r, 1, 3) }, (_, i) => baseRule(r, i)),
    },
  };
}

/**
 * `count` routes: about one in six unmutated, the rest with one to three mutations, every
 * mutation used at least once when count allows.
 */
export function generateRoutes(seed: number, count: number, mutations: readonly Mutation[] = MUTATIONS): GeneratedRoute[] {
  const r = rng(seed);
  const out: GeneratedRoute[] = [];
  for (let i = 0; i < count; i++) {
    const route = baseRoute(r, `route-${i}`);
    const applied: Mutation[] = [];
    if (i < mutations.length) applied.push(mutations[i] as Mutation);
    else if (r() > 1 / 6) {
      const n = int(r, 1, 3);
      for (let k = 0; k < n; k++) applied.push(pick(r, mutations));
    }
    for (const m of applied) {
      try {
        m.apply(route, r);
      } catch {
        // An earlier mutation removed the part this one edits: the route keeps the earlier one.
      }
    }
    out.push({ label: applied.map((m) => m.name).join("+") || "base", route });
  }
  return out;
}
