import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/meta";
import { knativeSettings, knativeSettingsFromObjects } from "./settings";

describe("knativeSettings", () => {
  it("is Knative's and net-gateway-api's defaults with no ConfigMaps, and says where each value comes from", () => {
    const s = knativeSettings({});
    expect(s.network.config.ingressClass).toBe("istio.ingress.networking.knative.dev");
    expect(s.network.sources.ingressClass.text).toBe("Knative's default");
    expect(s.gateway.config.externalGateways?.[0]).toMatchObject({
      namespace: "istio-system",
      name: "knative-gateway",
      supportedFeatures: ["HTTPRouteRequestTimeout"],
    });
    expect(s.notes).toEqual([]);
  });

  it("takes the cluster's values, and notes what it could not read", () => {
    const s = knativeSettings({
      "config-network": { state: "found", data: { "ingress-class": "gateway-api.ingress.networking.knative.dev" } },
      "config-domain": { state: "found", data: { "example.com": "" } },
      "config-gateway": { state: "unreadable", reason: "you may not read it" },
    });
    expect(s.network.config.ingressClass).toBe("gateway-api.ingress.networking.knative.dev");
    expect(s.network.sources.ingressClass.text).toBe("ConfigMap config-network key ingress-class");
    expect(Object.keys(s.network.config.domains)).toContain("example.com");
    expect(s.read["config-gateway"]).toEqual({ state: "unreadable", reason: "you may not read it" });
    expect(s.notes).toEqual(["ConfigMap knative-serving/config-gateway could not be read (you may not read it): Knative's defaults are assumed for it."]);
    expect(JSON.stringify(s)).not.toContain('"data"');
  });

  it("reads the same ConfigMaps from objects at hand (a workspace, a dump)", () => {
    const cm = (name: string, data: Record<string, unknown>, namespace = "knative-serving"): KubeObject => ({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name, namespace },
      data,
    });
    const s = knativeSettingsFromObjects([
      cm("config-gateway", { "external-gateways": "- class: eg\n  gateway: gw/ext\n" }),
      cm("config-network", { "ingress-class": "ignored" }, "default"),
    ]);
    expect(s.gateway.from.external).toBe("config-gateway external-gateways");
    expect(s.network.config.ingressClass).toBe("istio.ingress.networking.knative.dev");
  });
});
