import { request } from "./cluster/transport";
import { baseKubeConfig } from "./registry";

/** Whether the API server answers /readyz with Routeboard's own credentials (the pod's service account). */
export async function clusterHealth(): Promise<"reachable" | "unreachable" | "none"> {
  const kc = baseKubeConfig();
  if (!kc) return "none";
  try {
    const r = await request(kc, { method: "GET", path: "/readyz", timeoutMs: 3000 });
    return r.status === 200 ? "reachable" : "unreachable";
  } catch {
    return "unreachable";
  }
}
