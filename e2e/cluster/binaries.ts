import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ClusterStepError } from "./steps.ts";
import { cacheDir } from "./cache.ts";

export interface Binaries {
  kubeApiserver: string;
  etcd: string;
}

/** Builds (first run on a machine) or finds (every later run) kube-apiserver and etcd. */
export function ensureBinaries(): Binaries {
  const script = join(import.meta.dirname, "build-binaries.sh");
  const logDir = join(cacheDir(), "logs");
  mkdirSync(logDir, { recursive: true });
  const log = join(logDir, "build-binaries.log");
  const res = spawnSync("bash", [script], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  writeFileSync(log, `${res.stdout ?? ""}\n${res.stderr ?? ""}`);
  if (res.status !== 0) {
    const lines = `${res.stdout ?? ""}\n${res.stderr ?? ""}`
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const last = lines.pop() ?? `exit code ${res.status}`;
    throw new ClusterStepError("build kube-apiserver and etcd", log, last);
  }
  const dir = res.stdout.trim().split("\n").pop() ?? "";
  return { kubeApiserver: join(dir, "kube-apiserver"), etcd: join(dir, "etcd") };
}
