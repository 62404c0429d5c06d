import { describe, expect, it } from "vitest";
import { kingressToHTTPRoutes, longestHost } from "./kingress-to-httproutes";
import { routeToKIngress } from "./route-to-kingress";
import { routeFromService } from "./service-route";
import { RESOLUTION, helloService } from "./test-fixtures";
import type { KIngress } from "./types.generated";
import type { KIngressPath } from "./types";

function helloIngress(): KIngress {
  const route = routeFromService(helloService());
  route.metadata.uid = "route-uid";
  const { ingress } = routeToKIngress(route, { ...RESOLUTION, domains: { "example.com": {} } });
  if (!ingress) throw new Error("fixture: no ingress");
  ingress.metadata.uid = "kingress-uid";
  ingress.metadata.annotations = { ...ingress.metadata.annotations, "kubectl.kubernetes.io/last-applied-configuration": "{}" };
  return ingress;
}

const revHeaders = (rev: string) => ({
  type: "RequestHeaderModifier",
  requestHeaderModifier: {
    set: [
      { name: "Knative-Serving-Namespace", value: "default" },
      { name: "Knative-Serving-Revision", value: rev },
    ],
  },
});

describe("kingressToHTTPRoutes", () => {
  it("makes one HTTPRoute per KIngress rule, named by its longest host", () => {
    const routes = kingressToHTTPRoutes(helloIngress());
    expect(routes.map((r) => [r.metadata.name, r.spec.parentRefs?.[0]?.name])).toEqual([
      ["hello.default.svc.cluster.local", "knative-local-gateway"],
      ["hello.default.example.com", "knative-gateway"],
      ["canary-hello.default.svc.cluster.local", "knative-local-gateway"],
      ["canary-hello.default.example.com", "knative-gateway"],
    ]);
  });

  it("turns every path into a probe rule then the normal rule, with revision header filters", () => {
    const [external] = kingressToHTTPRoutes(helloIngress(), { probeHash: "abc123" }).slice(1);
    expect(external!.spec).toEqual({
      parentRefs: [{ group: "gateway.networking.k8s.io", kind: "Gateway", namespace: "istio-system", name: "knative-gateway" }],
      hostnames: ["hello.default.example.com"],
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/" }, headers: [{ type: "Exact", name: "K-Network-Hash", value: "override" }] }],
          filters: [{ type: "RequestHeaderModifier", requestHeaderModifier: { set: [{ name: "K-Network-Hash", value: "abc123" }] } }],
          backendRefs: [
            { group: "", kind: "Service", name: "hello-00002", port: 80, weight: 90, filters: [revHeaders("hello-00002")] },
            { group: "", kind: "Service", name: "hello-00003", port: 80, weight: 10, filters: [revHeaders("hello-00003")] },
          ],
          // The built-in default gateways declare HTTPRouteRequestTimeout.
          timeouts: { request: "0s" },
        },
        {
          matches: [{ path: { type: "PathPrefix", value: "/" } }],
          backendRefs: [
            { group: "", kind: "Service", name: "hello-00002", port: 80, weight: 90, filters: [revHeaders("hello-00002")] },
            { group: "", kind: "Service", name: "hello-00003", port: 80, weight: 10, filters: [revHeaders("hello-00003")] },
          ],
          // The built-in default gateways declare HTTPRouteRequestTimeout.
          timeouts: { request: "0s" },
        },
      ],
    });
  });

  it("labels, annotates and owns each HTTPRoute like net-gateway-api", () => {
    const [local, external] = kingressToHTTPRoutes(helloIngress());
    expect(local!.metadata.labels).toMatchObject({
      "serving.knative.dev/route": "hello",
      "serving.knative.dev/routeNamespace": "default",
      "serving.knative.dev/service": "hello",
      "networking.internal.knative.dev/ingress": "hello",
      "networking.knative.dev/visibility": "cluster-local",
    });
    expect(external!.metadata.labels?.["networking.knative.dev/visibility"]).toBe("");
    expect(external!.metadata.annotations).not.toHaveProperty("kubectl.kubernetes.io/last-applied-configuration");
    expect(external!.metadata.annotations).toHaveProperty("networking.knative.dev/ingress.class");
    expect(external!.metadata.ownerReferences).toEqual([
      {
        apiVersion: "networking.internal.knative.dev/v1alpha1",
        kind: "Ingress",
        name: "hello",
        uid: "kingress-uid",
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
  });

  it("computes a stable K-Network-Hash that changes when the spec changes", () => {
    const hashOf = (ing: KIngress) => kingressToHTTPRoutes(ing)[0]!.spec.rules![0]!.filters![0]!.requestHeaderModifier!.set![0]!.value;
    const a = helloIngress();
    expect(hashOf(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(helloIngress())).toBe(hashOf(a));
    a.spec!.rules![1]!.http!.paths[0]!.splits[0]!.percent = 80;
    expect(hashOf(a)).not.toBe(hashOf(helloIngress()));
  });

  it("uses the configured gateways and sets request timeouts only when supported", () => {
    const routes = kingressToHTTPRoutes(helloIngress(), {
      externalGateways: [{ namespace: "gw", name: "public", supportedFeatures: ["HTTPRouteRequestTimeout"] }],
      localGateways: [{ namespace: "gw", name: "private" }],
    });
    expect(routes[0]!.spec.parentRefs?.[0]).toMatchObject({ namespace: "gw", name: "private" });
    expect(routes[0]!.spec.rules?.every((r) => r.timeouts === undefined)).toBe(true);
    expect(routes[1]!.spec.parentRefs?.[0]).toMatchObject({ namespace: "gw", name: "public" });
    expect(routes[1]!.spec.rules?.every((r) => r.timeouts?.request === "0s")).toBe(true);
  });

  it("maps path, header matches (sorted as net-gateway-api does), appendHeaders and rewriteHost", () => {
    const ing: KIngress = {
      apiVersion: "networking.internal.knative.dev/v1alpha1",
      kind: "Ingress",
      metadata: { name: "dm", namespace: "default" },
      spec: {
        rules: [
          {
            hosts: ["api.example.com"],
            http: {
              paths: [
                {
                  path: "/v1",
                  rewriteHost: "hello.default.svc.cluster.local",
                  headers: { "Knative-Serving-Tag": { exact: "canary" } },
                  appendHeaders: { "X-B": "2", "X-A": "1" },
                  splits: [{ serviceNamespace: "default", serviceName: "hello-00003", servicePort: "81" }],
                },
              ],
            },
          },
        ],
      },
    };
    const rules = kingressToHTTPRoutes(ing, { probeHash: "h" })[0]!.spec.rules!;
    expect(rules).toHaveLength(2);
    expect(rules[0]!.matches![0]!.headers!.map((h) => h.name)).toEqual(["Knative-Serving-Tag", "K-Network-Hash"]);
    expect(rules[0]!.filters![0]!.requestHeaderModifier!.set!.map((h) => h.name)).toEqual(["K-Network-Hash", "X-A", "X-B"]);
    expect(rules[1]!.matches).toEqual([
      { path: { type: "PathPrefix", value: "/v1" }, headers: [{ type: "Exact", name: "Knative-Serving-Tag", value: "canary" }] },
    ]);
    expect(rules[1]!.filters).toEqual([
      {
        type: "RequestHeaderModifier",
        requestHeaderModifier: {
          set: [
            { name: "X-A", value: "1" },
            { name: "X-B", value: "2" },
          ],
        },
      },
      { type: "URLRewrite", urlRewrite: { hostname: "hello.default.svc.cluster.local" } },
    ]);
    // A lone split defaults to 100%; a string port is read as a number; an empty `set` is omitted, as Go's omitempty does.
    expect(rules[1]!.backendRefs![0]).toStrictEqual({
      group: "",
      kind: "Service",
      name: "hello-00003",
      port: 81,
      weight: 100,
      filters: [{ type: "RequestHeaderModifier", requestHeaderModifier: {} }],
    });
  });
});

describe("kingressToHTTPRoutes where net-gateway-api differs from a first reading", () => {
  const ingress = (rule: NonNullable<NonNullable<KIngress["spec"]>["rules"]>[number], annotations?: Record<string, string>): KIngress => ({
    apiVersion: "networking.internal.knative.dev/v1alpha1",
    kind: "Ingress",
    metadata: { name: "hello", namespace: "default", labels: { "networking.knative.dev/tag": "stale" }, ...(annotations ? { annotations } : {}) },
    spec: { rules: [rule] },
  });
  const split = { serviceNamespace: "default", serviceName: "hello-00001", servicePort: 80 };

  it("labels a tag's route from the tag-to-host annotation, over a label the KIngress carries (tagForHost)", () => {
    const rule = { hosts: ["canary-hello.default.example.com"], http: { paths: [{ splits: [split] }] } };
    const tagged = ingress(rule, { "networking.internal.knative.dev/tag-to-host": '{"canary":["canary-hello.default.example.com"]}' });
    expect(kingressToHTTPRoutes(tagged)[0]!.metadata.labels?.["networking.knative.dev/tag"]).toBe("canary");
    // No matching tag (or an annotation that is not JSON): the KIngress's own label stays.
    const broken = ingress(rule, { "networking.internal.knative.dev/tag-to-host": "not json" });
    expect(kingressToHTTPRoutes(broken)[0]!.metadata.labels?.["networking.knative.dev/tag"]).toBe("stale");
  });

  it("writes hostnames sorted, as LongestHost sorts rule.Hosts in place", () => {
    const route = kingressToHTTPRoutes(
      ingress({
        hosts: ["hello.default.svc", "hello.default.svc.cluster.local", "hello.default"],
        visibility: "ClusterLocal",
        http: { paths: [{ splits: [split] }] },
      }),
    )[0]!;
    expect(route.spec.hostnames).toEqual(["hello.default", "hello.default.svc", "hello.default.svc.cluster.local"]);
  });

  it("omits what Go's omitempty omits: no filters without appendHeaders, no backendRefs for `splits: null`", () => {
    const nullSplits = JSON.parse('{"path":"/a","splits":null}') as KIngressPath;
    const [probe, rule] = kingressToHTTPRoutes(ingress({ hosts: ["a.example.com"], http: { paths: [nullSplits] } }), { probeHash: "h" })[0]!.spec.rules!;
    expect(rule).toStrictEqual({ matches: [{ path: { type: "PathPrefix", value: "/a" } }], timeouts: { request: "0s" } });
    expect(probe!.backendRefs).toBeUndefined();
  });

  it("reads a string servicePort as strconv.Atoi does: a sign is allowed, a name is 0", () => {
    const ports = ["+80", "h2c", "4294967377"].map((servicePort) => ({ ...split, servicePort, percent: 1 }));
    const rule = kingressToHTTPRoutes(ingress({ hosts: ["p.example.com"], http: { paths: [{ splits: ports }] } }))[0]!.spec.rules![1]!;
    expect(rule.backendRefs!.map((b) => b.port)).toEqual([80, 0, 81]);
  });

  it("sorts header names by UTF-8 bytes, ascending for set and descending for matches", () => {
    const path: KIngressPath = {
      headers: { "X-\u{1F600}": { exact: "1" }, "X-\uFFFD": { exact: "2" } },
      appendHeaders: { "A-\u{1F600}": "1", "A-\uFFFD": "2" },
      splits: [split],
    };
    const rule = kingressToHTTPRoutes(ingress({ hosts: ["u.example.com"], http: { paths: [path] } }))[0]!.spec.rules![1]!;
    expect(rule.matches![0]!.headers!.map((h) => h.name)).toEqual(["X-\u{1F600}", "X-\uFFFD"]);
    expect(rule.filters![0]!.requestHeaderModifier!.set!.map((h) => h.name)).toEqual(["A-\uFFFD", "A-\u{1F600}"]);
  });
});

describe("longestHost", () => {
  it("takes the last host in sorted order", () => {
    expect(longestHost(["hello.default.svc", "hello.default.svc.cluster.local", "hello.default"])).toBe("hello.default.svc.cluster.local");
    // Byte order, not length: "hello.default.svc.cluster.local" < "hello.default.svc.x".
    expect(longestHost(["hello.default.svc.x", "hello.default.svc.cluster.local"])).toBe("hello.default.svc.x");
  });
});
