// The browser's cost of the live path, side by side with a baseline build (BENCH_BASELINE=<rev>):
// the main-thread time one unrelated HTTPRoute change costs an open page (the 2,000-node host
// canvas, the troubleshoot overview of 1,500 chains, the routes list), and keystroke-to-paint
// while typing a path in a route editor. Each build runs in a browser of its own; one kubectl
// change reaches both pages at the same moment, so the machine's noise hits both alike.
import { chromium, type Browser, type CDPSession, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, startApp, type App } from "../../e2e/server";
import { withBuilds } from "./baseline";
import { HOST, ROUTES, routes } from "./canvas";
import { kubectlIn } from "./kubectl";
import { ms, percentile, writeSection } from "./report";

const OTHER_ROUTES = 1_000;
const KSVCS = 1_500 - ROUTES - OTHER_ROUTES;
const EVENTS = 12;
const KEYS = "/a-rather-long-path/of/the/api";

interface Side {
  name: string;
  app: App;
  browser: Browser;
}

function others(): object {
  const items: object[] = Array.from({ length: OTHER_ROUTES }, (_, i) => ({
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { namespace: "other", name: `o${String(i).padStart(4, "0")}` },
    spec: {
      parentRefs: [{ name: "public", namespace: "infra" }],
      hostnames: [`o${i}.example.com`],
      rules: [{ backendRefs: [{ name: `svc-${i}`, port: 80 }] }],
    },
  }));
  for (let i = 0; i < KSVCS; i++)
    items.push({
      apiVersion: "serving.knative.dev/v1",
      kind: "Service",
      metadata: { namespace: "other", name: `k${String(i).padStart(4, "0")}` },
      spec: { template: { spec: { containers: [{ image: "ghcr.io/knative/helloworld-go:latest" }] } } },
    });
  return { apiVersion: "v1", kind: "List", items };
}

/** Main-thread task time of the page's renderer so far (Chromium's own counter), in ms. */
async function taskTime(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === "TaskDuration")?.value ?? NaN) * 1000;
}

async function open(side: Side, path: string, ready: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await side.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(side.app.url + path);
  await page.locator(ready).first().waitFor({ timeout: 120_000 });
  await page.waitForTimeout(3000); // layout, fits and first renders settle
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  return { page, cdp };
}

/**
 * Per event: the task time of a window holding one unrelated kubectl change, minus that of an
 * idle window of the same length just before it; the pages of both builds measured at once.
 */
async function eventCost(kubeconfig: string, pages: { cdp: CDPSession }[], tick: () => number): Promise<number[][]> {
  const costs: number[][] = pages.map(() => []);
  const windowMs = 1500;
  for (let k = 0; k < EVENTS; k++) {
    const idle0 = await Promise.all(pages.map((p) => taskTime(p.cdp)));
    await new Promise((r) => setTimeout(r, windowMs));
    const idle1 = await Promise.all(pages.map((p) => taskTime(p.cdp)));
    const t = performance.now();
    await kubectlIn(kubeconfig, ["label", "httproute", "-n", "other", "o0007", `bench-tick=${tick()}`, "--overwrite"]);
    await new Promise((r) => setTimeout(r, Math.max(0, windowMs - (performance.now() - t))));
    const busy1 = await Promise.all(pages.map((p) => taskTime(p.cdp)));
    pages.forEach((_, i) => costs[i]?.push((busy1[i] ?? 0) - (idle1[i] ?? 0) - ((idle1[i] ?? 0) - (idle0[i] ?? 0))));
  }
  return costs;
}

/** Keystroke-to-paint while typing into the first rule's path (in the side panel): keydown to the frame after it (rAF, then a task). */
async function keystrokes(side: Side, path: string): Promise<number[]> {
  const page = await side.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(`(() => {
    window.__keys = [];
    addEventListener("keydown", () => {
      const t0 = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__keys.push(performance.now() - t0), 0));
    }, true);
  })()`);
  await page.goto(side.app.url + path);
  // At the fitted zoom the rules are compact: select the first and type in the side panel, as a user would.
  const rule = page.locator('[data-rule="/r0/p0"]');
  await rule.waitFor({ timeout: 120_000 });
  await page.waitForTimeout(3000);
  await rule.click();
  await page.getByRole("tab", { name: "Selected" }).click();
  const field = page.getByRole("textbox", { name: "Path", exact: true });
  await field.focus();
  await page.keyboard.press("End");
  await page.evaluate("window.__keys = []");
  await page.keyboard.type(KEYS, { delay: 80 });
  await page.waitForTimeout(300);
  const keys = await page.evaluate<number[]>("window.__keys");
  await page.close();
  return keys;
}

export async function benchLiveEvents(): Promise<void> {
  await withBuilds(async ({ cluster, baseline, cleanup }) => {
    for (const ns of ["bench", "other"]) await kubectlIn(cluster.kubeconfig, ["create", "namespace", ns]);
    await kubectlIn(cluster.kubeconfig, ["create", "-f", "-"], JSON.stringify(routes()));
    await kubectlIn(cluster.kubeconfig, ["create", "-f", "-"], JSON.stringify(others()));

    const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
    const sides: Side[] = [{ name: "this build", app: await startApp(cluster.kubeconfig), browser: await launch() }];
    if (baseline)
      sides.push({ name: `baseline ${baseline.rev}`, app: await startApp({ kubeconfig: cluster.kubeconfig, cwd: baseline.dir }), browser: await launch() });
    for (const s of sides)
      cleanup.push(
        () => s.browser.close(),
        () => s.app.stop(),
      );

    let n = 0;
    const tick = () => ++n;
    const pages = [
      {
        what: `the host canvas (${ROUTES} routes, 2,000 nodes; the change is to a route on another host)`,
        path: `/hosts/${HOST}`,
        ready: ".react-flow__node, [data-overview]",
      },
      { what: "the troubleshoot overview of 1,500 chains", path: "/troubleshoot", ready: "tr[data-row]" },
      { what: `the routes list (${ROUTES + OTHER_ROUTES} routes)`, path: "/routes", ready: "tr[data-route]" },
    ];
    const costs: number[][][] = [];
    for (const p of pages) {
      const opened = await Promise.all(sides.map((s) => open(s, p.path, p.ready)));
      costs.push(await eventCost(cluster.kubeconfig, opened, tick));
      await Promise.all(opened.map((o) => o.page.close()));
    }
    const keys: number[][] = sides.map(() => []);
    for (let round = 0; round < 4; round++)
      for (const [i, s] of sides.entries()) {
        const k = await keystrokes(s, "/routes/bench/r000");
        if (round > 0) keys[i]?.push(...k);
      }

    const cols = sides.map((s) => s.name);
    const ratio = (xs: number[]) => (sides.length > 1 ? ` | ${((xs[0] ?? NaN) / (xs[1] ?? NaN)).toFixed(2)}` : "");
    const rows = pages.map((p, i) => {
      const med = (costs[i] ?? []).map((c) => percentile(c, 50));
      return `| one unrelated HTTPRoute change, median main-thread time: ${p.what} | ${med.map(ms).join(" | ")}${ratio(med)} |`;
    });
    const p95 = keys.map((k) => percentile(k, 95));
    const med = keys.map((k) => percentile(k, 50));
    writeSection(
      "live-events",
      "The live path in the browser: one change, one keystroke",
      `${ROUTES} HTTPRoutes of 8 rules on ${HOST} (its hostname view: the 2,000-node canvas), ${OTHER_ROUTES} HTTPRoutes on other hosts and ${KSVCS} Knative Services: 1,500 chains. 1280×800 headless Chromium, production build, one browser per build. A change is \`kubectl label\` of one HTTPRoute on another host (a MODIFIED event to every page); its cost is Chromium's main-thread task time (CDP \`Performance.getMetrics\` TaskDuration) over a 1.5 s window holding the change, minus an idle window of the same length just before; ${EVENTS} changes, both builds' pages measured during the same changes. Keystroke-to-paint: keydown to a task after the next animation frame, typing "${KEYS}" into the first rule's path (selected, in the side panel: at the fitted zoom rules are compact) in the editor of bench/r000 (8 rules) at 80 ms a key, 3 rounds after a warm-up.

| measure | ${cols.join(" | ")}${sides.length > 1 ? " | ratio" : ""} |
|---|${cols.map(() => "---").join("|")}${sides.length > 1 ? "|---" : ""}|
${rows.join("\n")}
| keystroke-to-paint p95 (goal ≤ 16 ms) | ${p95.map(ms).join(" | ")}${ratio(p95)} |
| keystroke-to-paint median | ${med.map(ms).join(" | ")}${ratio(med)} |

Command: \`BENCH_ONLY=live-events BENCH_BASELINE=<rev> npm run bench\` (source scripts/bench/live-events.ts).`,
    );
  });
}
