import { describe, expect, it } from "vitest";
import { parseManifests } from "./parse";
import { objectsOfKind } from "./filter";

const route = (name: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}
  namespace: default
spec:
  hostnames: [example.com]
`;

describe("parseManifests", () => {
  it("loads every document of a stream with its document index and start line", () => {
    const r = parseManifests(`${route("a")}---\n${route("b")}`);
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => [o.doc, o.line, o.object.metadata.name])).toEqual([
      [0, 1, "a"],
      [1, 9, "b"],
    ]);
  });

  it("reports a syntax error with its line and column and still loads the documents around it", () => {
    const text = `${route("a")}---\nkind: HTTPRoute\nmetadata: {name: [\n---\n${route("c")}`;
    const r = parseManifests(text);
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(["a", "c"]);
    expect(r.errors.length).toBeGreaterThanOrEqual(1);
    expect(r.errors.every((e) => e.doc === 1 && e.line >= 10 && e.line <= 12)).toBe(true);
    expect(r.errors[0]!.column).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ["a scalar document", "just a string\n", /expected a Kubernetes object.*the string "just a string"/],
    ["a sequence document", "- a\n- b\n", /got a sequence/],
    ["missing apiVersion", "kind: Service\nmetadata: {name: x}\n", /Service is missing apiVersion/],
    ["missing kind", "apiVersion: v1\nmetadata: {name: x}\n", /object is missing kind/],
    ["missing metadata.name", "apiVersion: v1\nkind: Service\nmetadata: {namespace: x}\n", /missing metadata\.name/],
    ["metadata not a mapping", "apiVersion: v1\nkind: Service\nmetadata: 3\n", /missing metadata\.name/],
    ["a duplicate key", "apiVersion: v1\nkind: Service\nkind: Pod\nmetadata: {name: x}\n", /unique/i],
  ])("gives a clear error for %s, at the right line", (_name, text, message) => {
    const r = parseManifests(`${route("ok")}---\n${text}`);
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(["ok"]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(message);
    expect(r.errors[0]!.doc).toBe(1);
    expect(r.errors[0]!.line).toBeGreaterThanOrEqual(9);
  });

  it("skips empty documents like kubectl does", () => {
    const r = parseManifests(`---\n# only a comment\n---\n${route("a")}---\n`);
    expect(r.errors).toEqual([]);
    expect(r.objects).toHaveLength(1);
  });

  it("expands a `kubectl get -o yaml` List, locating each item, and reports a bad item alone", () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: one}
- apiVersion: v1
  kind: Service
  metadata: {}
- apiVersion: serving.knative.dev/v1
  kind: Service
  metadata: {name: hello}
`;
    const r = parseManifests(text);
    expect(r.objects.map((o) => [o.line, o.object.metadata.name])).toEqual([
      [4, "one"],
      [10, "hello"],
    ]);
    expect(r.errors).toEqual([{ doc: 0, line: 7, column: 3, message: "Document 1: items[1]: Service is missing metadata.name" }]);
  });

  it("fills kind and apiVersion of a typed list's items from the list", () => {
    const r = parseManifests("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRouteList\nitems:\n- metadata: {name: r}\n  spec: {}\n");
    expect(r.errors).toEqual([]);
    expect(r.objects[0]!.object).toMatchObject({ apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute" });
  });

  it("keeps other kinds; callers pick theirs with objectsOfKind", () => {
    const text = `${route("r")}---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\napiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: k}\n`;
    const r = parseManifests(text);
    expect(r.objects).toHaveLength(3);
    expect(objectsOfKind(r.objects, "HTTPRoute").map((o) => o.object.metadata.name)).toEqual(["r"]);
    expect(objectsOfKind(r.objects, "Service", "").map((o) => o.object.metadata.name)).toEqual(["s"]);
    expect(objectsOfKind(r.objects, "Service", "serving.knative.dev").map((o) => o.object.metadata.name)).toEqual(["k"]);
  });

  it("reads YAML 1.1 booleans as kubectl does, unless asked for 1.2", () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: on}\n";
    expect(parseManifests(text).objects[0]!.object.data).toEqual({ a: true });
    expect(parseManifests(text, { version: "1.2" }).objects[0]!.object.data).toEqual({ a: "on" });
  });

  it("refuses a billion-laughs alias bomb with an error instead of hanging", () => {
    const bomb = ["apiVersion: v1", "kind: ConfigMap", "metadata: {name: x}", "a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${"b".repeat(i + 1)}: &${"b".repeat(i + 1)} [${Array(9)
          .fill(`*${i === 0 ? "a" : "b".repeat(i)}`)
          .join(", ")}]`,
      );
    const r = parseManifests(bomb.join("\n") + "\n");
    expect(r.objects).toEqual([]);
    expect(r.errors[0]!.message).toMatch(/alias/i);
  });

  it("rejects input over the size limit with a clear message before parsing", () => {
    const r = parseManifests(route("a").repeat(10), { maxBytes: 100 });
    expect(r.objects).toEqual([]);
    expect(r.errors).toEqual([{ line: 1, column: 1, message: expect.stringMatching(/too large: more than 100 B/) }]);
  });

  it("counts the limit in UTF-8 bytes, not characters", () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "${"é".repeat(40)}"}\n`;
    expect(text.length).toBeLessThan(120);
    expect(parseManifests(text, { maxBytes: 120 }).errors[0]!.message).toMatch(/too large/);
    expect(parseManifests(text, { maxBytes: 200 }).errors).toEqual([]);
  });

  it("loads a 10 MB file under the default 10 MiB limit, and refuses one just over it", () => {
    const one = route("r-0000000");
    const count = Math.floor(10_000_000 / (one.length + 4));
    const big = Array.from({ length: count }, (_, i) => route(`r-${String(i).padStart(7, "0")}`)).join("---\n");
    expect(big.length).toBeLessThanOrEqual(10_000_000);
    expect(big.length).toBeGreaterThan(9_900_000);
    const r = parseManifests(big);
    expect(r.errors).toEqual([]);
    expect(r.objects).toHaveLength(count);
    const over = parseManifests(big + " ".repeat(10 * 1024 * 1024 - big.length + 1));
    expect(over.errors[0]!.message).toMatch(/too large: more than 10 MiB/);
    // Parsing 10 MB takes seconds, and minutes on a loaded shared machine: a timeout, not a speed check.
  }, 600_000);
});
