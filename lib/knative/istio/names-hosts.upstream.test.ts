// The upstream projects' own expectations for the helpers the reference cases barely reach (long
// names, all-digit top-level domains, overlapping host prefixes), ported literally:
// knative.dev/pkg 91499a17111f kmeta/names_test.go TestChildName; knative.dev/networking
// 305789141b2b pkg/ingress/ingress_test.go TestGetExpandedHosts; net-istio bdbf4dac
// resources/virtual_service_test.go TestGetDistinctHostPrefixes, gateway_test.go TestGatewayName,
// TestGatewayNameLongIngressName, TestParseIngressGatewayConfig, secret_test.go
// TestMakeTargetSecretLabels, TestMakeTargetSecretAnnotions.
import { describe, expect, it } from "vitest";
import { distinctHostPrefixes, expandedHosts } from "./hosts";
import { adler32, childName, gatewayName, isLongSecretName, originSecretNameLabel } from "./names";
import { gatewayServiceRefs } from "./secrets";

describe("childName = knative.dev/pkg kmeta TestChildName", () => {
  it.each([
    ["asdf", "-deployment", "asdf-deployment"],
    ["f".repeat(63), "-deployment", "ffffffffffffffffffff105d7597f637e83cc711605ac3ea4957-deployment"],
    ["f".repeat(63), "-deploy", "ffffffffffffffffffffffff105d7597f637e83cc711605ac3ea4957-deploy"],
    ["f".repeat(63), "f".repeat(63), "fffffffffffffffffffffffffffffff0502661254f13c89973cb3a83e0cbec0"],
    ["a", "f".repeat(63), "ab5cfd486935decbc0d305799f4ce4414ffffffffffffffffffffffffffffff"],
    ["b".repeat(32), "f".repeat(32), "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb329c7c81b9ab3ba71aa139066aa5625d"],
    ["aaaa", "b---a".repeat(20), "aaaa7a3f7966594e3f0849720eced8212c18b---ab---ab---ab---ab---ab"],
    ["a".repeat(17), "a.-.-.-.-.-.-.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaa1eb10dc911444f8434af83b7225442da"],
  ])("%s + %s", (parent, suffix, want) => {
    expect(childName(parent, suffix)).toBe(want);
  });
});

describe("expandedHosts = knative.dev/networking TestGetExpandedHosts", () => {
  const s = "s".repeat(64);
  it.each([
    [
      "cluster local service in non-default namespace",
      ["service.name-space.svc.cluster.local"],
      ["service.name-space", "service.name-space.svc", "service.name-space.svc.cluster.local"],
    ],
    ["cluster local service in all-numeric namespace", ["service.1234.svc.cluster.local"], ["service.1234.svc", "service.1234.svc.cluster.local"]],
    ["funky namespace", ["service.1-1.svc.cluster.local"], ["service.1-1", "service.1-1.svc", "service.1-1.svc.cluster.local"]],
    ["cluster local service somehow has a very long tld", [`service.${s}.svc.cluster.local`], [`service.${s}.svc`, `service.${s}.svc.cluster.local`]],
    ["example.com service", ["foo.bar.example.com"], ["foo.bar.example.com"]],
    ["default.example.com service", ["foo.default.example.com"], ["foo.default.example.com"]],
    [
      "mix",
      ["foo.default.example.com", "foo.default.svc.cluster.local"],
      ["foo.default", "foo.default.example.com", "foo.default.svc", "foo.default.svc.cluster.local"],
    ],
  ])("%s", (_name, hosts, want) => {
    expect(expandedHosts(hosts, "cluster.local")).toStrictEqual(want);
  });
});

describe("distinctHostPrefixes = net-istio TestGetDistinctHostPrefixes", () => {
  it.each([
    ["empty", [], []],
    ["single element", ["a"], ["a"]],
    ["no overlap", ["a", "b"], ["a", "b"]],
    ["overlap", ["a", "ab", "abc"], ["a"]],
    ["multiple overlaps", ["a", "ab", "abc", "xyz", "xy", "m"], ["a", "m", "xy"]],
  ])("%s", (_name, hosts, want) => {
    expect(distinctHostPrefixes(hosts, "cluster.local")).toStrictEqual(want);
  });

  // Not an upstream case: the full names are visited in order, so "a.b" is kept before "a"
  // (from a.svc.cluster.local) arrives, and both stay. The reference cases hold this too.
  it("visits the full names in order, so the result is not always minimal", () => {
    expect(distinctHostPrefixes(["a.b", "a.svc.cluster.local"], "cluster.local")).toStrictEqual(["a", "a.b"]);
  });
});

describe("gateway names = net-istio TestGatewayName, TestGatewayNameLongIngressName", () => {
  const svc = { namespace: "istio-system", name: "gateway" };
  it("adds the adler32 of the gateway Service, with -local for a cluster-local one", () => {
    expect(gatewayName("ingress", false, svc)).toBe(`ingress-${adler32("istio-system/gateway")}`);
    expect(gatewayName("ingress", true, svc)).toBe(`ingress-${adler32("istio-system/gateway-local")}`);
  });

  it("cuts a long KIngress name so the whole stays a label", () => {
    expect(gatewayName("areallyverylongdomainnamethatexcd8923dee789a086a0ac46d3046cbec7", false, svc)).toBe(
      `areallyverylongdomainnamethatexcd8923dee789a086a0ac4-${adler32("istio-system/gateway")}`,
    );
  });

  it('computes hash/adler32 (the RFC 1950 check value of "Wikipedia", and a reference case\'s)', () => {
    expect(adler32("Wikipedia")).toBe(0x11e60398);
    expect(adler32("istio-system/istio-ingressgateway")).toBe(3797421420);
  });
});

describe("gatewayServiceRefs = net-istio TestParseIngressGatewayConfig", () => {
  const ref = (service: string) => gatewayServiceRefs([{ namespace: "n", name: "g", service }]);
  it("takes the first two labels of the service host", () => {
    expect(ref("service.namespace.svc.cluster.local")).toStrictEqual([{ name: "service", namespace: "namespace" }]);
    expect(ref("service.namespace.customsuffix")).toStrictEqual([{ name: "service", namespace: "namespace" }]);
  });

  it("refuses a host of fewer than three labels", () => {
    expect(() => ref("service.namespace")).toThrow(/unexpected service URL form/);
    expect(() => ref("service")).toThrow(/unexpected service URL form/);
  });
});

describe("secret copy labels = net-istio TestMakeTargetSecretLabels, TestMakeTargetSecretAnnotions", () => {
  it("keeps a short name, and cuts a long one with its adler32 (kept whole in an annotation)", () => {
    expect(originSecretNameLabel("a-secret")).toBe("a-secret");
    expect(isLongSecretName("a-secret")).toBe(false);
    const long = "a-really-long-secret-name-that-exceeds-a-length-of-63-characters";
    expect(originSecretNameLabel(long)).toBe("a-really-long-secret-name-that-exceeds-a-length-of-63--16521092");
    expect(isLongSecretName(long)).toBe(true);
  });
});
