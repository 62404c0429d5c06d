import { spawn, spawnSync } from "node:child_process";
import { freePort } from "./cluster/ports.ts";
import { waitFor } from "./cluster/steps.ts";

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

/** One production build for the run, as `npm run build` makes it (skipped with ROUTEBOARD_SKIP_BUILD=1). */
export function buildApp(): void {
  if (process.env.ROUTEBOARD_SKIP_BUILD === "1") return;
  const b = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (b.status !== 0) throw new Error("e2e: the production build failed (see its output above)");
}

export interface StartOptions {
  /** KUBECONFIG for the app; a path that does not exist means "no kubeconfig". */
  kubeconfig?: string;
  /** Passed as `--workspace DIR`, as a user would. */
  workspace?: string;
  env?: Record<string, string>;
  /** A port chosen beforehand (default: a free one). */
  port?: number;
  /** Another checkout to serve (a benchmark's baseline build); default: this one. */
  cwd?: string;
}

export interface App {
  url: string;
  port: number;
  /** The server's process (scripts/serve.mjs; Next runs as its child). */
  pid: number | undefined;
  /** Everything the server printed so far (stdout and stderr), for tests that read its log. */
  logs: () => string;
  /** Resolves when the server process has exited. */
  exited: Promise<number | null>;
  /** Sends a signal without waiting. */
  signal: (sig: NodeJS.Signals) => void;
  stop: () => Promise<void>;
}

/** Starts Routeboard the way users do (scripts/serve.mjs), on a free port, against a kubeconfig or a workspace. */
export async function startApp(opts: StartOptions | string): Promise<App> {
  const o: StartOptions = typeof opts === "string" ? { kubeconfig: opts } : opts;
  const port = o.port ?? (await freePort());
  const { ROUTEBOARD_WORKSPACE: _ws, ...inherited } = process.env;
  const child = spawn(process.execPath, ["scripts/serve.mjs", ...(o.workspace ? ["--workspace", o.workspace] : [])], {
    stdio: ["ignore", "pipe", "pipe"],
    cwd: o.cwd,
    env: {
      ...inherited,
      ...(o.kubeconfig !== undefined ? { KUBECONFIG: o.kubeconfig } : {}),
      PORT: String(port),
      ROUTEBOARD_SKIP_BUILD: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      ...o.env,
    },
  });
  // The log is kept for the tests and passed on, so a run's output still shows it.
  let log = "";
  child.stdout?.on("data", (d: Buffer) => ((log += d.toString()), process.stdout.write(d)));
  child.stderr?.on("data", (d: Buffer) => ((log += d.toString()), process.stderr.write(d)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  // The health check answers in every login mode (the API needs a session with token or OIDC login).
  const up = await waitFor(() => fetch(`${url}/api/health`).then((r) => r.ok), 60_000, 250);
  if (!up) {
    child.kill("SIGKILL");
    throw new Error(`e2e: Routeboard did not answer on ${url} within 60 s`);
  }
  return {
    url,
    port,
    pid: child.pid,
    logs: () => log,
    exited,
    signal: (sig) => child.kill(sig),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
