// Test-only: hand-written, realistic HTTPRoutes.
import type { HTTPRoute } from "../../gateway/types.generated";

const knativeRevisionFilter = (revision: string) => ({
  type: "RequestHeaderModifier" as const,
  requestHeaderModifier: {
    set: [
      { name: "Knative-Serving-Namespace", value: "default" },
      { name: "Knative-Serving-Revision", value: revision },
    ],
  },
});

/** What net-gateway-api makes of a KIngress for ksvc `hello`, probe rule first. */
export const knativeRoute: HTTPRoute = {
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: {
    name: "hello.default.example.com",
    namespace: "default",
    uid: "0b6a3c1e-4f6e-4b55-9f0c-6f1f7c2a9d11",
    resourceVersion: "48213",
    generation: 3,
    creationTimestamp: "2026-03-02T10:11:12Z",
    labels: {
      "networking.internal.knative.dev/ingress": "hello",
      "serving.knative.dev/route": "hello",
      "serving.knative.dev/routeNamespace": "default",
      "serving.knative.dev/service": "hello",
      "networking.knative.dev/visibility": "",
    },
    annotations: {
      "networking.knative.dev/ingress.class": "gateway-api.ingress.networking.knative.dev",
      "serving.knative.dev/creator": "admin",
    },
    ownerReferences: [
      {
        apiVersion: "networking.internal.knative.dev/v1alpha1",
        kind: "Ingress",
        name: "hello",
        uid: "5d4c0a8e-0d55-4c57-8f5e-2a6e9c1b7a20",
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
    managedFields: [
      {
        manager: "controller",
        operation: "Update",
        apiVersion: "gateway.networking.k8s.io/v1",
        time: "2026-03-02T10:11:12Z",
        fieldsType: "FieldsV1",
        fieldsV1: { "f:spec": { "f:hostnames": {}, "f:rules": {} } },
      },
    ],
  },
  spec: {
    hostnames: ["hello.default.example.com"],
    parentRefs: [{ group: "gateway.networking.k8s.io", kind: "Gateway", name: "knative-gateway", namespace: "istio-system" }],
    rules: [
      {
        matches: [{ path: { type: "PathPrefix", value: "/" }, headers: [{ name: "K-Network-Hash", type: "Exact", value: "override" }] }],
        filters: [
          {
            type: "RequestHeaderModifier",
            requestHeaderModifier: { set: [{ name: "K-Network-Hash", value: "6b2f0c1e9a" }] },
          },
        ],
        backendRefs: [
          { group: "", kind: "Service", name: "hello-00002", port: 80, weight: 80, filters: [knativeRevisionFilter("hello-00002")] },
          { group: "", kind: "Service", name: "hello-00001", port: 80, weight: 20, filters: [knativeRevisionFilter("hello-00001")] },
        ],
        timeouts: { request: "0s" },
      },
      {
        matches: [{ path: { type: "PathPrefix", value: "/" } }],
        backendRefs: [
          { group: "", kind: "Service", name: "hello-00002", port: 80, weight: 80, filters: [knativeRevisionFilter("hello-00002")] },
          { group: "", kind: "Service", name: "hello-00001", port: 80, weight: 20, filters: [knativeRevisionFilter("hello-00001")] },
        ],
        timeouts: { request: "0s" },
      },
    ],
  },
  status: {
    parents: [
      {
        parentRef: { group: "gateway.networking.k8s.io", kind: "Gateway", name: "knative-gateway", namespace: "istio-system" },
        controllerName: "istio.io/gateway-controller",
        conditions: [
          {
            type: "Accepted",
            status: "True",
            reason: "Accepted",
            message: "Route was valid",
            lastTransitionTime: "2026-03-02T10:11:13Z",
            observedGeneration: 3,
          },
          {
            type: "ResolvedRefs",
            status: "True",
            reason: "ResolvedRefs",
            message: "All references resolved",
            lastTransitionTime: "2026-03-02T10:11:13Z",
            observedGeneration: 3,
          },
        ],
      },
    ],
  },
};

/** Path routing on one host: /api/v1 → users, /api/v2 → compat, /docs → a Knative Service. */
export const exampleComRoute: HTTPRoute = {
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { name: "example-com", namespace: "team-a", creationTimestamp: "2026-01-10T08:00:00Z" },
  spec: {
    hostnames: ["example.com"],
    parentRefs: [{ name: "public", namespace: "gateways", sectionName: "https" }],
    rules: [
      {
        name: "users",
        matches: [{ path: { type: "PathPrefix", value: "/api/v1" } }],
        backendRefs: [{ name: "users", port: 8080 }],
      },
      {
        name: "compat",
        matches: [{ path: { type: "PathPrefix", value: "/api/v2" } }],
        backendRefs: [
          { name: "compat", port: 8080, weight: 90 },
          { name: "compat-canary", port: 8080, weight: 10 },
        ],
        timeouts: { request: "10s", backendRequest: "5s" },
      },
      {
        name: "docs",
        matches: [{ path: { type: "PathPrefix", value: "/docs" } }],
        filters: [{ type: "URLRewrite", urlRewrite: { hostname: "docs.team-a.svc.cluster.local" } }],
        backendRefs: [{ group: "serving.knative.dev", kind: "Service", name: "docs" }],
      },
    ],
  },
};

const sticky = {
  ...exampleComRoute,
  metadata: { ...exampleComRoute.metadata, name: "sticky", labels: { app: "shop" } },
  spec: {
    ...exampleComRoute.spec,
    futureSpecField: { enabled: true },
    rules: [
      {
        name: "cart",
        matches: [{ path: { type: "Exact" as const, value: "/cart" }, method: "POST" as const, futureMatchField: [1, 2] }],
        sessionPersistence: { sessionName: "cart", type: "Cookie", absoluteTimeout: "1h" },
        retry: { codes: [503], attempts: 2, backoff: "100ms" },
        backendRefs: [{ name: "cart", port: 80, futureBackendField: "x" }],
      },
    ],
  },
};
/** A route carrying fields outside the standard-channel types: experimental and future ones. */
export const routeWithUnmodelledFields: HTTPRoute = sticky;
