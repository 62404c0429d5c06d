import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { KubeConfig } from "@kubernetes/client-node";

export interface ContextInfo {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
  server?: string;
}

/**
 * The user's kubeconfig ($KUBECONFIG, ~/.kube/config) or the in-cluster service account.
 * Undefined when there is none: client-node would otherwise invent a localhost:8080 cluster.
 */
export function loadKubeConfig(env: Record<string, string | undefined> = process.env): KubeConfig | undefined {
  const files = env.KUBECONFIG ? env.KUBECONFIG.split(delimiter).filter(Boolean) : [join(homedir(), ".kube", "config")];
  const kc = new KubeConfig();
  const present = files.filter((f) => existsSync(f));
  if (present.length > 0) {
    // As kubectl merges $KUBECONFIG: the first file to name a context wins it.
    kc.loadFromFile(present[0] ?? "");
    for (const f of present.slice(1)) {
      const more = new KubeConfig();
      more.loadFromFile(f);
      kc.mergeConfig(more, true);
    }
  } else if (env.KUBERNETES_SERVICE_HOST) kc.loadFromCluster(env.ROUTEBOARD_SERVICEACCOUNT_PREFIX ?? "");
  else return undefined;
  return kc.getContexts().length > 0 ? kc : undefined;
}

export function contextsOf(kc: KubeConfig): ContextInfo[] {
  return kc.getContexts().map((c) => ({
    name: c.name,
    cluster: c.cluster,
    user: c.user,
    namespace: c.namespace,
    server: kc.getCluster(c.cluster)?.server,
  }));
}

/**
 * The current context's cluster with another user's bearer token: how a logged-in user's
 * requests go to the API server (token and OIDC login), whatever credentials the kubeconfig or
 * the pod's service account hold.
 */
export function withBearer(kc: KubeConfig, token: string): KubeConfig {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error("the kubeconfig names no cluster");
  const out = new KubeConfig();
  out.loadFromClusterAndUser(cluster, { name: "routeboard-user", token });
  return out;
}

/** A copy of the kubeconfig pointed at another context; the original is left as it was. */
export function forContext(kc: KubeConfig, name: string): KubeConfig {
  const copy = new KubeConfig();
  copy.loadFromOptions({
    clusters: kc.getClusters(),
    users: kc.getUsers(),
    contexts: kc.getContexts(),
    currentContext: name,
  });
  return copy;
}
