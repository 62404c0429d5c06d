// net-istio's own expectations for config.NewIstioFromConfigMap and Istio.GatewaysEnabled
// (pkg/reconciler/ingress/config/istio_test.go at bdbf4dac: TestIstio, TestGatewayConfiguration,
// TestGatewaysEnabled), ported literally. Those tests run with SYSTEM_NAMESPACE=knative-testing
// (knative.dev/pkg/system/testing), so the defaults live there.
import { describe, expect, it } from "vitest";
import { defaultIstioConfig, gatewaysEnabled, gatewaysForIngress, istioConfigFromConfigMap, type IstioConfig } from "./config-istio";

const names = { systemNamespace: "knative-testing" };
const { ingressGateways: defaultIngress, localGateways: defaultLocal } = defaultIstioConfig(names);

// replaceTabs in the Go test: its YAML is indented with tabs.
const yaml = (s: string) => s.replaceAll("\t", "    ");
const gw1 = yaml(`
				- namespace: "namespace1"
				  name: "gateway1"
				  service:  "istio-ingressbackroad.istio-system.svc.cluster.local"`);
const gw2 = yaml(`
				- namespace: "namespace2"
				  name: "gateway2"
				  service:  "istio-local-gateway.istio-system.svc.cluster.local"`);
const selectorGateway = yaml(`
				- namespace: "namespace"
				  name: "gateway"
				  service: "istio-gateway.istio-system.svc.cluster.local"
				  labelSelector:
					matchExpressions:
					- key: "key"
					  operator: "In"
					  values: ["value"]`);
const inKeyValue = { matchExpressions: [{ key: "key", operator: "In", values: ["value"] }] };
const namespace1 = { namespace: "namespace1", name: "gateway1", service: "istio-ingressbackroad.istio-system.svc.cluster.local" };
const namespace2 = { namespace: "namespace2", name: "gateway2", service: "istio-local-gateway.istio-system.svc.cluster.local" };

type Case = [name: string, data: Record<string, string>, want: Required<IstioConfig> | "error"];

const CASES: Case[] = [
  ["gateway configuration with no network input", {}, { ingressGateways: defaultIngress, localGateways: defaultLocal }],
  ["gateway configuration with invalid url", { "gateway.invalid": "_invalid" }, "error"],
  [
    "gateway configuration with valid url",
    { "gateway.knative-ingress-freeway": "istio-ingressfreeway.istio-system.svc.cluster.local" },
    {
      ingressGateways: [{ namespace: "knative-testing", name: "knative-ingress-freeway", service: "istio-ingressfreeway.istio-system.svc.cluster.local" }],
      localGateways: defaultLocal,
    },
  ],
  [
    "gateway configuration with valid url having a dot at the end",
    { "gateway.knative-ingress-freeway": "istio-ingressfreeway.istio-system.svc.cluster.local." },
    {
      ingressGateways: [{ namespace: "knative-testing", name: "knative-ingress-freeway", service: "istio-ingressfreeway.istio-system.svc.cluster.local." }],
      localGateways: defaultLocal,
    },
  ],
  [
    "gateway configuration in custom namespace with valid url",
    { "gateway.custom-namespace.custom-gateway": "istio-ingressfreeway.istio-system.svc.cluster.local" },
    {
      ingressGateways: [{ namespace: "custom-namespace", name: "custom-gateway", service: "istio-ingressfreeway.istio-system.svc.cluster.local" }],
      localGateways: defaultLocal,
    },
  ],
  ["gateway configuration in custom namespace with invalid url", { "gateway.custom-namespace.invalid": "_invalid" }, "error"],
  [
    "local gateway configuration with valid url",
    { "local-gateway.knative-ingress-backroad": "istio-ingressbackroad.istio-system.svc.cluster.local" },
    {
      ingressGateways: defaultIngress,
      localGateways: [{ namespace: "knative-testing", name: "knative-ingress-backroad", service: "istio-ingressbackroad.istio-system.svc.cluster.local" }],
    },
  ],
  ["local gateway configuration with invalid url", { "local-gateway.invalid": "_invalid" }, "error"],
  [
    "local gateway configuration in custom namespace with valid url",
    { "local-gateway.custom-namespace.custom-local-gateway": "istio-ingressbackroad.istio-system.svc.cluster.local" },
    {
      ingressGateways: defaultIngress,
      localGateways: [{ namespace: "custom-namespace", name: "custom-local-gateway", service: "istio-ingressbackroad.istio-system.svc.cluster.local" }],
    },
  ],
  ["local gateway configuration in custom namespace with invalid url", { "local-gateway.custom-namespace.invalid": "_invalid" }, "error"],
  ["new format alone", { "external-gateways": gw1, "local-gateways": gw2 }, { ingressGateways: [namespace1], localGateways: [namespace2] }],
  [
    "new & old format",
    {
      "external-gateways": gw1,
      "local-gateways": gw2,
      "local-gateway.custom-namespace.custom-local-gateway": "istio-ingressbackroad.istio-system.svc.cluster.local",
      "gateway.custom-namespace.custom-gateway": "istio-ingressfreeway.istio-system.svc.cluster.local",
    },
    "error",
  ],
  [
    "new format - invalid URL",
    { "external-gateways": gw1, "local-gateways": gw2.replace(`"istio-local-gateway.istio-system.svc.cluster.local"`, `"_invalid"`) },
    "error",
  ],
  [
    "new format - missing service",
    { "external-gateways": gw1.replace(`"istio-ingressbackroad.istio-system.svc.cluster.local"`, `""`), "local-gateways": gw2 },
    "error",
  ],
  ["new format - missing name", { "external-gateways": gw1.replace(`"gateway1"`, `""`), "local-gateways": gw2 }, "error"],
  ["new format - missing namespace", { "external-gateways": gw1, "local-gateways": gw2.replace(`"namespace2"`, `""`) }, "error"],
  ["new format - invalid local yaml", { "external-gateways": gw1, "local-gateways": "notYAML" }, "error"],
  ["new format - invalid external yaml", { "external-gateways": "notYAML", "local-gateways": gw2 }, "error"],
  ["new format - missing external gateway configuration", { "local-gateways": gw2 }, { ingressGateways: defaultIngress, localGateways: [namespace2] }],
  ["new format - missing local gateway configuration", { "external-gateways": gw1 }, { ingressGateways: [namespace1], localGateways: defaultLocal }],
  ["new format - missing default gateway", { "external-gateways": selectorGateway }, "error"],
  ["new format - missing default local gateway", { "local-gateways": selectorGateway }, "error"],
  [
    "new format - label selector",
    {
      "external-gateways":
        yaml(`
				- namespace: "unused"
				  name: "unused"
				  service: "default.default.svc.cluster.local"`) + selectorGateway,
      "local-gateways": gw2,
    },
    {
      ingressGateways: [
        { namespace: "unused", name: "unused", service: "default.default.svc.cluster.local" },
        { namespace: "namespace", name: "gateway", service: "istio-gateway.istio-system.svc.cluster.local", labelSelector: inKeyValue },
      ],
      localGateways: [namespace2],
    },
  ],
  [
    "local gateway with selector",
    {
      "local-gateways":
        selectorGateway.replace("istio-gateway.", "istio-local.") +
        yaml(`
				- namespace: "namespace1"
				  name: "gateway1"
				  service: "istio-local-gateway.istio-system.svc.cluster.local"`),
      "external-gateways": yaml(`
				- namespace: "namespace2"
				  name: "gateway2"
				  service: "istio-gateway.istio-system.svc.cluster.local"`),
    },
    {
      ingressGateways: [{ namespace: "namespace2", name: "gateway2", service: "istio-gateway.istio-system.svc.cluster.local" }],
      localGateways: [
        { namespace: "namespace", name: "gateway", service: "istio-local.istio-system.svc.cluster.local", labelSelector: inKeyValue },
        { namespace: "namespace1", name: "gateway1", service: "istio-local-gateway.istio-system.svc.cluster.local" },
      ],
    },
  ],
  [
    "new format - invalid label selector",
    {
      "external-gateways":
        yaml(`
				- namespace: "default"
				  name: "default"
				  service: "default.default.svc.cluster.local"`) +
        selectorGateway
          .split("\n")
          .filter((l) => !l.includes("values:"))
          .join("\n"),
    },
    "error",
  ],
  [
    "new format - both gateways explicitly empty for mesh-only mode",
    { "external-gateways": "[]", "local-gateways": "[]" },
    { ingressGateways: [], localGateways: [] },
  ],
  ["new format - only external gateways explicitly empty", { "external-gateways": "[]" }, { ingressGateways: [], localGateways: defaultLocal }],
  ["new format - only local gateways explicitly empty", { "local-gateways": "[]" }, { ingressGateways: defaultIngress, localGateways: [] }],
];

describe("istioConfigFromConfigMap = net-istio bdbf4dac TestGatewayConfiguration", () => {
  it.each(CASES)("%s", (_name, data, want) => {
    const reading = istioConfigFromConfigMap(data, names);
    if (want === "error") {
      expect(reading.error).toMatch(/^config-istio: /);
      // A refused ConfigMap reads as the defaults.
      expect(reading.config).toStrictEqual(defaultIstioConfig(names));
    } else {
      expect(reading.error).toBeUndefined();
      expect(reading.config).toStrictEqual(want);
    }
  });

  it("accepts the shipped _example block as data (TestIstio)", () => {
    const example = {
      "gateway.knative-serving.knative-ingress-gateway": "istio-ingressgateway.istio-system.svc.cluster.local",
      "local-gateway.knative-serving.knative-local-gateway": "knative-local-gateway.istio-system.svc.cluster.local",
      "enable-virtualservice-status": "false",
    };
    expect(istioConfigFromConfigMap(example).error).toBeUndefined();
    expect(istioConfigFromConfigMap({ _example: "anything" })).toStrictEqual({ config: defaultIstioConfig() });
  });
});

describe("gatewaysEnabled = net-istio bdbf4dac TestGatewaysEnabled", () => {
  it.each([
    ["both gateways configured", { ingressGateways: defaultIngress, localGateways: defaultLocal }, true],
    ["only ingress gateways", { ingressGateways: defaultIngress, localGateways: [] }, true],
    ["only local gateways", { ingressGateways: [], localGateways: defaultLocal }, true],
    ["both empty - mesh-only mode", { ingressGateways: [], localGateways: [] }, false],
  ] as const)("%s", (_name, cfg, want) => {
    expect(gatewaysEnabled(cfg)).toBe(want);
  });
});

// Routeboard's reading of the decoding steps the Go tests do not cover (sigs.k8s.io/yaml into
// config.Gateway, GatewaysFromContext); each comment names the Go behaviour.
describe("istioConfigFromConfigMap decoding", () => {
  const one = (entry: string) => istioConfigFromConfigMap({ "external-gateways": entry });

  it("matches field names case-insensitively, as encoding/json does", () => {
    expect(one("- NameSpace: a\n  NAME: b\n  Service: c.d.svc.cluster.local").config.ingressGateways).toStrictEqual([
      { namespace: "a", name: "b", service: "c.d.svc.cluster.local" },
    ]);
  });

  it("turns YAML 1.1 scalars bound for a string into Go's text (convertToJSONableObject)", () => {
    expect(one("- namespace: yes\n  name: 0x1F\n  service: c.d.svc").config.ingressGateways).toStrictEqual([
      { namespace: "true", name: "31", service: "c.d.svc" },
    ]);
  });

  it("refuses a value that is not a list, and takes a blank value as the default", () => {
    expect(one("namespace: a").error).toMatch(/cannot unmarshal object into Go value of type \[\]config.Gateway/);
    expect(one(" \n\t").config).toStrictEqual(defaultIstioConfig());
    expect(one("~").config.ingressGateways).toStrictEqual([]);
  });

  it("refuses a selector apimachinery refuses", () => {
    expect(
      one(
        `- {namespace: a, name: b, service: c.d.svc}\n- {namespace: a, name: e, service: c.d.svc, labelSelector: {matchExpressions: [{key: k, operator: Gt, values: ["1"]}]}}`,
      ).error,
    ).toMatch(/"Gt" is not a valid label selector operator/);
  });

  it("picks the matching selected gateways, else the unselected one (GatewaysFromContext)", () => {
    const { config } = istioConfigFromConfigMap({
      "external-gateways":
        yaml(`
				- namespace: "unused"
				  name: "unused"
				  service: "default.default.svc.cluster.local"`) + selectorGateway,
    });
    expect(gatewaysForIngress(config, { key: "value" }).external.map((g) => g.name)).toStrictEqual(["gateway"]);
    expect(gatewaysForIngress(config, { key: "other" }).external.map((g) => g.name)).toStrictEqual(["unused"]);
  });
});
