import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { spliceDocument } from "./edit-text";

function edit(src: string, index: number, change: (o: Record<string, unknown>) => void): string {
  const docs = parseAllDocuments(src, { version: "1.1" });
  const doc = docs[index];
  if (!doc) throw new Error("no doc");
  const value = doc.toJS() as Record<string, unknown>;
  change(value);
  const out = spliceDocument(src, doc, value);
  expect(parseAllDocuments(out, { version: "1.1" })[index]?.toJS()).toEqual(value);
  return out;
}

const ROUTE = `# Routes for the shop (owned by team web)
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop   # do not rename: dashboards link to it
  namespace: web
spec:
  hostnames: ["shop.example.com"]
  rules:
  # storefront
  - matches:
    - path: {type: PathPrefix, value: /shop}
    backendRefs:
    - name: storefront
      port: 80
      weight: 90 # canary below
    - name: storefront-v2
      port: 80
      weight: 10
  - matches:
      - path:
          type: PathPrefix
          value: '/inventory'
    backendRefs:
      - name: inventory
        port: 8080
---
# another document, untouched
apiVersion: v1
kind: Service
metadata: {name: storefront, namespace: web}
`;

describe("spliceDocument", () => {
  it("changes a weight in place and leaves every other byte alone", () => {
    const out = edit(ROUTE, 0, (o) => {
      const r = (o.spec as { rules: { backendRefs: { weight: number }[] }[] }).rules[0];
      if (r?.backendRefs[0]) r.backendRefs[0].weight = 50;
      if (r?.backendRefs[1]) r.backendRefs[1].weight = 50;
    });
    expect(out).toBe(ROUTE.replace("weight: 90 #", "weight: 50 #").replace("weight: 10\n", "weight: 50\n"));
  });

  it("keeps the quoting style of a changed string", () => {
    const out = edit(ROUTE, 0, (o) => {
      const r = (o.spec as { rules: { matches: { path: { value: string } }[] }[] }).rules[1];
      if (r?.matches[0]) r.matches[0].path.value = "/stock";
    });
    expect(out).toBe(ROUTE.replace("'/inventory'", "'/stock'"));
  });

  it("removes one backendRef by deleting its lines only", () => {
    const out = edit(ROUTE, 0, (o) => {
      const r = (o.spec as { rules: { backendRefs: unknown[] }[] }).rules[0];
      r?.backendRefs.splice(1, 1);
    });
    expect(out).toBe(ROUTE.replace("    - name: storefront-v2\n      port: 80\n      weight: 10\n", ""));
  });

  it("appends a rule and a key at the right indentation, in the file's sequence style", () => {
    const out = edit(ROUTE, 0, (o) => {
      const spec = o.spec as { rules: unknown[]; parentRefs?: unknown };
      spec.rules.push({ matches: [{ path: { type: "Exact", value: "/health" } }], backendRefs: [{ name: "health", port: 80 }] });
      spec.parentRefs = [{ name: "web-gateway" }];
    });
    expect(out.startsWith(ROUTE.slice(0, ROUTE.indexOf("---")))).toBe(true);
    expect(out.endsWith(ROUTE.slice(ROUTE.indexOf("---")))).toBe(true);
  });

  it("adds and removes metadata keys", () => {
    const out = edit(ROUTE, 0, (o) => {
      const m = o.metadata as Record<string, unknown>;
      delete m.namespace;
      m.labels = { team: "web" };
    });
    expect(out).toContain("  name: shop   # do not rename: dashboards link to it\n  labels:\n    team: web\nspec:");
  });

  it("edits the second document without touching the first", () => {
    const out = edit(ROUTE, 1, (o) => {
      (o.metadata as Record<string, unknown>).name = "shopfront";
    });
    expect(out.slice(0, ROUTE.indexOf("---"))).toBe(ROUTE.slice(0, ROUTE.indexOf("---")));
  });

  it("turns a scalar into a collection and back", () => {
    const src = "a: 1\nb:\n  - x\n  - y\nc: end\n";
    edit(src, 0, (o) => {
      o.a = { k: "v" };
      o.b = "none";
    });
  });
});

describe("spliceDocument on kubectl-style files", () => {
  it("appends to a non-indented sequence in the same style", () => {
    const src = "spec:\n  rules:\n  - backendRefs:\n    - name: a\n# trailing comment\n";
    const out = edit(src, 0, (o) => {
      (o.spec as { rules: unknown[] }).rules.push({ backendRefs: [{ name: "b" }] });
    });
    expect(out).toBe("spec:\n  rules:\n  - backendRefs:\n    - name: a\n  - backendRefs:\n    - name: b\n# trailing comment\n");
  });
});
