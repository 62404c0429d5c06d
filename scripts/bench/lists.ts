// /routes and /troubleshoot at 10,000 HTTPRoutes and 5,000 Knative Services: the time to the
// first row in Chromium, the rows in the DOM, and the server's memory. BENCH_BASELINE=<git rev>
// also builds that revision in a worktree and measures it against the same cluster, loads
// interleaved, so the two columns are side by side in one run.
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS, startApp, type App } from "../../e2e/server";
import { treeRss, withBuilds } from "./baseline";
import { kubectlIn } from "./kubectl";
import { ms, percentile, writeSection } from "./report";

const ROUTES = 10_000;
const KSVCS = 5_000;
const NAMESPACES = 20;
const ROUNDS = 5;

const nsName = (i: number) => `bench-${String(i % NAMESPACES).padStart(2, "0")}`;

function objects(): object[] {
  const routes = Array.from({ length: ROUTES }, (_, i) => ({
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { namespace: nsName(i), name: `route-${String(i).padStart(5, "0")}` },
    spec: {
      parentRefs: [{ name: "public", namespace: "infra" }],
      hostnames: [`r${i}.example.com`],
      rules: [{ matches: [{ path: { type: "PathPrefix", value: `/r${i}` } }], backendRefs: [{ name: `svc-${i}`, port: 80 }] }],
    },
  }));
  const ksvcs = Array.from({ length: KSVCS }, (_, i) => ({
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: { namespace: nsName(i), name: `ksvc-${String(i).padStart(5, "0")}` },
    spec: { template: { spec: { containers: [{ image: "ghcr.io/knative/helloworld-go:latest" }] } } },
  }));
  return [...routes, ...ksvcs];
}

interface Load {
  firstRow: number;
  /** The whole list in the browser, live. */
  complete: number;
  rows: number;
}

/**
 * One load of a list page in a fresh context: the first row's time from navigation start (it
 * entering the DOM, then a frame), the time the page says it has every item, and the rows drawn.
 */
async function load(browser: Browser, url: string, row: string, done: RegExp): Promise<Load> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.addInitScript(`(() => {
    const seen = () => { if (window.__firstRow === undefined && document.querySelector(${JSON.stringify(row)})) { window.__firstRow = -1; requestAnimationFrame(() => { window.__firstRow = performance.now(); }); } };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  })()`);
  await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
  // A function, not a string: the page's CSP forbids eval, and this one has no tsx helpers in it.
  await page.waitForFunction(() => ((window as unknown as { __firstRow?: number }).__firstRow ?? 0) > 0, undefined, { timeout: 120_000, polling: 20 });
  await page.getByText(done).first().waitFor({ timeout: 120_000 });
  const complete = await page.evaluate<number>("performance.now()");
  const firstRow = await page.evaluate<number>("window.__firstRow");
  const rows = await page.locator(row).count();
  await ctx.close();
  return { firstRow, complete, rows };
}

export async function benchLists(): Promise<void> {
  await withBuilds(async ({ cluster, baseline, cleanup }) => {
    for (let i = 0; i < NAMESPACES; i++) await kubectlIn(cluster.kubeconfig, ["create", "namespace", nsName(i)]);
    const all = objects();
    const started = performance.now();
    // Four kubectl at a time, Lists of 500.
    const chunks: object[][] = [];
    for (let i = 0; i < all.length; i += 500) chunks.push(all.slice(i, i + 500));
    for (let i = 0; i < chunks.length; i += 4)
      await Promise.all(
        chunks.slice(i, i + 4).map((items) => kubectlIn(cluster.kubeconfig, ["create", "-f", "-"], JSON.stringify({ apiVersion: "v1", kind: "List", items }))),
      );
    const created = performance.now() - started;

    const apps: { name: string; app: App }[] = [{ name: "this build", app: await startApp(cluster.kubeconfig) }];
    if (baseline) apps.push({ name: `baseline ${baseline.rev}`, app: await startApp({ kubeconfig: cluster.kubeconfig, cwd: baseline.dir }) });
    for (const a of apps) cleanup.push(() => a.app.stop());
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
    cleanup.push(() => browser.close());

    const pages = [
      { path: "/routes", row: "tr[data-route]", done: new RegExp(`^${ROUTES} of ${ROUTES} routes$`) },
      { path: "/troubleshoot", row: "tr[data-row]", done: new RegExp(`^${ROUTES + KSVCS} chains`) },
    ];
    const results = new Map<string, Load[]>();
    // Round 0 warms the stores (their first list of every kind) and the JIT; it is not counted.
    for (let round = 0; round <= ROUNDS; round++)
      for (const p of pages)
        for (const a of apps) {
          const l = await load(browser, a.app.url + p.path, p.row, p.done);
          if (round === 0) continue;
          const k = `${a.name}|${p.path}`;
          results.set(k, [...(results.get(k) ?? []), l]);
        }
    const memory = apps.map((a) => treeRss(a.app.pid));

    const med = (k: string, f: (l: Load) => number) => percentile((results.get(k) ?? []).map(f), 50);
    const cols = apps.map((a) => a.name);
    const line = (what: string, f: (name: string) => string) => `| ${what} | ${cols.map(f).join(" | ")} |`;
    const table = [
      `| measure (median of ${ROUNDS} loads) | ${cols.join(" | ")} |`,
      `|---|${cols.map(() => "---").join("|")}|`,
      ...pages.flatMap((p) => [
        line(`${p.path}: first row drawn (goal ≤ 1 s)`, (n) => ms(med(`${n}|${p.path}`, (l) => l.firstRow))),
        line(`${p.path}: every item in the browser, live`, (n) => ms(med(`${n}|${p.path}`, (l) => l.complete))),
        line(`${p.path}: rows in the DOM`, (n) => String(med(`${n}|${p.path}`, (l) => l.rows))),
      ]),
      line("server memory (RSS of serve.mjs and Next) after the loads", (n) => `${Math.round((memory[cols.indexOf(n)] ?? 0) / 2 ** 20)} MiB`),
    ];
    const ratio =
      apps.length > 1
        ? `\n\nFirst row, this build ÷ baseline: ${pages.map((p) => `${p.path} ${(med(`${cols[0]}|${p.path}`, (l) => l.firstRow) / med(`${cols[1]}|${p.path}`, (l) => l.firstRow)).toFixed(2)}`).join(", ")}.`
        : "";
    writeSection(
      "lists",
      "Long lists: 10,000 HTTPRoutes and 5,000 Knative Services",
      `${ROUTES} HTTPRoutes and ${KSVCS} Knative Services in ${NAMESPACES} namespaces (created in ${ms(created)} with \`kubectl create\`), so ${ROUTES + KSVCS} chains; 1280×800 headless Chromium, production build, a fresh browser context per load, times from navigation start. "First row drawn" is the first row entering the DOM and the next animation frame; the server's store is warm (round 0 is not counted). Loads of the pages and builds are interleaved.

${table.join("\n")}${ratio}

Command: \`BENCH_ONLY=lists BENCH_BASELINE=<rev> npm run bench\` (source scripts/bench/lists.ts).`,
    );
  });
}
