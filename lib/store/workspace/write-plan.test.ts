import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../k8s/meta";
import { mergeForFile, planEdit, planRemoval } from "./write-plan";

const obj = (o: Partial<KubeObject> & { metadata: KubeObject["metadata"] }): KubeObject => ({ apiVersion: "v1", kind: "Service", ...o });

describe("mergeForFile", () => {
  it("keeps status and server metadata from the file, drops them from the applied object", () => {
    const inFile = obj({ metadata: { name: "a", uid: "u1" }, status: { x: 1 } });
    const applied = obj({
      metadata: { name: "a", namespace: "default", resourceVersion: "ws-1", uid: "other", managedFields: [] },
      spec: { y: 2 },
      status: { x: 9 },
    });
    expect(mergeForFile(inFile, applied)).toEqual(obj({ metadata: { name: "a", uid: "u1" }, spec: { y: 2 }, status: { x: 1 } }));
  });

  it("merges a partial object as server-side apply does: mappings key by key, lists replaced", () => {
    const inFile = obj({
      metadata: { name: "a", annotations: { keep: "me" } },
      spec: { template: { image: "x" }, traffic: [{ revisionName: "a-1", percent: 100 }] },
    });
    const applied = obj({
      metadata: { name: "a", namespace: "default", annotations: { mine: "1" } },
      spec: { traffic: [{ latestRevision: true, percent: 100 }] },
    });
    expect(mergeForFile(inFile, applied)).toEqual(
      obj({
        metadata: { name: "a", annotations: { keep: "me", mine: "1" } },
        spec: { template: { image: "x" }, traffic: [{ latestRevision: true, percent: 100 }] },
      }),
    );
  });
});

describe("planEdit", () => {
  it("falls back to re-printing only that document when splicing cannot express the change", () => {
    // An alias: changing the anchored value in place would change both uses.
    const text =
      "# first\napiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n  labels: &l {x: '1'}\n  annotations: *l\n";
    const next = obj({ metadata: { name: "b", labels: { x: "2" }, annotations: { x: "1" } } });
    const r = planEdit(text, 1, next);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.startsWith("# first\napiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\n")).toBe(true);
    expect(parseAllDocuments(r.text)[1]?.toJS()).toEqual(next);
  });

  it("refuses a document it cannot read", () => {
    expect(planEdit("a: [\n", 0, obj({ metadata: { name: "a" } })).ok).toBe(false);
  });
});

describe("planRemoval", () => {
  it("removes one document and keeps the others byte for byte", () => {
    const text = "# a\nkind: A\n---\nkind: B # b\n---\nkind: C\n";
    expect(planRemoval(text, 1)).toBe("# a\nkind: A\n---\nkind: C\n");
    expect(planRemoval("# only\nkind: A\n", 0)).toBeNull();
  });
});
