// Which store Routeboard opens on, decided once per process: a workspace when asked
// (ROUTEBOARD_WORKSPACE, set by `npm start -- --workspace DIR`), else the kubeconfig's cluster
// when it answers, else the examples/ workspace so a fresh clone shows something useful.
import { resolve } from "node:path";
import type { KubeConfig } from "@kubernetes/client-node";
import { request } from "./cluster/transport";

export type StoreChoice =
  { mode: "cluster" } | { mode: "workspace"; root: string; /** Why the workspace, when the user did not ask for it. */ reason?: string };

export const DEFAULT_WORKSPACE = "examples";

/** The workspace folder (or dump file) the user asked for, as an absolute path, if any. */
export function askedWorkspace(env: Record<string, string | undefined> = process.env): string | undefined {
  const dir = env.ROUTEBOARD_WORKSPACE?.trim();
  return dir ? resolve(dir) : undefined;
}

/** Whether the current context's API server answers at all (any HTTP status counts: 401 is reachable). */
async function reachable(kc: KubeConfig): Promise<boolean> {
  try {
    await request(kc, { method: "GET", path: "/version", timeoutMs: 3000 });
    return true;
  } catch {
    return false;
  }
}

export async function chooseStore(kc: KubeConfig | undefined, env: Record<string, string | undefined> = process.env): Promise<StoreChoice> {
  const asked = askedWorkspace(env);
  if (asked) return { mode: "workspace", root: asked };
  const examples = resolve(DEFAULT_WORKSPACE);
  if (!kc) return { mode: "workspace", root: examples, reason: "no kubeconfig found" };
  if (await reachable(kc)) return { mode: "cluster" };
  const server = kc.getCurrentCluster()?.server ?? "?";
  return { mode: "workspace", root: examples, reason: `context ${kc.getCurrentContext()} (${server}) did not answer at startup` };
}
