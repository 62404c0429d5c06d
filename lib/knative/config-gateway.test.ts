import { describe, expect, it } from "vitest";
import { gatewayConfigFromConfigMap } from "./config-gateway";
import { DEFAULT_EXTERNAL_GATEWAY, DEFAULT_LOCAL_GATEWAY } from "./gateway-config";

describe("gatewayConfigFromConfigMap (net-gateway-api config.FromConfigMap)", () => {
  it("uses the controller's built-in gateways when there is no ConfigMap, or only _example", () => {
    for (const data of [undefined, { _example: "…" }]) {
      const r = gatewayConfigFromConfigMap(data);
      expect(r.config).toEqual({ externalGateways: [DEFAULT_EXTERNAL_GATEWAY], localGateways: [DEFAULT_LOCAL_GATEWAY] });
      expect(r.from).toEqual({});
      expect(r.problems).toEqual([]);
    }
  });

  it("reads a gateway, its service and its features", () => {
    const r = gatewayConfigFromConfigMap({
      "external-gateways": "- class: eg\n  gateway: gw/ext\n  service: gw/envoy-ext\n  supported-features:\n  - HTTPRouteRequestTimeout\n",
      "local-gateways": "- class: eg\n  gateway: gw/local\n",
    });
    expect(r.config.externalGateways).toEqual([
      { namespace: "gw", name: "ext", class: "eg", service: { namespace: "gw", name: "envoy-ext" }, supportedFeatures: ["HTTPRouteRequestTimeout"] },
    ]);
    expect(r.config.localGateways).toEqual([{ namespace: "gw", name: "local", class: "eg", supportedFeatures: [] }]);
    expect(r.from).toEqual({ external: "config-gateway external-gateways", local: "config-gateway local-gateways" });
  });

  it("reports what the controller refuses, and shows the defaults meanwhile", () => {
    const r = gatewayConfigFromConfigMap({
      "external-gateways": "- class: a\n  gateway: gw/one\n- class: a\n  gateway: gw/two\n",
      "local-gateways": "- gateway: gw/local\n",
    });
    expect(r.problems).toEqual([
      "config-gateway external-gateways: only a single external gateway is supported",
      'config-gateway local-gateways: entry [0] field "class" is required',
    ]);
    expect(r.config.externalGateways).toEqual([DEFAULT_EXTERNAL_GATEWAY]);
    expect(gatewayConfigFromConfigMap({ "external-gateways": "- class: a\n  gateway: just-a-name\n" }).problems[0]).toMatch(/is not a namespace\/name/);
  });
});
