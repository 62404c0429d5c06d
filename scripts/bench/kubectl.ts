import { spawn } from "node:child_process";

/** kubectl as the benchmarks' admin: its output, or an error with what it said. */
export function kubectlIn(kubeconfig: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn("kubectl", ["--kubeconfig", kubeconfig, "--context", "admin", ...args]);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on("data", (b: Buffer) => out.push(b));
    p.stderr.on("data", (b: Buffer) => err.push(b));
    p.on("exit", (c) =>
      c === 0
        ? resolve(Buffer.concat(out).toString("utf8"))
        : reject(new Error(`kubectl ${args[0]} exited ${c}: ${Buffer.concat(err).toString("utf8").slice(0, 500)}`)),
    );
    p.stdin.end(input ?? "");
  });
}
