import { describe, expect, it } from "vitest";
import { orderKubeKeys, printManifest, printManifests } from "./print";
import { parseManifests } from "./parse";

describe("printManifest", () => {
  it("puts apiVersion, kind, metadata, spec, status first, then the rest in their order", () => {
    const obj = { status: { a: 1 }, zeta: 1, spec: { z: 1, a: 2 }, kind: "HTTPRoute", alpha: 2, metadata: { name: "r" }, apiVersion: "v1" };
    expect(Object.keys(orderKubeKeys(obj))).toEqual(["apiVersion", "kind", "metadata", "spec", "status", "zeta", "alpha"]);
    // Nested keys keep the order they came in.
    expect(printManifest(obj)).toContain("spec:\n  z: 1\n  a: 2\n");
  });

  it("orders metadata as name, namespace, labels, annotations, then the rest", () => {
    const obj = { apiVersion: "v1", kind: "Service", metadata: { uid: "u", annotations: { a: "1" }, labels: { l: "1" }, namespace: "ns", name: "n" } };
    expect(Object.keys(orderKubeKeys(obj).metadata)).toEqual(["name", "namespace", "labels", "annotations", "uid"]);
  });

  it("does not mutate its input", () => {
    const obj = { metadata: { namespace: "ns", name: "n" }, kind: "K", apiVersion: "v1" };
    orderKubeKeys(obj);
    expect(Object.keys(obj)).toEqual(["metadata", "kind", "apiVersion"]);
  });

  it("quotes strings that YAML 1.1 readers (kubectl) would take for booleans", () => {
    const out = printManifest({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "on", b: "yes", c: "y", d: "off" } });
    expect(out).toContain('a: "on"');
    expect(out).toContain('b: "yes"');
    expect(out).toContain('c: "y"');
    expect(parseManifests(out).objects[0]!.object.data).toEqual({ a: "on", b: "yes", c: "y", d: "off" });
  });

  it("never emits anchors for shared objects and never folds long lines", () => {
    const shared = { name: "x", value: "y".repeat(200) };
    const out = printManifest({ apiVersion: "v1", kind: "K", metadata: { name: "n" }, spec: { a: shared, b: shared } });
    expect(out).not.toMatch(/[&*]a\d/);
    expect(out.split("\n").some((l) => l.endsWith("y".repeat(200)))).toBe(true);
  });

  it("round-trips a stream through parse and print", () => {
    const objs = [
      { apiVersion: "v1", kind: "Service", metadata: { name: "a", namespace: "default" }, spec: { ports: [{ port: 80 }] } },
      { apiVersion: "v1", kind: "Service", metadata: { name: "b" } },
    ];
    const text = printManifests(objs);
    expect(text).toBe(`${printManifest(objs[0]!)}---\n${printManifest(objs[1]!)}`);
    expect(parseManifests(text).objects.map((o) => o.object)).toEqual(objs);
  });
});
