// How long a change made with kubectl takes to reach Routeboard's cache and an open /routes
// page, side by side with `kubectl get --watch` seeing the same change (the reference).
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { ClusterStore } from "../../lib/store/cluster/cluster-store";
import { forContext, loadKubeConfig } from "../../lib/store/cluster/kubeconfig";
import { startCluster, stopCluster, kubectl } from "../../e2e/cluster/cluster";
import { buildApp, CHROMIUM_ARGS, startApp } from "../../e2e/server";
import { ms, percentile, writeSection } from "./report";

const N = Number(process.env.BENCH_N ?? 30);

export async function benchWatchLatency(): Promise<void> {
  const cluster = await startCluster();
  const kc = loadKubeConfig({ KUBECONFIG: cluster.kubeconfig });
  if (!kc) throw new Error("no kubeconfig");
  const store = new ClusterStore(forContext(kc, "admin"));
  const cleanup: (() => unknown)[] = [() => stopCluster(cluster.dir), () => store.close()];
  try {
    buildApp();
    const app = await startApp(cluster.kubeconfig);
    cleanup.unshift(() => app.stop());
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
    cleanup.unshift(() => browser.close());
    await kubectl(cluster, ["create", "namespace", "bench"]);
    const watcher = spawn("kubectl", ["--kubeconfig", cluster.kubeconfig, "get", "httproutes", "-n", "bench", "--watch", "-o", "name"]);
    cleanup.unshift(() => watcher.kill());
    await store.load("HTTPRoute");
    const page = await browser.newPage();
    await page.goto(`${app.url}/routes?q=ns:bench`);
    await page.getByText("live", { exact: true }).waitFor();
    const seenByKubectl = new Map<string, number>();
    watcher.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        const m = /^httproute\.gateway\.networking\.k8s\.io\/(\S+)/.exec(line.trim());
        if (m?.[1] && !seenByKubectl.has(m[1])) seenByKubectl.set(m[1], Date.now());
      }
    });
    const seenByCache = new Map<string, number>();
    store.subscribe(["HTTPRoute"], (e) => {
      if (e.type === "change" && e.change === "ADDED" && e.object.metadata.name) seenByCache.set(e.object.metadata.name, Date.now());
    });
    const created: number[] = [];
    const cache: number[] = [];
    const ref: number[] = [];
    const pageLat: number[] = [];
    for (let i = 0; i < N + 3; i++) {
      const name = `r${i}`;
      // Timestamp the row's arrival inside the page, on the same clock as ours.
      // A string, not a function: tsx's name helpers do not exist inside the page.
      const inPage = page.evaluate<number>(`new Promise((resolve) => {
        const sel = 'tr[data-route="bench/${name}"]';
        const obs = new MutationObserver(() => done());
        const done = () => document.querySelector(sel) && (obs.disconnect(), resolve(performance.timeOrigin + performance.now()));
        obs.observe(document.body, { childList: true, subtree: true });
        done();
      })`);
      const body = JSON.stringify({ apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name, namespace: "bench" }, spec: {} });
      const start = Date.now();
      await new Promise<void>((resolve, reject) => {
        const p = spawn("kubectl", ["--kubeconfig", cluster.kubeconfig, "create", "-f", "-"]);
        p.on("exit", (c) => (c === 0 ? resolve() : reject(new Error(`kubectl create exited ${c}`))));
        p.stdin.end(body);
      });
      const createdAt = Date.now();
      const shown = await inPage;
      while (!seenByCache.has(name) || !seenByKubectl.has(name)) await new Promise((r) => setTimeout(r, 5));
      if (i < 3) continue; // warm-up
      created.push(createdAt - start);
      cache.push((seenByCache.get(name) ?? NaN) - start);
      ref.push((seenByKubectl.get(name) ?? NaN) - start);
      pageLat.push(shown - start);
    }
    const row = (label: string, xs: number[]) =>
      `| ${label} | ${ms(percentile(xs, 50))} | ${ms(percentile(xs, 95))} | ${(percentile(xs, 50) / percentile(ref, 50)).toFixed(2)} |`;
    writeSection(
      "watch-latency",
      "A kubectl change reaching Routeboard",
      `${N} HTTPRoutes created one at a time with \`kubectl create\`; times from the start of each kubectl command. The reference is \`kubectl get --watch\` seeing the same creation, measured in the same run.

| seen by | median | p95 | median ÷ kubectl watch |
|---|---|---|---|
${row("`kubectl create` returns", created)}
${row("`kubectl get --watch` (reference)", ref)}
${row("Routeboard's cache (ClusterStore watch)", cache)}
${row("an open /routes page in Chromium (SSE → TanStack Query → DOM)", pageLat)}

Command: \`npm run bench\` (section \`watch-latency\`, source scripts/bench/watch-latency.ts).`,
    );
  } finally {
    for (const c of cleanup) await c();
  }
}
