import { describe, expect, it } from "vitest";
import { parentSummaries } from "./parent-status";
import type { HTTPRoute } from "./types.generated";

const base: HTTPRoute = {
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { name: "shop", namespace: "team-a", generation: 3 },
  spec: {
    parentRefs: [{ name: "public" }, { name: "internal", namespace: "infra", sectionName: "http" }],
  },
};

describe("parentSummaries", () => {
  it("pairs each parentRef with the status its controller wrote, defaulting namespace to the route's", () => {
    const r: HTTPRoute = {
      ...base,
      status: {
        parents: [
          {
            parentRef: { name: "internal", namespace: "infra", sectionName: "http" },
            controllerName: "example.com/gw",
            conditions: [
              {
                type: "Accepted",
                status: "False",
                reason: "NoMatchingListenerHostname",
                message: "no",
                lastTransitionTime: "2026-01-01T00:00:00Z",
                observedGeneration: 3,
              },
            ],
          },
          {
            parentRef: { name: "public", namespace: "team-a", group: "gateway.networking.k8s.io", kind: "Gateway" },
            controllerName: "example.com/gw",
            conditions: [
              { type: "Accepted", status: "True", reason: "Accepted", message: "", lastTransitionTime: "2026-01-01T00:00:00Z", observedGeneration: 2 },
              {
                type: "ResolvedRefs",
                status: "False",
                reason: "BackendNotFound",
                message: "svc missing",
                lastTransitionTime: "2026-01-01T00:00:00Z",
                observedGeneration: 3,
              },
            ],
          },
        ],
      },
    };
    const [pub, internal] = parentSummaries(r);
    expect(pub?.label).toBe("team-a/public");
    expect(pub?.accepted).toMatchObject({ status: "True", stale: true });
    expect(pub?.resolvedRefs).toMatchObject({ status: "False", reason: "BackendNotFound", stale: false });
    expect(internal?.label).toBe("infra/internal/http");
    expect(internal?.accepted).toMatchObject({ status: "False", reason: "NoMatchingListenerHostname" });
    expect(internal?.resolvedRefs).toBeUndefined();
  });

  it("marks a parent without status as pending rather than failing", () => {
    const [pub] = parentSummaries(base);
    expect(pub).toMatchObject({ pending: true, accepted: undefined });
  });

  it("does not confuse two listeners of the same Gateway", () => {
    const r: HTTPRoute = {
      ...base,
      spec: {
        parentRefs: [
          { name: "gw", sectionName: "a" },
          { name: "gw", sectionName: "b" },
        ],
      },
      status: {
        parents: [
          {
            parentRef: { name: "gw", sectionName: "b" },
            controllerName: "x/y",
            conditions: [{ type: "Accepted", status: "True", reason: "Accepted", message: "", lastTransitionTime: "2026-01-01T00:00:00Z" }],
          },
        ],
      },
    };
    const [a, b] = parentSummaries(r);
    expect(a?.pending).toBe(true);
    expect(b?.accepted?.status).toBe("True");
  });
});
