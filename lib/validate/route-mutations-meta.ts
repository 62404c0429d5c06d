// Metadata near-misses for the differential test: every rule of apimachinery's
// ValidateObjectMetaAccessor on both sides of its edge (label keys and values, annotation keys
// and the 256 KiB total, finalizers, generateName, ownerReferences), metadata of the wrong Go
// type, and the fields server-side apply refuses before validation (managedFields,
// resourceVersion). Names stay in place: Routeboard never sends an object without one.
import { each, str, type Json, type Mutation, type Obj } from "./route-parts.ts";

const meta = (route: Obj) => route.metadata as Obj;
const set = (field: string) => (route: Obj, v: Json) => void (meta(route)[field] = v);
const OWNER: Obj = { apiVersion: "v1", kind: "ConfigMap", name: "cm", uid: "u1" };
const owner = (x: Obj = {}): Obj => ({ ...OWNER, ...x });
const KIB256 = 256 * 1024;

const LABEL_KEYS = [
  "app",
  "example.com/tier",
  "a_b.c-d",
  "Bad Key",
  "a/b/c",
  "/a",
  "a/",
  "",
  "A.com/x",
  "-a",
  "a-",
  "é",
  "k8s.io/",
  str(63),
  str(64),
  `${str(253)}/x`,
  `${str(254)}/x`,
  `${str(63)}.com/${str(63)}`,
];
const LABEL_VALUES = ["", "v", "a.b_c-d", "bad value!", "-x", "x_", str(63), str(64), "é".repeat(31), "é".repeat(32)];

const labels: Mutation[] = [
  ...each("label key", LABEL_KEYS, (route, k) => void (meta(route).labels = { [String(k)]: "v" })),
  ...each("label value", LABEL_VALUES, (route, v) => void (meta(route).labels = { app: v })),
  ...each("label value typed", [1, 1.5, true, null, { a: 1 }, ["a", 2]], (route, v) => void (meta(route).labels = { app: v })),
  ...each("labels", ["x", null, [], {}], set("labels")),
  { name: "labels bad key and value", apply: (route) => void (meta(route).labels = { "a b": "c d", ok: "fine" }) },
];

const annotations: Mutation[] = [
  ...each(
    "annotation key",
    ["example.com/a", "A.COM/X", "Bad Key", "a/b/c", "", "x/", str(64)],
    (route, k) => void (meta(route).annotations = { [String(k)]: "anything: ☃" }),
  ),
  { name: "annotations at the limit", apply: (route) => void (meta(route).annotations = { x: str(KIB256 - 1) }) },
  { name: "annotations one byte over", apply: (route) => void (meta(route).annotations = { x: str(KIB256) }) },
  { name: "annotations over in two keys", apply: (route) => void (meta(route).annotations = { a: str(KIB256 / 2), b: str(KIB256 / 2) }) },
  { name: "annotations over in bytes, not characters", apply: (route) => void (meta(route).annotations = { x: "é".repeat(KIB256 / 2) }) },
  { name: "annotations bad key and over", apply: (route) => void (meta(route).annotations = { "Bad Key": str(KIB256) }) },
  ...each("annotation value typed", [1, false, null], (route, v) => void (meta(route).annotations = { a: v })),
  ...each("annotations", ["x", null], set("annotations")),
];

const finalizers: Mutation[] = each(
  "finalizers",
  [
    ["example.com/f"],
    ["a"],
    ["a.b"],
    ["kubernetes"],
    ["orphan"],
    ["orphan", "foregroundDeletion"],
    ["foregroundDeletion", "b", "a", "b"],
    ["bad name"],
    [""],
    ["x/y/z"],
    ["a", "a"],
    ["example.com/f", "example.com/f"],
    [1],
    [null],
    [["a"]],
    [{ a: 1 }],
    [null, 5],
    "x",
    null,
    [],
  ],
  set("finalizers"),
);

const generateName: Mutation[] = each(
  "generateName",
  ["abc-", "Bad", "a-", "ab.-", "a-.-", "a..-", `${str(253)}-`, `${str(254)}-`, "-", "a", "", "é-", "aé-", 5],
  set("generateName"),
);

const ownerReferences: Mutation[] = [
  ...each(
    "ownerReferences",
    [
      [owner()],
      [owner({ controller: true, blockOwnerDeletion: true })],
      [{ kind: "ConfigMap", name: "cm", uid: "u" }],
      [{ apiVersion: "v1", name: "cm", uid: "u" }],
      [{ apiVersion: "v1", kind: "ConfigMap", uid: "u" }],
      [{ apiVersion: "v1", kind: "ConfigMap", name: "cm" }],
      [owner({ apiVersion: "", kind: "", name: "", uid: "" })],
      [owner({ apiVersion: "a/b/c" })],
      [owner({ apiVersion: "g/" })],
      [owner({ apiVersion: "/v1" })],
      [owner({ apiVersion: "apps/v1", kind: "Deployment" })],
      [owner({ kind: "Event" })],
      [owner({ apiVersion: "events.k8s.io/v1", kind: "Event" })],
      [owner({ controller: true }), owner({ uid: "u2", name: "b", controller: true })],
      [owner({ controller: true }), owner({ uid: "u2", name: "b", controller: true }), owner({ uid: "u3", kind: "X", name: "c", controller: true })],
      [owner({ controller: true }), owner({ uid: "u2", controller: false })],
      [owner(), owner({ name: "b" })],
      [
        { apiVersion: "v1", kind: "A", name: "a" },
        { apiVersion: "v1", kind: "B", name: "b" },
      ],
      [owner({ foo: 1 })],
      [owner({ controller: "true" })],
      [owner({ controller: 1 })],
      [owner({ blockOwnerDeletion: "x" })],
      [null],
      ["x"],
      {},
      null,
      [],
    ],
    set("ownerReferences"),
  ),
];

const requestMeta: Mutation[] = [
  ...each("resourceVersion", ["1", "007", "0", "", "abc", "+1", "-1", "18446744073709551615", "18446744073709551616", 5], set("resourceVersion")),
  ...each("managedFields", [null, [], [{ manager: "x", operation: "Apply" }], "x"], set("managedFields")),
  ...each("generation", [-1, 5, "5", 1.5, true], set("generation")),
  ...each(
    "creationTimestamp",
    ["2020-01-01T00:00:00Z", "bad", "", "2020-13-01T00:00:00Z", "2020-02-30T00:00:00Z", "2020-01-01T00:00:00", "2020-01-01T1:00:00Z", 5, null],
    set("creationTimestamp"),
  ),
  ...each("deletionTimestamp", ["2020-01-01T00:00:00Z", "bad"], set("deletionTimestamp")),
  ...each("deletionGracePeriodSeconds", [5, 2.5, "5"], set("deletionGracePeriodSeconds")),
  ...each("selfLink", ["/x", 1], set("selfLink")),
  { name: "namespace removed", apply: (route) => void delete meta(route).namespace },
  ...each("namespace", ["", 5], set("namespace")),
  { name: "name number", apply: (route) => void (meta(route).name = 5) },
  ...each("metadata", ["x", []], (route, v) => void (route.metadata = v)),
];

const unknownMeta: Mutation[] = [
  { name: "unknown metadata field", apply: (route) => void (meta(route).foo = 1) },
  { name: "metadata field in wrong case", apply: (route) => void (meta(route).Labels = { a: "b" }) },
  { name: "unknown metadata field null", apply: (route) => void (meta(route).foo = null) },
  { name: "unknown metadata field and bad label", apply: (route) => void Object.assign(meta(route), { foo: 1, labels: { "a b": "c" } }) },
  { name: "unknown managedFields entry field", apply: (route) => void (meta(route).managedFields = [{ manager: "x", bogus: 1 }]) },
];

export const META_MUTATIONS: readonly Mutation[] = [
  ...labels,
  ...annotations,
  ...finalizers,
  ...generateName,
  ...ownerReferences,
  ...requestMeta,
  ...unknownMeta,
];
