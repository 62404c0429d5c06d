import { startCluster, stopCluster } from "./cluster/cluster.ts";
import { netGatewayApiConfig } from "./knative-config-fixtures.ts";
import { buildApp, startApp } from "./server.ts";

export default async function globalSetup() {
  const cluster = await startCluster();
  try {
    buildApp();
    process.env.ROUTEBOARD_KUBECONFIG = cluster.kubeconfig;
    await netGatewayApiConfig();
    const app = await startApp({ kubeconfig: cluster.kubeconfig });
    // Workers inherit these: the specs find the app, the cluster and kubectl's kubeconfig here.
    process.env.ROUTEBOARD_URL = app.url;
    process.env.ROUTEBOARD_CLUSTER_DIR = cluster.dir;
    process.env.ROUTEBOARD_KUBECONFIG = cluster.kubeconfig;
    return async () => {
      await app.stop();
      await stopCluster(cluster.dir);
    };
  } catch (e) {
    await stopCluster(cluster.dir);
    throw e;
  }
}
