import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

// Its own kubectl, not fixtures.ts's: the global setup uses this file, and may not load the test API.
async function kubectl(args: string[], input?: unknown): Promise<void> {
  const p = run("kubectl", ["--kubeconfig", process.env.ROUTEBOARD_KUBECONFIG ?? "", "--context", "admin", ...args]);
  if (input !== undefined) p.child.stdin?.end(JSON.stringify(input));
  await p;
}

/**
 * The test cluster is set up as one that runs net-gateway-api: config-network names its ingress
 * class (Knative's default is Istio's), nothing else is configured. Specs that change Knative's
 * ConfigMaps put this back when they end.
 */
export async function netGatewayApiConfig(): Promise<void> {
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "v1",
    kind: "List",
    items: [
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "knative-serving" } },
      {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: "config-network", namespace: "knative-serving" },
        data: { "ingress-class": "gateway-api.ingress.networking.knative.dev" },
      },
    ],
  });
  await kubectl(["delete", "configmap", "-n", "knative-serving", "config-domain", "config-gateway", "config-features", "config-istio", "--ignore-not-found"]);
}
