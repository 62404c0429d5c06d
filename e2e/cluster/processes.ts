import { spawn } from "node:child_process";
import { openSync, closeSync } from "node:fs";

/** Starts a long-running child with its output in a log file; returns its pid. */
export function startLogged(bin: string, args: string[], logPath: string): number {
  const fd = openSync(logPath, "a");
  const child = spawn(bin, args, { stdio: ["ignore", fd, fd], detached: false });
  closeSync(fd);
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start ${bin}`);
  return child.pid;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
export async function stopPid(pid: number, graceMs = 5000): Promise<void> {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* already gone */
    }
    while (isAlive(pid)) await new Promise((r) => setTimeout(r, 20));
  }
}

/** Synchronous best-effort kill, for process 'exit' handlers where nothing async runs. */
export function killNow(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    /* already gone */
  }
}
