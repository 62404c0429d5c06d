import { describe, expect, it } from "vitest";
import type { Configuration, KnativeService, Revision } from "../knative";
import { produce } from "./produce";

const ns = "demo";
const ksvc: KnativeService = { apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name: "hello", namespace: ns, uid: "u1" }, spec: {} };
const rev = (name: string): Revision => ({
  apiVersion: "serving.knative.dev/v1",
  kind: "Revision",
  // Every Revision of a Service carries its service label; since knative-v1.21 a Service's Route
  // refuses a Revision without it (traffic.go addRevisionTarget, RevisionNotOwned).
  metadata: { name, namespace: ns, labels: { "serving.knative.dev/configuration": "hello", "serving.knative.dev/service": "hello" } },
  spec: { containers: [{ image: "img" }] },
  status: { conditions: [{ type: "Ready", status: "True" }] },
});
const config: Configuration = {
  apiVersion: "serving.knative.dev/v1",
  kind: "Configuration",
  metadata: { name: "hello", namespace: ns },
  status: { latestReadyRevisionName: "hello-00003", conditions: [{ type: "Ready", status: "True" }] },
};

describe("produce", () => {
  it("makes no HTTPRoutes when the KIngress is another ingress's (Knative's default class is Istio's)", () => {
    const p = produce(ksvc, [{ revisionName: "hello-00002", latestRevision: false, percent: 100 }], {
      configurations: [config],
      revisions: [rev("hello-00002")],
    });
    expect(p.otherIngressClass).toBe("istio.ingress.networking.knative.dev");
    expect(p.httpRoutes).toEqual([]);
  });

  it("gives the Route and the weighted HTTPRoutes net-gateway-api will write", () => {
    const p = produce(
      ksvc,
      [
        { revisionName: "hello-00002", latestRevision: false, percent: 75 },
        { revisionName: "hello-00003", latestRevision: false, percent: 25, tag: "canary" },
      ],
      { configurations: [config], revisions: [rev("hello-00002"), rev("hello-00003")] },
      { network: { ingressClass: "gateway-api.ingress.networking.knative.dev" } },
    );
    expect(p.problems).toEqual([]);
    expect(p.route.spec?.traffic).toHaveLength(2);
    const main = p.httpRoutes.find((r) => r.metadata?.name === "hello.demo.svc.cluster.local");
    const weights = main?.spec.rules?.at(-1)?.backendRefs?.map((b) => [b.name, b.weight]);
    expect(weights).toEqual([
      ["hello-00002", 75],
      ["hello-00003", 25],
    ]);
    expect(p.httpRoutes.some((r) => r.metadata?.name === "canary-hello.demo.svc.cluster.local")).toBe(true);
    expect(p.yaml).toContain("kind: HTTPRoute");
  });
  it("says why nothing is produced for a missing revision", () => {
    const p = produce(ksvc, [{ revisionName: "hello-00009", percent: 100 }], { configurations: [config], revisions: [] });
    expect(p.httpRoutes).toEqual([]);
    expect(p.problems[0]).toMatch(/hello-00009/);
  });
});
