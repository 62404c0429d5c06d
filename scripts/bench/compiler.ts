// The route compiler on 1,000 HTTPRoutes of 16 rules each: graph → HTTPRoutes → YAML and
// YAML → graph, side by side with the `yaml` package alone on the same objects (the ratio is the
// figure; the machines are shared), and validation per route.
import { readFileSync } from "node:fs";
import { parseAllDocuments, parseDocument, stringify } from "yaml";
import { gatewayApiCrdFiles } from "../../e2e/cluster/crds";
import type { HTTPRoute } from "../../lib/gateway/types.generated";
import { fromHTTPRoutes, toHTTPRoutes } from "../../lib/graph";
import type { CustomResourceDefinition } from "../../lib/validate";
import { validateHTTPRoute } from "../../lib/validate";
import { parseManifests, printManifests } from "../../lib/yaml";
import { ms, percentile, writeSection, sideBySide } from "./report";

const ROUTES = 1000;

/** Route i; `variant` changes rule 7's path only, as one keystroke would. */
function route(i: number, variant = 0): HTTPRoute {
  return {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { name: `route-${i}`, namespace: `team-${i % 7}`, labels: { app: `app-${i}` }, annotations: { owner: "bench" } },
    spec: {
      parentRefs: [{ name: "public", namespace: "infra", sectionName: "https" }],
      hostnames: [`app-${i}.example.com`, `www.app-${i}.example.com`],
      rules: Array.from({ length: 16 }, (_, j) => ({
        name: `r${j}`,
        matches: [
          {
            path: { type: "PathPrefix" as const, value: `/api/v${j}/app-${i}${variant && j === 7 ? `/x${variant}` : ""}` },
            headers: [{ type: "Exact" as const, name: "x-tenant", value: `t${j}` }],
            method: "GET" as const,
          },
        ],
        filters: [{ type: "RequestHeaderModifier" as const, requestHeaderModifier: { set: [{ name: "x-route", value: `r${j}` }] } }],
        backendRefs: [
          { name: `svc-${j}`, port: 80, weight: 90 },
          { name: `svc-${j}-canary`, port: 80, weight: 10 },
        ],
        timeouts: { request: "10s" },
      })),
    },
  };
}

/** Best of `rounds`, the two sides interleaved so a busy neighbour hits both alike. */
function loadCrd(): CustomResourceDefinition {
  const file = gatewayApiCrdFiles().find((f) => f.endsWith("_httproutes.yaml"));
  if (!file) throw new Error("no HTTPRoute CRD");
  return parseDocument(readFileSync(file, "utf8")).toJS() as CustomResourceDefinition;
}

export async function benchCompiler(): Promise<void> {
  const routes = Array.from({ length: ROUTES }, (_, i) => route(i));
  const graph = fromHTTPRoutes(routes);
  const text = printManifests(routes);

  const print = sideBySide(
    7,
    () => printManifests(toHTTPRoutes(graph)),
    () => routes.map((r) => stringify(r)).join("---\n"),
  );
  const load = sideBySide(
    5,
    () => fromHTTPRoutes(parseManifests(text).objects.map((o) => o.object as unknown as HTTPRoute)),
    () => parseAllDocuments(text).map((d) => d.toJS()),
  );

  const crd = loadCrd();
  // Cold: each route seen for the first time. Keystroke: one path edited in an otherwise
  // unchanged route, as the canvas re-validates while someone types.
  const cold = routes.slice(0, 300).map((r) => {
    const t = performance.now();
    validateHTTPRoute(r, crd);
    return performance.now() - t;
  });
  const keystroke = Array.from({ length: 300 }, (_, k) => {
    const r = route(1, k + 1);
    const t = performance.now();
    validateHTTPRoute(r, crd);
    return performance.now() - t;
  });

  writeSection(
    "compiler",
    "Route compiler: 1,000 HTTPRoutes of 16 rules",
    `Each route: 2 hostnames, 1 parent, 16 rules with a path, header and method match, a filter, a timeout and two weighted backends. ${(text.length / 2 ** 20).toFixed(1)} MiB of YAML. Best of several interleaved rounds.

| task | Routeboard | \`yaml\` alone, same objects | ratio | goal |
|---|---|---|---|---|
| graph → HTTPRoutes → YAML (\`toHTTPRoutes\` + \`printManifests\`) vs \`stringify\` | ${ms(print.ours)} | ${ms(print.base)} | ${(print.ours / print.base).toFixed(2)} | ≤ 1.5 |
| YAML → graph (\`parseManifests\` + \`fromHTTPRoutes\`) vs \`parseAllDocuments().toJS()\` | ${ms(load.ours)} | ${ms(load.base)} | ${(load.ours / load.base).toFixed(2)} | — |

| \`validateHTTPRoute\` on one 16-rule route (v1.6.3 CRD: schema + CEL) | median | p95 | goal |
|---|---|---|---|
| first time the route is seen | ${ms(percentile(cold, 50))} | ${ms(percentile(cold, 95))} | < 1 ms median |
| after a keystroke (one path value changed) | ${ms(percentile(keystroke, 50))} | ${ms(percentile(keystroke, 95))} | < 1 ms median |

Command: \`npm run bench\` (section \`compiler\`, source scripts/bench/compiler.ts).`,
  );
}
