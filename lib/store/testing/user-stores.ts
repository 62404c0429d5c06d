// For tests against the real API server: a ClusterStore as one of the test users (admin,
// viewer, editor), every one closed when the file's tests end.
import { afterAll, inject } from "vitest";
import { ClusterStore } from "../cluster/cluster-store";
import { forContext, loadKubeConfig } from "../cluster/kubeconfig";

export function userStores(): (user: string) => ClusterStore {
  const kubeconfig = inject("kubeconfig");
  const stores: ClusterStore[] = [];
  afterAll(() => stores.forEach((s) => s.close()));
  return (user) => {
    const kc = loadKubeConfig({ KUBECONFIG: kubeconfig });
    if (!kc) throw new Error("no kubeconfig");
    const s = new ClusterStore(forContext(kc, user));
    stores.push(s);
    return s;
  };
}
