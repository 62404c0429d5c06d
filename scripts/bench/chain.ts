// The troubleshooting chain at scale: 500 Knative Services with complete chains (KSvc,
// Configuration, Revision, Route, KIngress, two HTTPRoutes, the Revision's Service, shared
// Gateways and class) in a real API server. Times the chain of one and the overview of all,
// computed from Routeboard's watch-fed cache, side by side with `kubectl get` of the same kinds.
import { chainOverview, indexObjects, resolveChain } from "../../lib/chain";
import { knativeChain } from "../../lib/chain/testing/knative-chain";
import type { KubeObject } from "../../lib/k8s/meta";
import { ClusterStore } from "../../lib/store/cluster/cluster-store";
import { forContext, loadKubeConfig } from "../../lib/store/cluster/kubeconfig";
import type { KindKey } from "../../lib/store";
import { startCluster, stopCluster, type ClusterState } from "../../e2e/cluster/cluster";
import { parseJsonStream } from "../../e2e/chain-fixtures";
import { kubectlIn } from "./kubectl";
import { ms, percentile, writeSection } from "./report";

const N = Number(process.env.BENCH_CHAINS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CHUNK = 300;
const KINDS: KindKey[] = [
  "KnativeService",
  "Configuration",
  "Revision",
  "Route",
  "KIngress",
  "HTTPRoute",
  "Gateway",
  "GatewayClass",
  "ReferenceGrant",
  "Service",
  "Namespace",
];
const KUBECTL_KINDS =
  "services.serving.knative.dev,configurations,revisions,routes.serving.knative.dev,ingresses.networking.internal.knative.dev,httproutes,gateways,gatewayclasses,referencegrants,services,namespaces";

const kubectlAt = (cluster: ClusterState, args: string[], input?: string) => kubectlIn(cluster.kubeconfig, args, input);

const FAKE = /uid:[A-Za-z]+\/[a-z0-9.-]+/g;

/** Creates the objects parents first, many per kubectl call, then writes their statuses the same way. */
async function createAll(cluster: ClusterState, objects: KubeObject[]): Promise<void> {
  const real = new Map<string, string>();
  let pending = objects;
  while (pending.length > 0) {
    const ready = pending.filter((o) => (o.metadata.ownerReferences ?? []).every((r) => real.has(r.uid)));
    if (ready.length === 0) throw new Error("bench chain: owner cycle");
    pending = pending.filter((o) => !ready.includes(o));
    for (let i = 0; i < ready.length; i += CHUNK) {
      const batch = ready.slice(i, i + CHUNK);
      const items = batch.map(
        (o) =>
          JSON.parse(
            JSON.stringify({ ...o, status: undefined, metadata: { ...o.metadata, uid: undefined, generation: undefined } }).replace(
              FAKE,
              (m) => real.get(m) ?? m,
            ),
          ) as KubeObject,
      );
      const created = {
        items: parseJsonStream(await kubectlAt(cluster, ["create", "-f", "-", "-o", "json"], JSON.stringify({ apiVersion: "v1", kind: "List", items }))),
      };
      const withStatus: KubeObject[] = [];
      batch.forEach((o, j) => {
        const c = created.items[j];
        if (!c) return;
        if (o.metadata.uid && c.metadata.uid) real.set(o.metadata.uid, c.metadata.uid);
        // The status subresource is written with the resourceVersion just returned, as a controller does.
        if (o.status !== undefined) withStatus.push({ ...c, status: JSON.parse(JSON.stringify(o.status).replace(FAKE, (m) => real.get(m) ?? m)) });
      });
      if (withStatus.length > 0)
        await kubectlAt(cluster, ["replace", "--subresource=status", "-f", "-"], JSON.stringify({ apiVersion: "v1", kind: "List", items: withStatus }));
    }
  }
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function series(fn: () => unknown | Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) xs.push(await time(fn));
  return xs;
}

export async function benchChain(): Promise<void> {
  const cluster = await startCluster();
  const kc = loadKubeConfig({ KUBECONFIG: cluster.kubeconfig });
  if (!kc) throw new Error("no kubeconfig");
  const store = new ClusterStore(forContext(kc, "admin"));
  try {
    const ctx = { ns: "bench", gwNs: "bench-gw", cls: "bench-class" };
    await kubectlAt(cluster, ["create", "namespace", ctx.ns]);
    await kubectlAt(cluster, ["create", "namespace", ctx.gwNs]);
    const seen = new Set<string>();
    const objects: KubeObject[] = [];
    for (let i = 0; i < N; i++) {
      for (const o of knativeChain({ ...ctx, name: `svc-${i}` })) {
        const k = `${o.apiVersion}/${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
        if (seen.has(k)) continue;
        seen.add(k);
        // The test API server's service range has ~250 addresses: headless Services need none.
        if (o.apiVersion === "v1" && o.kind === "Service") o.spec = { ...(o.spec as object), clusterIP: "None" };
        objects.push(o);
      }
    }
    const createMs = await time(() => createAll(cluster, objects));
    console.log(`bench chain: ${objects.length} objects created in ${ms(createMs)}`);

    for (const k of KINDS) await store.load(k);
    // Wait until the watch-fed cache holds every object just made.
    const count = () => KINDS.reduce((n, k) => n + store.snapshot(k).items.length, 0);
    while (count() < objects.length) await new Promise((r) => setTimeout(r, 50));
    const all = () => KINDS.flatMap((k) => store.snapshot(k).items);

    const target = `svc-${Math.floor(N / 2)}`;
    const root = { kind: "KnativeService" as const, namespace: ctx.ns, name: target };
    const check = resolveChain(all(), root);
    if (check.health !== "ok" || check.nodes.length < 10)
      throw new Error(`bench chain: ${target} resolved to ${check.health} with ${check.nodes.length} nodes`);
    const rows = chainOverview(all());
    if (rows.length !== N * 3) throw new Error(`bench chain: overview has ${rows.length} rows, expected ${N * 3}`);

    const index = indexObjects(all());
    const oneCache = await series(() => resolveChain(all(), root));
    const oneIndexed = await series(() => resolveChain(index, root));
    const names = check.nodes
      .filter((n) => !n.missing)
      .map((n) => {
        const r: Record<string, string> = {
          KnativeService: "services.serving.knative.dev",
          Configuration: "configurations",
          Revision: "revisions",
          Route: "routes.serving.knative.dev",
          KIngress: "ingresses.networking.internal.knative.dev",
          HTTPRoute: "httproutes",
          Gateway: "gateways",
          GatewayClass: "gatewayclasses",
          Service: "services",
        };
        return { ns: n.namespace, ref: `${r[n.kind]}/${n.name}` };
      });
    // kubectl get by name can only take one namespace per call: one call per namespace, in parallel.
    const byNs = new Map<string | undefined, string[]>();
    for (const n of names) byNs.set(n.ns, [...(byNs.get(n.ns) ?? []), n.ref]);
    const oneKubectl = await series(() =>
      Promise.all([...byNs].map(([ns, refs]) => kubectlAt(cluster, ["get", ...refs, ...(ns ? ["-n", ns] : []), "-o", "json"]))),
    );
    const overview = await series(() => chainOverview(all()));
    const overviewKubectl = await series(() => kubectlAt(cluster, ["get", KUBECTL_KINDS, "-A", "-o", "json"]));

    const ref1 = percentile(oneKubectl, 50);
    const refAll = percentile(overviewKubectl, 50);
    const row = (label: string, xs: number[], ref: number) =>
      `| ${label} | ${ms(percentile(xs, 50))} | ${ms(percentile(xs, 95))} | ${(percentile(xs, 50) / ref).toFixed(3)} |`;
    writeSection(
      "chain",
      "Troubleshooting chains: one, and the overview of all",
      `${N} Knative Services with complete chains (${objects.length} objects: KSvc, Configuration, Revision, Route, KIngress, 2 HTTPRoutes and the Revision's Service each, plus 2 Gateways in another namespace and their GatewayClass), created in ${ms(createMs)} with \`kubectl create\` and \`kubectl replace --subresource=status\` of Lists of ${CHUNK}. Routeboard's figures are lib/chain computed over the ClusterStore's watch-fed cache (what the server holds; the browser runs the same code over its SSE copy). ${RUNS} runs after a warm-up.

| what | median | p95 | median ÷ kubectl reference |
|---|---|---|---|
| reference: \`kubectl get\` of the ${names.length} objects of one chain, by name | ${ms(ref1)} | ${ms(percentile(oneKubectl, 95))} | 1.000 |
${row("chain of one KSvc: index the cache + resolve + diagnose", oneCache, ref1)}
${row("chain of one KSvc: resolve + diagnose over a kept index", oneIndexed, ref1)}
| reference: \`kubectl get ${KUBECTL_KINDS} -A -o json\` | ${ms(refAll)} | ${ms(percentile(overviewKubectl, 95))} | 1.000 |
${row(`overview: all ${N * 3} chains (${N} KSvc + ${N * 2} HTTPRoutes) resolved and diagnosed`, overview, refAll)}

The kubectl figures include starting kubectl and the API server's answer; Routeboard's include neither, because the cache is already there: that is the point of the cache. Command: \`BENCH_ONLY=chain npm run bench\` (source scripts/bench/chain.ts).`,
    );
  } finally {
    store.close();
    await stopCluster(cluster.dir);
  }
}
