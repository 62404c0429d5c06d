import { startCluster, stopCluster } from "./cluster/cluster.ts";
import { freePort } from "./cluster/ports.ts";
import { netGatewayApiConfig } from "./knative-config-fixtures.ts";
import { authenticationConfig, startTestProvider } from "./oidc/provider.ts";
import { buildApp, startApp } from "./server.ts";

export default async function globalSetup() {
  // The OpenID provider first: the API server is started trusting it. The Routeboard that logs in
  // through it (e2e/auth-oidc.spec.ts) will listen on a port chosen now, for the redirect URI.
  const oidcAppPort = await freePort();
  const idp = await startTestProvider(await freePort(), oidcAppPort);
  const cluster = await startCluster({ authenticationConfig: authenticationConfig(idp) }).catch(async (e: unknown) => {
    await idp.stop();
    throw e;
  });
  try {
    buildApp();
    process.env.ROUTEBOARD_KUBECONFIG = cluster.kubeconfig;
    await netGatewayApiConfig();
    const app = await startApp({ kubeconfig: cluster.kubeconfig });
    // Workers inherit these: the specs find the app, the cluster and kubectl's kubeconfig here.
    process.env.ROUTEBOARD_URL = app.url;
    process.env.ROUTEBOARD_CLUSTER_DIR = cluster.dir;
    process.env.ROUTEBOARD_KUBECONFIG = cluster.kubeconfig;
    process.env.ROUTEBOARD_OIDC_ISSUER_URL = idp.issuer;
    process.env.ROUTEBOARD_OIDC_CA_FILE = idp.caFile;
    process.env.ROUTEBOARD_OIDC_APP_PORT = String(oidcAppPort);
    return async () => {
      await app.stop();
      await stopCluster(cluster.dir);
      await idp.stop();
    };
  } catch (e) {
    await stopCluster(cluster.dir);
    await idp.stop();
    throw e;
  }
}
