// Knative's ConfigMaps read from the real API server, with the user's own rights.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { readKnativeSettings } from "./knative-settings";
import { userStores } from "./testing/user-stores";

const run = promisify(execFile);
const kubeconfig = inject("kubeconfig");
const store = userStores();

async function kubectl(args: string[], input?: unknown): Promise<void> {
  const p = run("kubectl", ["--kubeconfig", kubeconfig, "--context", "admin", ...args]);
  if (input !== undefined) p.child.stdin?.end(JSON.stringify(input));
  await p;
}

describe("readKnativeSettings", () => {
  it("reads the ConfigMaps the cluster has, defaults for the others, and says when the user may not read them", async () => {
    const ns = `ks-${Date.now().toString(36)}`;
    await kubectl(["create", "namespace", ns]);
    await kubectl(["apply", "-f", "-"], {
      apiVersion: "v1",
      kind: "List",
      items: [
        {
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: "config-network", namespace: ns },
          data: { "ingress-class": "gateway-api.ingress.networking.knative.dev" },
        },
        {
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: "config-gateway", namespace: ns },
          data: { "external-gateways": "- class: eg\n  gateway: gw/ext\n  supported-features: []\n" },
        },
        {
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: "config-istio", namespace: ns },
          data: { "external-gateways": "- name: edge\n  namespace: istio-gw\n  service: edge.istio-gw.svc.cluster.local\n" },
        },
      ],
    });
    const s = await readKnativeSettings(store("admin"), ns);
    expect(s.read).toEqual({
      "config-network": { state: "found" },
      "config-domain": { state: "absent" },
      "config-features": { state: "absent" },
      "config-gateway": { state: "found" },
      "config-istio": { state: "found" },
    });
    expect(s.network.config.ingressClass).toBe("gateway-api.ingress.networking.knative.dev");
    expect(s.gateway.config.externalGateways?.[0]).toMatchObject({ namespace: "gw", name: "ext", supportedFeatures: [] });
    // net-istio's own: the gateway given, and its built-in local gateway in the namespace read.
    expect(s.istio.config.ingressGateways).toEqual([{ namespace: "istio-gw", name: "edge", service: "edge.istio-gw.svc.cluster.local" }]);
    expect(s.istio.config.localGateways[0]).toMatchObject({ namespace: ns, name: "knative-local-gateway" });

    // The viewer of the test cluster may not read ConfigMaps.
    const v = await readKnativeSettings(store("viewer"), ns);
    expect(v.read["config-network"]).toEqual({ state: "unreadable", reason: "you may not read it" });
    expect(v.network.config.ingressClass).toBe("istio.ingress.networking.knative.dev");
    expect(v.notes[0]).toMatch(/could not be read \(you may not read it\): Knative's defaults are assumed/);
  });
});
