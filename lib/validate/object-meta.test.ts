// Metadata rules, with the messages kube-apiserver v1.36.3 gave for the same objects.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gatewayApiCrdFiles } from "@/e2e/cluster/crds.ts";
import { checkHTTPRoute, validateHTTPRoute, type CustomResourceDefinition } from "./index.ts";

let crd: CustomResourceDefinition;
beforeAll(() => {
  const file = gatewayApiCrdFiles("v1.6.3").find((f) => f.endsWith("_httproutes.yaml"));
  crd = parse(readFileSync(file ?? "", "utf8")) as CustomResourceDefinition;
});

const withMeta = (metadata: Record<string, unknown>) => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { name: "r", namespace: "default", ...metadata },
  spec: { rules: [{ backendRefs: [{ name: "s", port: 80 }] }] },
});
const lines = (meta: Record<string, unknown>) => validateHTTPRoute(withMeta(meta), crd).map((e) => `${e.path}: ${e.message}`);
const LABEL_KEY =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const SKIPPED =
  ": Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

describe("metadata as the API server validates it", () => {
  it("label keys and values", () => {
    expect(lines({ labels: { app: "v", "example.com/x": "" } })).toEqual([]);
    expect(lines({ labels: { "Bad Key": "v" } })).toEqual([`metadata.labels: Invalid value: "Bad Key": name part ${LABEL_KEY}`]);
    expect(lines({ labels: { "a/": "v" } })).toEqual([
      `metadata.labels: Invalid value: "a/": name part must be non-empty`,
      `metadata.labels: Invalid value: "a/": name part ${LABEL_KEY}`,
    ]);
    expect(lines({ labels: { "a/b/c": "v" } })).toEqual([
      `metadata.labels: Invalid value: "a/b/c": a valid label key ${LABEL_KEY} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]);
    expect(lines({ labels: { [`${"a".repeat(254)}/x`]: "v" } })[0]).toMatch(/: prefix part must be no more than 253 bytes$/);
    expect(lines({ labels: { x: "a".repeat(64) } })).toEqual([`metadata.labels: Invalid value: "${"a".repeat(64)}": must be no more than 63 bytes`]);
    // Bytes, not characters: 32 × é is 64 bytes.
    expect(lines({ labels: { x: "é".repeat(32) } })[0]).toMatch(/must be no more than 63 bytes$/);
  });

  it("annotation keys in any case, and their total size", () => {
    expect(lines({ annotations: { "A.COM/X": "v" } })).toEqual([]);
    expect(lines({ annotations: { x: "a".repeat(256 * 1024 - 1) } })).toEqual([]);
    expect(lines({ annotations: { x: "a".repeat(256 * 1024) } })).toEqual(["metadata.annotations: Too long: may not be more than 262144 bytes", SKIPPED]);
    expect(lines({ annotations: { x: "é".repeat(128 * 1024) } })).toEqual(["metadata.annotations: Too long: may not be more than 262144 bytes", SKIPPED]);
  });

  it("finalizers: qualified names, not orphan with foregroundDeletion; domain-qualification is a warning", () => {
    expect(lines({ finalizers: ["orphan", "foregroundDeletion"] })).toEqual([
      `metadata.finalizers: Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set`,
    ]);
    expect(lines({ finalizers: ["bad name"] })).toEqual([`metadata.finalizers: Invalid value: "bad name": name part ${LABEL_KEY}`]);
    expect(checkHTTPRoute(withMeta({ finalizers: ["b.c", "a", "example.com/f", "kubernetes"] }), crd).warnings.map((w) => w.message)).toEqual([
      `metadata.finalizers: "a": prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers`,
      `metadata.finalizers: "b.c": prefer a domain-qualified finalizer name including a path (/) to avoid accidental conflicts with other finalizer writers`,
    ]);
  });

  it("generateName as a prefix, with maskTrailingDash cutting two bytes", () => {
    expect(lines({ generateName: "abc-" })).toEqual([]);
    expect(lines({ generateName: "a-.-" })).toEqual([]);
    expect(lines({ generateName: `${"a".repeat(253)}-` })).toEqual([]);
    expect(lines({ generateName: `${"a".repeat(254)}-` })).toEqual([
      `metadata.generateName: Invalid value: "${"a".repeat(254)}-": must be no more than 253 characters`,
    ]);
    expect(lines({ generateName: "aé-" })).toHaveLength(1);
  });

  it("ownerReferences, with the list's path and the structs as JSON", () => {
    const ref = { apiVersion: "v1", kind: "ConfigMap", name: "cm", uid: "u1" };
    expect(lines({ ownerReferences: [{ ...ref, apiVersion: "a/b/c", uid: "" }] })).toEqual([
      `metadata.ownerReferences.apiVersion: Invalid value: "a/b/c": version must not be empty`,
      `metadata.ownerReferences.uid: Invalid value: "": must not be empty`,
    ]);
    expect(lines({ ownerReferences: [{ ...ref, kind: "Event" }] })).toEqual([
      `metadata.ownerReferences: Invalid value: {"apiVersion":"v1","kind":"Event","name":"cm","uid":"u1"}: /v1, Kind=Event is disallowed from being an owner`,
    ]);
    expect(
      lines({
        ownerReferences: [
          { ...ref, controller: true },
          { ...ref, uid: "u2", name: "b", controller: true },
        ],
      }),
    ).toEqual([
      `metadata.ownerReferences: Invalid value: [{"apiVersion":"v1","kind":"ConfigMap","name":"cm","uid":"u1","controller":true},{"apiVersion":"v1","kind":"ConfigMap","name":"b","uid":"u2","controller":true}]: Only one reference can have Controller set to true. Found "true" in references for ConfigMap/cm and ConfigMap/b`,
    ]);
  });

  it("namespace as a DNS label", () => {
    expect(lines({ namespace: "a.b" })).toEqual([`metadata.namespace: Invalid value: "a.b": must not contain dots`]);
    expect(lines({ namespace: "" })).toEqual([]);
  });
});
