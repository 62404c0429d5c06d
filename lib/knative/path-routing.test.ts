import { describe, expect, it } from "vitest";
import { compileKnativePath, compileKnativePaths } from "./path-routing";

describe("compileKnativePath", () => {
  it("routes a prefix to the Knative local gateway with the ksvc's cluster-local Host", () => {
    const out = compileKnativePath({ path: "/api/v1", ksvc: { name: "users", namespace: "default" } }, { routeNamespace: "default" });
    expect(out.rule).toEqual({
      matches: [{ path: { type: "PathPrefix", value: "/api/v1" } }],
      filters: [{ type: "URLRewrite", urlRewrite: { hostname: "users.default.svc.cluster.local" } }],
      backendRefs: [{ group: "", kind: "Service", name: "knative-local-gateway", namespace: "istio-system", port: 80 }],
    });
  });

  it("adds a ReferenceGrant in the gateway's namespace for a cross-namespace backend", () => {
    const out = compileKnativePath({ path: "/docs", ksvc: { name: "docs", namespace: "web" } }, { routeNamespace: "web" });
    expect(out.referenceGrant).toEqual({
      apiVersion: "gateway.networking.k8s.io/v1beta1",
      kind: "ReferenceGrant",
      metadata: { name: "routeboard-web-to-knative-local-gateway", namespace: "istio-system" },
      spec: {
        from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "web" }],
        to: [{ group: "", kind: "Service", name: "knative-local-gateway" }],
      },
    });
    expect(out.warnings.some((w) => w.includes("ReferenceGrant"))).toBe(true);
  });

  it("needs no grant when the gateway Service shares the route's namespace", () => {
    const out = compileKnativePath(
      { path: "/", ksvc: { name: "hello", namespace: "default" } },
      { routeNamespace: "gw", localGatewayService: { namespace: "gw", name: "local" } },
    );
    expect(out.referenceGrant).toBeNull();
    expect(out.rule.backendRefs?.[0]).toEqual({ group: "", kind: "Service", name: "local", port: 80 });
  });

  it("warns about ExternalName when routing to the placeholder Service (net-gateway-api#961)", () => {
    const out = compileKnativePath({ path: "/api/v2", ksvc: { name: "compat", namespace: "default" } }, { routeNamespace: "default", via: "placeholder" });
    expect(out.rule.backendRefs).toEqual([{ group: "", kind: "Service", name: "compat", port: 80 }]);
    expect(out.warnings.join("\n")).toMatch(/ExternalName.*SHOULD NOT.*net-gateway-api#961/s);
  });

  it("can strip the matched prefix", () => {
    const out = compileKnativePath({ path: "/api/v1", ksvc: { name: "users", namespace: "default" }, stripPrefix: true }, { routeNamespace: "default" });
    expect(out.rule.filters?.[0]?.urlRewrite?.path).toEqual({ type: "ReplacePrefixMatch", replacePrefixMatch: "/" });
  });
});

describe("compileKnativePaths", () => {
  it("compiles the design's example host: users, compat layer and docs, one grant", () => {
    const out = compileKnativePaths(
      [
        { path: "/api/v1", ksvc: { name: "users", namespace: "default" } },
        { path: "/api/v2", ksvc: { name: "compat", namespace: "default" } },
        { path: "/docs", ksvc: { name: "docs", namespace: "default" } },
      ],
      { routeNamespace: "default" },
    );
    expect(out.rules.map((r) => r.filters?.[0]?.urlRewrite?.hostname)).toEqual([
      "users.default.svc.cluster.local",
      "compat.default.svc.cluster.local",
      "docs.default.svc.cluster.local",
    ]);
    expect(out.referenceGrants).toHaveLength(1);
  });
});
