// How the request carries the object: server-side apply (the default) against a create, with the
// words kube-apiserver v1.36.3 used for the same objects.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gatewayApiCrdFiles } from "@/e2e/cluster/crds.ts";
import { goTimeParseError } from "./go-time.ts";
import { checkHTTPRoute, type CustomResourceDefinition, type ValidateOptions } from "./index.ts";

let crd: CustomResourceDefinition;
beforeAll(() => {
  const file = gatewayApiCrdFiles("v1.6.3").find((f) => f.endsWith("_httproutes.yaml"));
  crd = parse(readFileSync(file ?? "", "utf8")) as CustomResourceDefinition;
});

type Obj = Record<string, unknown>;
const route = (extra: (r: Obj & { metadata: Obj; spec: Obj }) => void) => {
  const r = {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { name: "r", namespace: "default" } as Obj,
    spec: { rules: [{ backendRefs: [{ name: "s", port: 80 }] }] } as Obj,
  };
  extra(r);
  return r;
};
const say = (r: unknown, opts: ValidateOptions = {}) => {
  const { errors, warnings } = checkHTTPRoute(r, crd, opts);
  return { errors: errors.map((e) => `${e.path}: ${e.message} (${e.reason})`), warnings: warnings.map((w) => w.message) };
};

describe("fields the schema does not declare", () => {
  const unknown = route((r) => {
    r.spec.fooBar = 1;
    r.metadata.foo = 1;
    r.status = { parents: [{ bad: true }] };
  });

  it("server-side apply refuses them, in metadata and status too", () => {
    expect(say(unknown).errors).toEqual([
      "metadata.foo: field not declared in schema (InternalError)",
      "spec.fooBar: field not declared in schema (InternalError)",
      "status.parents[0].bad: field not declared in schema (InternalError)",
    ]);
  });

  it("a create prunes them and warns", () => {
    expect(say(unknown, { request: "create" })).toEqual({
      errors: [],
      warnings: ['unknown field "metadata.foo"', 'unknown field "spec.fooBar"', 'unknown field "status.parents[0].bad"'],
    });
  });
});

describe("server-side apply's typed patch", () => {
  it("refuses types, keyless and duplicate list entries, before any validation", () => {
    const r = route((x) => {
      x.metadata.labels = { x: 1 };
      x.metadata.finalizers = ["a", "a"];
      x.metadata.ownerReferences = [{ apiVersion: "v1", kind: "A", name: "a", foo: 1 }];
      x.spec = { hostnames: "a", parentRefs: [{ name: "gw", port: "80" }], rules: [{ matches: [{ headers: [{ value: "v" }] }] }] };
    });
    expect(say(r).errors).toEqual([
      "metadata.labels.x: expected string, got &value.valueUnstructured{Value:1} (InternalError)",
      'metadata.finalizers: duplicate entries for key [="a"] (InternalError)',
      "metadata.ownerReferences[0].foo: field not declared in schema (InternalError)",
      "spec.hostnames: expected list, got &{a} (InternalError)",
      "spec.parentRefs[0].port: expected numeric (int or float), got string (InternalError)",
      `spec.rules[0].matches[0].headers: element 0: associative list with keys has an element that omits all key fields ["name"] (and doesn't have default values for any key fields) (InternalError)`,
    ]);
  });

  it("refuses managedFields first, then a resourceVersion that is no uint64", () => {
    expect(say(route((r) => Object.assign(r.metadata, { managedFields: [], foo: 1 }))).errors).toEqual([
      "metadata.managedFields: metadata.managedFields must be nil (BadRequest)",
    ]);
    expect(say(route((r) => void (r.metadata.resourceVersion = "+1"))).errors).toEqual([
      'metadata.resourceVersion: strconv.ParseUint: parsing "+1": invalid syntax (InternalError)',
    ]);
    expect(say(route((r) => void (r.metadata.resourceVersion = "18446744073709551616"))).errors[0]).toContain("value out of range");
    expect(say(route((r) => void (r.metadata.resourceVersion = "007"))).errors).toEqual([]);
  });

  it("keeps a null it would not default, where a create drops it", () => {
    const r = route((x) => void ((x as Obj).spec = null));
    expect(say(r).errors[0]).toBe(`spec: Invalid value: "null": spec in body must be of type object: "null" (FieldValueTypeInvalid)`);
    expect(say(r, { request: "create" }).errors[0]).toBe("spec: Required value (FieldValueRequired)");
  });

  it("lets a date-time string hold any scalar", () => {
    expect(say(route((r) => void (r.metadata.creationTimestamp = 5))).errors).toEqual([]);
  });
});

describe("a create decodes metadata into ObjectMeta", () => {
  it("fails on the first value of the wrong Go type, in key order", () => {
    const r = route((x) => Object.assign(x.metadata, { labels: { x: 1 }, finalizers: "x", foo: 1 }));
    expect(say(r, { request: "create" })).toEqual({
      errors: ["metadata.finalizers: json: cannot unmarshal string into Go struct field ObjectMeta.finalizers of type []string (BadRequest)"],
      warnings: [],
    });
    const owner = route((x) => void (x.metadata.ownerReferences = [{ apiVersion: "v1", kind: "A", name: "a", uid: "u", controller: 1 }]));
    expect(say(owner, { request: "create" }).errors).toEqual([
      "metadata.ownerReferences[0].controller: json: cannot unmarshal number into Go struct field OwnerReference.ownerReferences.controller of type bool (BadRequest)",
    ]);
    expect(
      say(
        route((x) => void (x.metadata.generation = 1e30)),
        { request: "create" },
      ).errors[0],
    ).toContain("cannot unmarshal number 1e+30 into Go struct field ObjectMeta.generation of type int64");
  });

  it("stops at a time that does not parse, whatever came before", () => {
    const r = route((x) => Object.assign(x.metadata, { annotations: { x: 1 }, creationTimestamp: "bad" }));
    expect(say(r, { request: "create" }).errors).toEqual([
      'metadata.creationTimestamp: parsing time "bad" as "2006-01-02T15:04:05Z07:00": cannot parse "bad" as "2006" (BadRequest)',
    ]);
  });
});

describe("goTimeParseError", () => {
  it("speaks time.Parse's words", () => {
    const cases: [string, string | undefined][] = [
      ["2020-01-01T00:00:00Z", undefined],
      ["2020-01-01T1:00:00Z", undefined],
      ["2020-01-01T00:00:00,5+01:00", undefined],
      ["", `parsing time "" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "2006"`],
      ["2020-13-01T00:00:00Z", `parsing time "2020-13-01T00:00:00Z": month out of range`],
      ["2020-02-30T00:00:00Z", `parsing time "2020-02-30T00:00:00Z": day out of range`],
      ["2020-01-01T00:00:00", `parsing time "2020-01-01T00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"`],
      ["2020-01-01t00:00:00z", `parsing time "2020-01-01t00:00:00z" as "2006-01-02T15:04:05Z07:00": cannot parse "t00:00:00z" as "T"`],
      ["2020-1-01T00:00:00Z", `parsing time "2020-1-01T00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse "1-01T00:00:00Z" as "01"`],
      ["2020-01-01T00:00:00.Z", `parsing time "2020-01-01T00:00:00.Z" as "2006-01-02T15:04:05Z07:00": cannot parse ".Z" as "Z07:00"`],
      ["2020-01-01T24:00:00Z", `parsing time "2020-01-01T24:00:00Z": hour out of range`],
      ["2020-01-01T00:00:00+25:00", `parsing time "2020-01-01T00:00:00+25:00": time zone offset hour out of range`],
      ["2020-01-01T00:00:00Zx", `parsing time "2020-01-01T00:00:00Zx": extra text: "x"`],
    ];
    for (const [v, want] of cases) expect(goTimeParseError(v)).toBe(want);
  });
});
