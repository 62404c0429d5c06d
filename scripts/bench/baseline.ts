// What the browser benchmarks compare against: another revision of Routeboard, built in a
// worktree beside this checkout and served against the same cluster (BENCH_BASELINE=<rev>).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCluster, stopCluster, type ClusterState } from "../../e2e/cluster/cluster";
import { buildApp } from "../../e2e/server";

export interface BenchRun {
  cluster: ClusterState;
  /** The baseline revision and its built checkout, when BENCH_BASELINE names one. */
  baseline?: { rev: string; dir: string };
  /** Run last first when the bench ends, however it ends. */
  cleanup: (() => unknown)[];
}

/** A test control plane, this checkout built, and the baseline's build; all stopped after `body`. */
export async function withBuilds(body: (run: BenchRun) => Promise<void>): Promise<void> {
  const rev = process.env.BENCH_BASELINE;
  const cluster = await startCluster();
  const cleanup: (() => unknown)[] = [() => stopCluster(cluster.dir)];
  try {
    buildApp();
    await body({ cluster, cleanup, ...(rev && { baseline: { rev, dir: baselineCheckout(rev) } }) });
  } finally {
    for (const c of cleanup.reverse()) await c();
  }
}

/** A checkout of `rev` beside this one, installed and built once. */
function baselineCheckout(rev: string): string {
  const dir = join(tmpdir(), `routeboard-baseline-${rev}`);
  if (!existsSync(join(dir, ".next", "BUILD_ID"))) {
    if (!existsSync(dir)) execFileSync("git", ["worktree", "add", "--detach", dir, rev], { stdio: "inherit" });
    for (const [cmd, args] of [
      ["npm", ["ci", "--no-audit", "--no-fund"]],
      [process.execPath, ["scripts/build.mjs"]],
    ] as const) {
      const r = spawnSync(cmd, args, { cwd: dir, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
      if (r.status !== 0) throw new Error(`baseline ${rev}: ${cmd} ${args.join(" ")} failed`);
    }
  }
  return dir;
}

/** The server's memory: serve.mjs and Next under it. */
export function treeRss(pid: number | undefined): number {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,rss="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number));
  const inTree = new Set(pid ? [pid] : []);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of rows) if (p !== undefined && pp !== undefined && inTree.has(pp) && !inTree.has(p)) grew = inTree.add(p) !== undefined;
  }
  return rows.filter(([p]) => p !== undefined && inTree.has(p)).reduce((n, [, , rss]) => n + (rss ?? 0), 0) * 1024;
}
