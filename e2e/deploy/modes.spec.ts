// Issue #15: read-only mode has no write path; listening off loopback needs a login; and the
// server runs as it runs in a pod (the image's layout, in-cluster service account, token login).
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { readState } from "../cluster/cluster.ts";
import { freePort } from "../cluster/ports.ts";
import { waitFor } from "../cluster/steps.ts";
import { expect, httpRoute, kubectl, test } from "../fixtures";
import { startApp } from "../server.ts";
import { actionIds, callAction, raw } from "../security/attack.ts";

const clusterDir = () => process.env.ROUTEBOARD_CLUSTER_DIR ?? "";

test("read-only mode: every action answers 403, even called directly, and the pages offer no editing", async ({ page, ns }) => {
  await kubectl(["create", "-f", "-"], httpRoute(ns, "site", { hostnames: ["ro.example.com"], rules: [{ backendRefs: [{ name: "web", port: 80 }] }] }));
  const app = await startApp({ kubeconfig: process.env.ROUTEBOARD_KUBECONFIG ?? "", env: { ROUTEBOARD_READ_ONLY: "1" } });
  try {
    for (const [name, id] of Object.entries(actionIds())) {
      const r = await callAction(app.url, id, [{ namespace: ns, name: "planted", resourceVersion: "", spec: {} }, { dryRun: false }]);
      expect(r.status, name).toBe(403);
      expect(r.body).toContain("read-only");
    }
    expect(await kubectl(["get", "httproutes", "-n", ns, "-o", "name"])).not.toContain("planted");
    await page.goto(`${app.url}/routes/${ns}/site`);
    await expect(page.locator("[data-editor]")).toHaveAttribute("data-editor", "read-only");
    await expect(page.getByRole("button", { name: "Apply", exact: true })).toHaveCount(0);
    await expect(page.getByText("Routeboard runs read-only here")).toBeVisible();
    expect(app.logs()).toContain("read-only");
  } finally {
    await app.stop();
  }
});

/** Runs scripts/serve.mjs as `npm start` does, from `cwd`, until it answers or exits. */
async function serve(cwd: string, env: Record<string, string>): Promise<{ port: number; exit: Promise<{ code: number | null; output: string }>; stop: () => void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["scripts/serve.mjs"], { cwd, env: { ...process.env, ROUTEBOARD_SKIP_BUILD: "1", PORT: String(port), ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exit = new Promise<{ code: number | null; output: string }>((r) => child.once("exit", (code) => r({ code, output })));
  return { port, exit, stop: () => child.kill("SIGTERM") };
}

test("off loopback: refused at start without a login, served with one", async () => {
  const refused = await serve(resolve("."), { ROUTEBOARD_HOST: "0.0.0.0", KUBECONFIG: process.env.ROUTEBOARD_KUBECONFIG ?? "" });
  const r = await refused.exit;
  expect(r.code).toBe(1);
  expect(r.output).toContain("refusing to listen on 0.0.0.0");
  expect(r.output).toContain("ROUTEBOARD_AUTH=token or ROUTEBOARD_AUTH=oidc");

  const served = await serve(resolve("."), { ROUTEBOARD_HOST: "0.0.0.0", ROUTEBOARD_AUTH: "token", ROUTEBOARD_SESSION_SECRET: "h".repeat(40), KUBECONFIG: process.env.ROUTEBOARD_KUBECONFIG ?? "" });
  try {
    expect(await waitFor(() => fetch(`http://127.0.0.1:${served.port}/api/health`).then((x) => x.ok), 60_000, 250)).toBe(true);
    const page = await fetch(`http://127.0.0.1:${served.port}/routes`, { redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/login?next=%2Froutes");
  } finally {
    served.stop();
    await served.exit;
  }
});

/** The final stage of the Dockerfile, laid out in a folder: what its COPY lines copy, nothing more. */
function imageLayout(): string {
  const root = mkdtempSync(join(tmpdir(), "routeboard-image-"));
  const lines = readFileSync("Dockerfile", "utf8").split("\n");
  const last = lines.findLastIndex((l) => /^FROM /.test(l));
  let deps: string | undefined;
  for (const line of lines.slice(last)) {
    const m = /^COPY --from=(\S+) (.+)$/.exec(line.trim());
    if (!m) continue;
    const parts = m[2]!.split(/\s+/);
    const dest = join(root, parts.pop()!.replace(/^\.\//, ""));
    for (const src of parts) {
      if (m[1] === "runtime-deps") {
        // That stage's `npm ci --omit=dev --ignore-scripts`, made the same way.
        deps ??= mkdtempSync(join(tmpdir(), "routeboard-deps-"));
        cpSync("package.json", join(deps, "package.json"));
        cpSync("package-lock.json", join(deps, "package-lock.json"));
        if (!existsSync(join(deps, "node_modules"))) execFileSync("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: deps, stdio: "ignore" });
        cpSync(join(deps, "node_modules"), dest, { recursive: true });
        continue;
      }
      const from = src.replace(/^\/app\//, "");
      const target = parts.length > 1 || dest.endsWith("/") ? join(dest, from.split("/").at(-1)!) : dest;
      mkdirSync(dirname(target), { recursive: true });
      cpSync(from, target, { recursive: true });
    }
  }
  if (deps) rmSync(deps, { recursive: true, force: true });
  return root;
}

test("as in a pod: the image's files only, the in-cluster service account for health, users log in with their own token", async () => {
  test.setTimeout(180_000);
  const state = readState(clusterDir());
  const ns = `pod-${Date.now().toString(36)}`;
  await kubectl(["create", "namespace", ns]);
  await kubectl(["create", "serviceaccount", "routeboard", "-n", ns]);
  const saToken = (await kubectl(["create", "token", "routeboard", "-n", ns])).trim();
  const sa = mkdtempSync(join(tmpdir(), "routeboard-sa-"));
  const saDir = join(sa, "var/run/secrets/kubernetes.io/serviceaccount");
  mkdirSync(saDir, { recursive: true });
  writeFileSync(join(saDir, "token"), saToken);
  writeFileSync(join(saDir, "namespace"), ns);
  cpSync(join(clusterDir(), "pki", "apiserver.crt"), join(saDir, "ca.crt"));
  const image = imageLayout();
  const api = new URL(state.server);
  const pod = await serve(image, {
    NODE_ENV: "production",
    ROUTEBOARD_HOST: "0.0.0.0",
    ROUTEBOARD_AUTH: "token",
    ROUTEBOARD_SESSION_SECRET: "p".repeat(40),
    KUBERNETES_SERVICE_HOST: api.hostname,
    KUBERNETES_SERVICE_PORT: api.port,
    ROUTEBOARD_SERVICEACCOUNT_PREFIX: sa,
    KUBECONFIG: join(sa, "no-kubeconfig"),
    HOME: sa,
  });
  try {
    const url = `http://127.0.0.1:${pod.port}`;
    expect(await waitFor(() => fetch(`${url}/api/health`).then((x) => x.ok), 60_000, 250)).toBe(true);
    // The pod's own account reaches the API server; it reads nothing else.
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: "ok", cluster: "reachable" });
    const login = await raw(url, "/api/auth/token", { method: "POST", headers: { "Content-Type": "application/json", Origin: url }, body: JSON.stringify({ token: state.tokens.viewer }) });
    expect(login.status).toBe(200);
    const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
    const list = await raw(url, "/api/resources?kind=Namespace", { headers: { Cookie: cookie } });
    expect(list.body).toContain(`"name":"${ns}"`);
  } finally {
    pod.stop();
    await pod.exit;
    rmSync(image, { recursive: true, force: true });
    rmSync(sa, { recursive: true, force: true });
  }
});
