// The near-miss catalog for the differential test: each mutation pushes one part of a route to
// one side of a limit, pattern, enum or CEL rule. Valid and invalid neighbours sit side by side
// (64 vs 65 matches, weight 1000000 vs 1000001, ...), so the validator must find the exact edge.
import { FILTER_MUTATIONS } from "./route-mutations-filters.ts";
import { META_MUTATIONS } from "./route-mutations-meta.ts";
import { UNKNOWN_MUTATIONS } from "./route-mutations-unknown.ts";
import { each, firstBackend, firstMatch, rule0, spec, str, times, type Json, type Mutation, type Obj } from "./route-parts.ts";

const PATHS = [
  "/",
  "/a",
  "/a/b/",
  "/%20x",
  "/a.b",
  "/~user",
  "/a/..b",
  "/a..",
  "/a/...",
  "/@x:y",
  "a",
  "",
  "/a//b",
  "/a/./b",
  "/a/../b",
  "/a%2fb",
  "/a%2Fb",
  "/a#b",
  "/a/..",
  "/a/.",
  "/a b",
  "/a?b",
  "/a%zz",
  "/é",
  "/" + str(1023),
  "/" + str(1024),
];

const pathMutations: Mutation[] = [
  ...PATHS.flatMap((v) =>
    ["Exact", "PathPrefix", "RegularExpression"].map((type) => ({
      name: `path ${type} ${JSON.stringify(v).slice(0, 16)}`,
      apply: (route: Obj) => void (firstMatch(route).path = { type, value: v }),
    })),
  ),
  ...each("path.type", ["Prefix", "exact", ""], (route, v) => void (firstMatch(route).path = { type: v, value: "/a" })),
  { name: "path type only", apply: (route) => void (firstMatch(route).path = { type: "Exact" }) },
  { name: "path value only", apply: (route) => void (firstMatch(route).path = { value: "/x" }) },
  { name: "empty match", apply: (route) => void ((rule0(route).matches as Obj[])[0] = {}) },
  { name: "no matches", apply: (route) => void delete rule0(route).matches },
];

const limitMutations: Mutation[] = [
  ...[16, 17].map((n) => ({
    name: `${n} rules`,
    apply: (route: Obj) => void (spec(route).rules = times(n, (i) => ({ matches: [{ path: { type: "PathPrefix", value: `/r${i}` } }] }))),
  })),
  { name: "0 rules", apply: (route) => void (spec(route).rules = []) },
  { name: "no rules", apply: (route) => void delete spec(route).rules },
  ...[8, 9, 64, 65].map((n) => ({
    name: `${n} matches`,
    apply: (route: Obj) => void (rule0(route).matches = times(n, (i) => ({ path: { type: "Exact", value: `/m${i}` } }))),
  })),
  ...[128, 129].map((n) => ({
    name: `${n} matches in all`,
    apply: (route: Obj) =>
      void (spec(route).rules = [64, 64, n - 128]
        .filter((k) => k > 0)
        .map((k, j) => ({ matches: times(k, (i) => ({ path: { type: "Exact", value: `/t${j}/${i}` } })) }))),
  })),
  ...[16, 17].map((n) => ({ name: `${n} hostnames`, apply: (route: Obj) => void (spec(route).hostnames = times(n, (i) => `h${i}.example.com`)) })),
  ...[32, 33].map((n) => ({ name: `${n} parentRefs`, apply: (route: Obj) => void (spec(route).parentRefs = times(n, (i) => ({ name: `gw${i}` }))) })),
  ...[16, 17].map((n) => ({
    name: `${n} backendRefs`,
    apply: (route: Obj) => void (rule0(route).backendRefs = times(n, (i) => ({ name: `b${i}`, port: 80 }))),
  })),
  ...[16, 17].map((n) => ({
    name: `${n} header matches`,
    apply: (route: Obj) => void (firstMatch(route).headers = times(n, (i) => ({ name: `h${i}`, value: "v" }))),
  })),
  ...[16, 17].map((n) => ({
    name: `${n} query matches`,
    apply: (route: Obj) => void (firstMatch(route).queryParams = times(n, (i) => ({ name: `q${i}`, value: "v" }))),
  })),
];

const HOSTNAMES = [
  "a.example.com",
  "*.example.com",
  "x",
  "1.2.3.4",
  "xn--bcher-kva.example",
  "Foo.com",
  "a_b.com",
  "*.*.x",
  "a..b",
  "-a.com",
  "a-.com",
  "*",
  "a.example.com.",
  "*foo.com",
  "",
  str(253),
  str(254),
  `${str(63)}.com`,
  `${str(64)}.com`,
  "ä.com",
];

const hostnameMutations: Mutation[] = [
  ...each("hostname", HOSTNAMES, (route, v) => void (spec(route).hostnames = [v])),
  { name: "duplicate hostnames", apply: (route) => void (spec(route).hostnames = ["a.com", "a.com"]) },
  { name: "hostnames string", apply: (route) => void (spec(route).hostnames = "a.com") },
  { name: "hostname null item", apply: (route) => void (spec(route).hostnames = [null]) },
];

const parentMutations: Mutation[] = [
  ...each("parent.port", [0, 1, 65535, 65536, -1, "80"], (route, v) => void (spec(route).parentRefs = [{ name: "gw", port: v }])),
  ...each("parent.name", ["", str(253), str(254), "GW"], (route, v) => void (spec(route).parentRefs = [{ name: v }])),
  ...each("parent.namespace", ["infra", "Bad_NS", "", str(63), str(64)], (route, v) => void (spec(route).parentRefs = [{ name: "gw", namespace: v }])),
  ...each("parent.sectionName", ["https", "Bad Name", "", str(253), str(254)], (route, v) => void (spec(route).parentRefs = [{ name: "gw", sectionName: v }])),
  ...each("parent.kind", ["Gateway", "", "ListenerSet", "9bad"], (route, v) => void (spec(route).parentRefs = [{ name: "gw", kind: v }])),
  ...each("parent.group", ["", "gateway.networking.k8s.io", "Bad_Group"], (route, v) => void (spec(route).parentRefs = [{ name: "gw", group: v }])),
  { name: "parent missing name", apply: (route) => void (spec(route).parentRefs = [{ namespace: "x" }]) },
  { name: "same parent twice", apply: (route) => void (spec(route).parentRefs = [{ name: "gw" }, { name: "gw" }]) },
  {
    name: "same parent two sections",
    apply: (route) =>
      void (spec(route).parentRefs = [
        { name: "gw", sectionName: "a" },
        { name: "gw", sectionName: "b" },
      ]),
  },
  { name: "same parent one section", apply: (route) => void (spec(route).parentRefs = [{ name: "gw", sectionName: "a" }, { name: "gw" }]) },
  {
    name: "same parent same section",
    apply: (route) =>
      void (spec(route).parentRefs = [
        { name: "gw", sectionName: "a" },
        { name: "gw", sectionName: "a" },
      ]),
  },
  {
    name: "same name other ns",
    apply: (route) =>
      void (spec(route).parentRefs = [
        { name: "gw", namespace: "a" },
        { name: "gw", namespace: "b" },
      ]),
  },
  { name: "ns empty vs unset", apply: (route) => void (spec(route).parentRefs = [{ name: "gw", namespace: "" }, { name: "gw" }]) },
  { name: "no parentRefs", apply: (route) => void delete spec(route).parentRefs },
];

const backendMutations: Mutation[] = [
  ...each("weight", [-1, 0, 1, 1000000, 1000001, 1.5, "1", 2147483648], (route, v) => void (firstBackend(route).weight = v)),
  ...each("backend.port", [0, 1, 65535, 65536, "80", true, {}], (route, v) => void (firstBackend(route).port = v)),
  ...each("backend.name", ["", str(253), str(254), 5], (route, v) => void (firstBackend(route).name = v)),
  ...each("backend.namespace", ["other", "Bad_NS", ""], (route, v) => void (firstBackend(route).namespace = v)),
  { name: "service without port", apply: (route) => void delete firstBackend(route).port },
  { name: "explicit Service without port", apply: (route) => void (rule0(route).backendRefs = [{ group: "", kind: "Service", name: "s" }]) },
  { name: "other kind without port", apply: (route) => void (rule0(route).backendRefs = [{ group: "example.com", kind: "Bucket", name: "s" }]) },
  { name: "core kind Foo without port", apply: (route) => void (rule0(route).backendRefs = [{ kind: "Foo", name: "s" }]) },
  ...each("backend.kind", ["", "bad kind", str(63), str(64)], (route, v) => void (firstBackend(route).kind = v)),
  ...each("backend.group", ["Bad_Group", str(253), str(254)], (route, v) => void (firstBackend(route).group = v)),
  { name: "backend missing name", apply: (route) => void (rule0(route).backendRefs = [{ port: 80 }]) },
  { name: "no backendRefs", apply: (route) => void delete rule0(route).backendRefs },
];

const matchMutations: Mutation[] = [
  ...each(
    "header.name",
    ["x-a", "bad header", "", ":authority", str(256), str(257)],
    (route, v) => void (firstMatch(route).headers = [{ name: v, value: "v" }]),
  ),
  ...each("header.type", ["Exact", "RegularExpression", "Prefix"], (route, v) => void (firstMatch(route).headers = [{ name: "x", type: v, value: "v" }])),
  ...each("header.value", ["", str(4096), str(4097)], (route, v) => void (firstMatch(route).headers = [{ name: "x", value: v }])),
  {
    name: "duplicate header match",
    apply: (route) =>
      void (firstMatch(route).headers = [
        { name: "x", value: "1" },
        { name: "x", value: "2" },
      ]),
  },
  {
    name: "header case differs",
    apply: (route) =>
      void (firstMatch(route).headers = [
        { name: "X", value: "1" },
        { name: "x", value: "2" },
      ]),
  },
  { name: "header missing value", apply: (route) => void (firstMatch(route).headers = [{ name: "x" }]) },
  ...each("query.name", ["q", "bad q", "", str(256), str(257)], (route, v) => void (firstMatch(route).queryParams = [{ name: v, value: "v" }])),
  {
    name: "duplicate query match",
    apply: (route) =>
      void (firstMatch(route).queryParams = [
        { name: "q", value: "1" },
        { name: "q", value: "2" },
      ]),
  },
  ...each("method", ["GET", "PATCH", "CONNECT", "get", "FOO"], (route, v) => void (firstMatch(route).method = v)),
];

const timeoutMutations: Mutation[] = [
  ...(
    [
      ["1s", "2s"],
      ["2s", "1s"],
      ["0s", "10s"],
      ["10s", "10s"],
      ["1h", "59m"],
      ["1m", "61s"],
      ["1d", "1s"],
      ["1.5s", "1s"],
      ["100000s", "1s"],
      ["1h1m1s1ms", "1s"],
      ["1h1m1s1ms1h", "1s"],
      ["abc", "1s"],
      ["500ms", "1s"],
    ] as const
  ).map(([request, backendRequest]) => ({
    name: `timeouts ${request}/${backendRequest}`,
    apply: (route: Obj) => void (rule0(route).timeouts = { request, backendRequest }),
  })),
  ...each("timeouts.request only", ["5s", "0s", "5x"], (route, v) => void (rule0(route).timeouts = { request: v })),
];

const otherMutations: Mutation[] = [
  ...each("rule.name", ["main", "Bad Name", "", str(253), str(254)], (route, v) => void (rule0(route).name = v)),
  { name: "unknown spec field", apply: (route) => void (spec(route).fooBar = 1) },
  { name: "unknown rule field", apply: (route) => void (rule0(route).fooBar = { x: 1 }) },
  { name: "rules object", apply: (route) => void (spec(route).rules = { a: 1 }) },
  { name: "rule null", apply: (route) => void (spec(route).rules = [null]) },
  { name: "match string", apply: (route) => void ((rule0(route).matches as Json[])[0] = "x") },
  { name: "spec null", apply: (route) => void (route.spec = null) },
  { name: "status present", apply: (route) => void (route.status = { parents: [{ bad: true }] }) },
  ...each("metadata.name", ["Bad_Name", "ok.name", str(253), str(254)], (route, v) => void ((route.metadata as Obj).name = v)),
];

export const MUTATIONS: readonly Mutation[] = [
  ...pathMutations,
  ...limitMutations,
  ...hostnameMutations,
  ...parentMutations,
  ...backendMutations,
  ...matchMutations,
  ...timeoutMutations,
  ...otherMutations,
  ...FILTER_MUTATIONS,
  ...META_MUTATIONS,
  ...UNKNOWN_MUTATIONS,
];
