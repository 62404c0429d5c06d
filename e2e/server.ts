import { spawn, spawnSync } from "node:child_process";
import { freePort } from "./cluster/ports.ts";
import { waitFor } from "./cluster/steps.ts";

const NEXT = "node_modules/next/dist/bin/next";

/** Debian's Chromium, headless, without the background traffic this closed network refuses. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** One production build for the run (skipped with ROUTEBOARD_SKIP_BUILD=1). */
export function buildApp(): void {
  if (process.env.ROUTEBOARD_SKIP_BUILD === "1") return;
  const b = spawnSync(process.execPath, [NEXT, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (b.status !== 0) throw new Error("e2e: `next build` failed (see its output above)");
}

export interface StartOptions {
  /** KUBECONFIG for the app; a path that does not exist means "no kubeconfig". */
  kubeconfig?: string;
  /** Passed as `--workspace DIR`, as a user would. */
  workspace?: string;
  env?: Record<string, string>;
}

/** Starts Routeboard the way users do (scripts/serve.mjs), on a free port, against a kubeconfig or a workspace. */
export async function startApp(opts: StartOptions | string): Promise<{ url: string; stop: () => Promise<void> }> {
  const o: StartOptions = typeof opts === "string" ? { kubeconfig: opts } : opts;
  const port = await freePort();
  const { ROUTEBOARD_WORKSPACE: _ws, ...inherited } = process.env;
  const child = spawn(process.execPath, ["scripts/serve.mjs", ...(o.workspace ? ["--workspace", o.workspace] : [])], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...inherited,
      ...(o.kubeconfig !== undefined ? { KUBECONFIG: o.kubeconfig } : {}),
      PORT: String(port),
      ROUTEBOARD_SKIP_BUILD: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      ...o.env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const up = await waitFor(() => fetch(`${url}/api/resources?kind=Namespace`).then((r) => r.ok), 60_000, 250);
  if (!up) {
    child.kill("SIGKILL");
    throw new Error(`e2e: Routeboard did not answer on ${url} within 60 s`);
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
