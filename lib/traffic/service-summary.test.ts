import { describe, expect, it } from "vitest";
import { serviceRow } from "./service-summary";

describe("serviceRow", () => {
  it("summarizes wanted and routed traffic and readiness", () => {
    const row = serviceRow({
      apiVersion: "serving.knative.dev/v1",
      kind: "Service",
      metadata: { name: "hello", namespace: "demo", generation: 2 },
      spec: {
        traffic: [
          { revisionName: "hello-00002", percent: 90 },
          { revisionName: "hello-00003", percent: 10, tag: "canary" },
        ],
      },
      status: {
        observedGeneration: 1,
        url: "http://hello.demo.svc.cluster.local",
        conditions: [{ type: "Ready", status: "True" }],
        traffic: [{ revisionName: "hello-00002", percent: 100 }],
      },
    });
    expect(row).toMatchObject({
      key: "demo/hello",
      url: "http://hello.demo.svc.cluster.local",
      wanted: "hello-00002 90 %, hello-00003 10 % (canary)",
      routed: "hello-00002 100 %",
    });
    expect(row.ready).toMatchObject({ status: "True", stale: true });
  });
  it("defaults missing traffic and status", () => {
    const row = serviceRow({ apiVersion: "serving.knative.dev/v1", kind: "Service", metadata: { name: "a", namespace: "b" } });
    expect(row.wanted).toBe("@latest 100 %");
    expect(row.ready).toBeUndefined();
    expect(row.routed).toBeUndefined();
  });
});
