import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/meta";
import { LAST_APPLIED, narrowBody, type Submission } from "./narrow-body";

const current: KubeObject = {
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: {
    name: "r",
    namespace: "ns",
    resourceVersion: "7",
    labels: { team: "a" },
    annotations: { [LAST_APPLIED]: "{...}", note: "x" },
    managedFields: [
      { manager: "kubectl-client-side-apply", operation: "Update", fieldsType: "FieldsV1", fieldsV1: { "f:spec": { "f:hostnames": {}, "f:rules": {} } } },
      {
        manager: "routeboard",
        operation: "Apply",
        fieldsType: "FieldsV1",
        fieldsV1: { "f:metadata": { "f:labels": { "f:owned": {} } }, "f:spec": { "f:parentRefs": {} } },
      },
    ],
  },
  spec: { hostnames: ["a.example.com"], parentRefs: [{ name: "gw" }], rules: [{ backendRefs: [{ name: "a", port: 80 }] }] },
};
(current.metadata.labels as Record<string, string>).owned = "yes";

const sub = (spec: Record<string, unknown>, extra: Partial<Submission> = {}): Submission => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  namespace: "ns",
  name: "r",
  resourceVersion: "7",
  spec,
  labels: current.metadata.labels,
  annotations: current.metadata.annotations,
  ...extra,
});

describe("narrowBody", () => {
  it("sends what changed and what Routeboard owns, nothing else: no hostnames, no last-applied annotation", () => {
    const body = narrowBody(sub({ ...(current.spec as object), rules: [{ backendRefs: [{ name: "b", port: 80 }] }] }), current, {
      spec: "all",
      manager: "routeboard",
    });
    expect(body).toEqual({
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: { name: "r", namespace: "ns", resourceVersion: "7", labels: { owned: "yes" } },
      spec: { parentRefs: [{ name: "gw" }], rules: [{ backendRefs: [{ name: "b", port: 80 }] }] },
    });
  });

  it("drops a field Routeboard owns when the user removed it, and leaves others' fields to them", () => {
    const { parentRefs: _p, hostnames: _h, ...rest } = current.spec as Record<string, unknown>;
    const body = narrowBody(sub(rest), current, { spec: "all", manager: "routeboard" });
    expect(body.spec).toEqual({});
  });

  it("a partial editor sends only its fields", () => {
    const body = narrowBody(sub({ traffic: [{ percent: 100 }], template: { x: 1 } }), current, { spec: ["traffic"], manager: "routeboard" });
    expect(body.spec).toEqual({ traffic: [{ percent: 100 }] });
  });

  it("sends a new object whole, but never kubectl's last-applied copy", () => {
    const body = narrowBody(sub({ hostnames: ["n.example.com"] }, { resourceVersion: "" }), undefined, { spec: "all", manager: "routeboard" });
    expect(body.metadata).toEqual({ name: "r", namespace: "ns", labels: { team: "a", owned: "yes" }, annotations: { note: "x" } });
    expect(body.spec).toEqual({ hostnames: ["n.example.com"] });
  });
});
