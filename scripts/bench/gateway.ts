// lib/gateway at scale. predictStatus on 5,000 HTTPRoutes over 200 Gateways (one in five routes
// broken in one of five ways), side by side with parsing the same objects' YAML; impactOf for one
// edited path among them (what the canvas computes per edit); and matchRequest over one listener
// with 10,000 rules, per request, side by side with a linear scan of the same rule table.
import type { KubeObject } from "../../lib/k8s/meta";
import { impactOf, withRoutes } from "../../lib/gateway/impact";
import { matcher } from "../../lib/gateway/match";
import { predictStatus, type StatusPrediction } from "../../lib/gateway/predict";
import { parseManifests, printManifests } from "../../lib/yaml";
import { ms, percentile, writeSection } from "./report";

const GROUP = "gateway.networking.k8s.io";
const kube = (o: object) => o as KubeObject;
const GATEWAYS = 200;
const ROUTES = 5000;
const TEAMS = 50;

const BROKEN = [
  "missing Service",
  "port the Service lacks",
  "cross-namespace without grant",
  "hostname no listener takes",
  "sectionName no listener has",
] as const;
/** Route i is broken in way BROKEN[i % 25 - 1] for i % 25 in 1..5, fine otherwise. */
const brokenWay = (i: number): (typeof BROKEN)[number] | undefined => BROKEN[(i % 25) - 1];
// Only team-0 … team-24 are granted access to the "shared" namespace.
const granted = (i: number) => i % TEAMS < 25;

function gatewayClass(): KubeObject {
  return kube({
    apiVersion: `${GROUP}/v1`,
    kind: "GatewayClass",
    metadata: { name: "bench" },
    spec: { controllerName: "example.com/bench" },
    status: { conditions: [{ type: "Accepted", status: "True", reason: "Accepted", message: "", lastTransitionTime: "2026-01-01T00:00:00Z" }] },
  });
}

const namespace = (name: string) => kube({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { "kubernetes.io/metadata.name": name } } });
const service = (ns: string, name: string, port = 8080) =>
  kube({ apiVersion: "v1", kind: "Service", metadata: { namespace: ns, name }, spec: { selector: { app: name }, ports: [{ port }] } });

function gateway(g: number): KubeObject {
  return kube({
    apiVersion: `${GROUP}/v1`,
    kind: "Gateway",
    metadata: { namespace: `infra-${g % 10}`, name: `gw-${g}` },
    spec: {
      gatewayClassName: "bench",
      listeners: [
        { name: "http", port: 80, protocol: "HTTP", hostname: `*.g${g}.example.com`, allowedRoutes: { namespaces: { from: "All" } } },
        {
          name: "https",
          port: 443,
          protocol: "HTTPS",
          hostname: `*.g${g}.example.com`,
          allowedRoutes: { namespaces: { from: "All" } },
          tls: { certificateRefs: [{ kind: "Secret", name: `cert-${g}` }] },
        },
      ],
    },
  });
}

function statusRoute(i: number): KubeObject {
  const g = i % GATEWAYS;
  const ns = `team-${i % TEAMS}`;
  const way = brokenWay(i);
  const backend =
    way === "missing Service"
      ? { name: `gone-${i}`, port: 8080 }
      : way === "port the Service lacks"
        ? { name: `svc-${i}`, port: 9090 }
        : way === "cross-namespace without grant"
          ? { name: "shared", namespace: "shared", port: 8080 }
          : { name: `svc-${i}`, port: 8080 };
  return kube({
    apiVersion: `${GROUP}/v1`,
    kind: "HTTPRoute",
    metadata: { namespace: ns, name: `route-${i}`, creationTimestamp: "2026-01-01T00:00:00Z" },
    spec: {
      parentRefs: [{ name: `gw-${g}`, namespace: `infra-${g % 10}`, ...(way === "sectionName no listener has" && { sectionName: "grpc" }) }],
      hostnames: [way === "hostname no listener takes" ? `app-${i}.other.org` : `app-${i}.g${g}.example.com`],
      rules: Array.from({ length: 4 }, (_, j) => ({
        matches: [{ path: { type: "PathPrefix", value: `/api/v${j}` } }],
        backendRefs: [
          { ...backend, weight: 90 },
          { name: `svc-${i}-canary`, port: 8080, weight: 10 },
        ],
      })),
    },
  });
}

/** The objects of the status benchmark, and the Secrets that exist (every tenth Gateway's is missing). */
function statusObjects(): { objects: KubeObject[]; secrets: string[] } {
  const objects: KubeObject[] = [gatewayClass(), namespace("shared"), service("shared", "shared")];
  for (let t = 0; t < TEAMS; t++) objects.push(namespace(`team-${t}`));
  for (let n = 0; n < 10; n++) objects.push(namespace(`infra-${n}`));
  for (let g = 0; g < GATEWAYS; g++) objects.push(gateway(g));
  objects.push(
    kube({
      apiVersion: `${GROUP}/v1beta1`,
      kind: "ReferenceGrant",
      metadata: { namespace: "shared", name: "teams" },
      spec: { from: Array.from({ length: 25 }, (_, t) => ({ group: GROUP, kind: "HTTPRoute", namespace: `team-${t}` })), to: [{ group: "", kind: "Service" }] },
    }),
  );
  for (let i = 0; i < ROUTES; i++) {
    objects.push(statusRoute(i));
    if (brokenWay(i) !== "missing Service") objects.push(service(`team-${i % TEAMS}`, `svc-${i}`));
    objects.push(service(`team-${i % TEAMS}`, `svc-${i}-canary`));
  }
  const secrets = Array.from({ length: GATEWAYS }, (_, g) => g)
    .filter((g) => g % 10 !== 0)
    .map((g) => `infra-${g % 10}/cert-${g}`);
  return { objects, secrets };
}

/** Counts what the prediction says, so the benchmark fails if it stops measuring what it claims. */
function checkPrediction(p: StatusPrediction): string {
  const not = (type: string) => p.routes.filter((r) => r.parents.some((x) => x.conditions.some((c) => c.type === type && c.status === "False"))).length;
  const badListeners = p.gateways.flatMap((g) => g.listeners).filter((l) => l.conditions.some((c) => c.type === "ResolvedRefs" && c.status === "False")).length;
  const portWarnings = p.routes.filter((r) => r.warnings.length > 0 || r.backends.some((b) => b.warnings.length > 0)).length;
  const perWay = ROUTES / 25;
  const crossDenied = Array.from({ length: ROUTES }, (_, i) => i).filter((i) => brokenWay(i) === "cross-namespace without grant" && !granted(i)).length;
  const expect = { notAccepted: 2 * perWay, unresolved: perWay + crossDenied, badListeners: GATEWAYS / 10 };
  const got = { notAccepted: not("Accepted"), unresolved: not("ResolvedRefs"), badListeners };
  if (JSON.stringify(got) !== JSON.stringify(expect)) throw new Error(`bench gateway: predicted ${JSON.stringify(got)}, expected ${JSON.stringify(expect)}`);
  return `${got.notAccepted} routes not Accepted, ${got.unresolved} with ResolvedRefs False, ${badListeners} HTTPS listeners with InvalidCertificateRef, ${portWarnings} routes with implementation-specific warnings (the backend port the Service lacks)`;
}

/** Each function `rounds` times, interleaved so a busy neighbour hits all alike; the samples of each. */
function interleaved(rounds: number, fns: readonly (() => unknown)[]): number[][] {
  const out = fns.map(() => [] as number[]);
  for (let k = 0; k < rounds; k++) {
    fns.forEach((fn, j) => {
      const t = performance.now();
      fn();
      out[j]?.push(performance.now() - t);
    });
  }
  return out;
}

// One listener, 2,500 routes × 4 rules: 2,450 routes with a hostname each, 50 with none (their
// rules apply to every host, as the spec says, so every request weighs them too).
const TABLE_ROUTES = 2500;
const HOSTLESS = 50;

function tableRoute(i: number): KubeObject {
  const hostless = i >= TABLE_ROUTES - HOSTLESS;
  const to = [{ name: `svc-${i}`, port: 8080 }];
  return kube({
    apiVersion: `${GROUP}/v1`,
    kind: "HTTPRoute",
    metadata: {
      namespace: `team-${i % 10}`,
      name: `t-${i}`,
      creationTimestamp: `2026-01-01T00:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}Z`,
    },
    spec: {
      parentRefs: [{ name: "edge", namespace: "infra" }],
      ...(!hostless && { hostnames: [`app-${i}.example.com`] }),
      rules: hostless
        ? Array.from({ length: 4 }, (_, j) => ({ matches: [{ path: { type: "PathPrefix", value: `/shared-${i}/p${j}` } }], backendRefs: to }))
        : [
            { matches: [{ path: { type: "Exact", value: "/healthz" } }], backendRefs: to },
            {
              matches: [{ path: { type: "PathPrefix", value: "/api" }, headers: [{ name: "x-canary", value: "yes" }] }],
              backendRefs: [{ name: `svc-${i}-canary`, port: 8080 }],
            },
            { matches: [{ path: { type: "PathPrefix", value: "/api" }, method: "POST" }], backendRefs: to },
            { matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: to },
          ],
    },
  });
}

function tableObjects(): KubeObject[] {
  const objects: KubeObject[] = [gatewayClass(), namespace("infra")];
  for (let t = 0; t < 10; t++) objects.push(namespace(`team-${t}`));
  objects.push(
    kube({
      apiVersion: `${GROUP}/v1`,
      kind: "Gateway",
      metadata: { namespace: "infra", name: "edge" },
      spec: { gatewayClassName: "bench", listeners: [{ name: "http", port: 80, protocol: "HTTP", allowedRoutes: { namespaces: { from: "All" } } }] },
    }),
  );
  for (let i = 0; i < TABLE_ROUTES; i++) objects.push(tableRoute(i), service(`team-${i % 10}`, `svc-${i}`), service(`team-${i % 10}`, `svc-${i}-canary`));
  return objects;
}

interface Probe {
  readonly req: { host: string; path: string; method?: string; headers?: Record<string, string> };
  /** The route and rule a conformant implementation picks, or 404. */
  readonly want: string;
}

/** Deterministic requests: hits on each kind of rule, hostless rules, and misses. */
function probes(n: number): Probe[] {
  let seed = 42;
  const rnd = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % m);
  return Array.from({ length: n }, () => {
    const i = rnd(TABLE_ROUTES - HOSTLESS);
    const host = `app-${i}.example.com`;
    const ns = `team-${i % 10}`;
    switch (rnd(6)) {
      case 0:
        return { req: { host, path: "/healthz" }, want: `${ns}/t-${i}#0` };
      case 1:
        return { req: { host, path: "/api/orders", headers: { "x-canary": "yes" } }, want: `${ns}/t-${i}#1` };
      case 2:
        return { req: { host, path: "/api/orders", method: "POST" }, want: `${ns}/t-${i}#2` };
      case 3:
        return { req: { host, path: "/static/app.js" }, want: `${ns}/t-${i}#3` };
      case 4: {
        const h = TABLE_ROUTES - HOSTLESS + rnd(HOSTLESS);
        return { req: { host: `nowhere-${i}.example.org`, path: `/shared-${h}/p2/x` }, want: `team-${h % 10}/t-${h}#2` };
      }
      default:
        return { req: { host: `nowhere-${i}.example.org`, path: "/healthz" }, want: "404" };
    }
  });
}

/** The reference: the same rule table as a flat array, scanned in order for host and path prefix only. */
function linearTable(objects: readonly KubeObject[]): (req: Probe["req"]) => string {
  const rows: { hosts: readonly string[] | undefined; prefix: string; id: string }[] = [];
  for (const o of objects) {
    if (o.kind !== "HTTPRoute") continue;
    const spec = (o as unknown as { spec: { hostnames?: string[]; rules: { matches: { path: { value: string } }[] }[] } }).spec;
    spec.rules.forEach((r, j) =>
      rows.push({ hosts: spec.hostnames, prefix: r.matches[0]?.path.value ?? "/", id: `${o.metadata.namespace}/${o.metadata.name}#${j}` }),
    );
  }
  return (req) => rows.find((r) => (!r.hosts || r.hosts.includes(req.host)) && req.path.startsWith(r.prefix))?.id ?? "404";
}

export async function benchGateway(): Promise<void> {
  const { objects, secrets } = statusObjects();
  const opts = { secrets };
  const summary = checkPrediction(predictStatus(objects, opts));
  const text = printManifests(objects);
  const edited = objects.find((o) => o.kind === "HTTPRoute" && o.metadata.name === "route-2600");
  if (!edited) throw new Error("bench gateway: no route-2600");
  const changed = JSON.parse(JSON.stringify(edited).replace('"/api/v1"', '"/api/v1/orders"')) as KubeObject;
  const after = withRoutes(objects, (o) => o === edited, [changed]);
  const impact = impactOf(objects, after, [{ namespace: "team-0", name: "route-2600" }], opts);
  if (impact.routesCompared === 0) throw new Error("bench gateway: the impact compared no routes");
  const [parse, predict, impactMs] = interleaved(9, [
    () => parseManifests(text),
    () => predictStatus(objects, opts),
    () => impactOf(objects, after, [{ namespace: "team-0", name: "route-2600" }], opts),
  ]);
  const parseMed = percentile(parse ?? [], 50);
  const predictMed = percentile(predict ?? [], 50);
  const impactMed = percentile(impactMs ?? [], 50);

  const table = tableObjects();
  const reqs = probes(10_000);
  let t = performance.now();
  const match = matcher(table);
  const first = match(reqs[0]?.req ?? { host: "x", path: "/" }); // builds the listener's router
  const buildMs = performance.now() - t;
  void first;
  t = performance.now();
  const scan = linearTable(table);
  const scanBuildMs = performance.now() - t;
  const ours: number[] = [];
  const base: number[] = [];
  let wrong = 0;
  for (const p of reqs) {
    let s = performance.now();
    const r = match(p.req);
    ours.push(performance.now() - s);
    s = performance.now();
    scan(p.req);
    base.push(performance.now() - s);
    const got = r.route ? `${r.route.namespace}/${r.route.name}#${r.rule}` : String(r.status);
    if (got !== p.want) wrong++;
  }
  if (wrong > 0) throw new Error(`bench gateway: matchRequest answered ${wrong} of ${reqs.length} requests otherwise than expected`);
  const us = (x: number) => `${(x * 1000).toFixed(1)} µs`;
  const row = (label: string, p: number) =>
    `| ${label} | ${us(percentile(ours, p))} | ${us(percentile(base, p))} | ${(percentile(ours, p) / percentile(base, p)).toFixed(2)} |`;

  writeSection(
    "gateway",
    "Predicted status and request matching (lib/gateway)",
    `**Status.** ${ROUTES.toLocaleString("en")} HTTPRoutes of 4 rules (two weighted backends each) in ${TEAMS} namespaces, on ${GATEWAYS} Gateways of an HTTP and an HTTPS listener, with their ${(objects.length - ROUTES - GATEWAYS).toLocaleString("en")} Services, Namespaces, GatewayClass and ReferenceGrant: ${objects.length.toLocaleString("en")} objects, ${(text.length / 2 ** 20).toFixed(1)} MiB of YAML. One route in five is broken (${BROKEN.join(", ")}) and every tenth Gateway's certificate Secret is missing; the prediction is checked before it is timed: ${summary}. Median of 9 interleaved rounds.

| task | median | ÷ parsing the YAML |
|---|---|---|
| reference: \`parseManifests\` of the objects' YAML (as printed by \`printManifests\`) | ${ms(parseMed)} | 1.00 |
| \`predictStatus\`: every Gateway, listener and route parent, with reasons and rules | ${ms(predictMed)} | ${(predictMed / parseMed).toFixed(2)} |
| \`impactOf\`: one path edited in one route (the canvas's impact panel, per edit): two predictions over the routes that share a Gateway with it (\`impactScope\`) | ${ms(impactMed)} | ${(impactMed / parseMed).toFixed(2)} |

**Matching.** One HTTP listener with ${TABLE_ROUTES.toLocaleString("en")} routes × 4 rules = ${(TABLE_ROUTES * 4).toLocaleString("en")} rules: ${(TABLE_ROUTES - HOSTLESS).toLocaleString("en")} routes with a hostname of their own (an Exact path, a PathPrefix with a header, a PathPrefix with a method, and \`/\`), ${HOSTLESS} with no hostname (their rules take every host). ${reqs.length.toLocaleString("en")} deterministic requests, a sixth of them answered 404; every answer is checked against the route and rule expected. \`matcher(objects)\` builds the model once (${ms(buildMs)} with the listener's router, built on the first request); the linear scan's table takes ${ms(scanBuildMs)}. The reference is the cheapest possible router: the rules as one array, the first whose hostname and path prefix fit (no precedence, headers or methods, so it is not correct; it shows what the precedence index costs or saves).

| per request | \`matchRequest\` (via \`matcher\`) | linear scan of the table | ratio |
|---|---|---|---|
${row("median", 50)}
${row("p95", 95)}
${row("p99", 99)}

Command: \`BENCH_ONLY=gateway npm run bench\` (source scripts/bench/gateway.ts).`,
  );
}
