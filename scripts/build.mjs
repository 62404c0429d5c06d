// `npm run build`: the Next.js production build, then the workspace parse worker as one
// self-contained file beside it. Next's bundler cannot bundle a worker_threads worker for the
// server-rendered pages (it copies the source as a static asset there), so esbuild does.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";

export const WORKER_ENTRY = "lib/store/workspace/parse-worker.ts";

/** Where the built worker goes: inside Next's build folder, so a build and its worker stay together. */
export function workerOutfile(env = process.env) {
  return join(env.NEXT_DIST_DIR || ".next", "routeboard", "parse-worker.cjs");
}

export async function buildAll({ stdio = "inherit", env = process.env } = {}) {
  const next = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio, env });
  if (next.status !== 0) return next.status ?? 1;
  await build({
    entryPoints: [WORKER_ENTRY],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node24",
    outfile: workerOutfile(env),
    logLevel: "warning",
  });
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await buildAll());
