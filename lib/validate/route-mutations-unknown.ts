// Undeclared fields and list keys for the differential test: at the root, in spec at every depth,
// in status (which a create drops but server-side apply types), several in one map (the server
// names one of them, in Go's random map order), and list-type map and set elements that yield
// no key.
import { firstBackend, firstMatch, rule0, spec, type Json, type Mutation, type Obj } from "./route-parts.ts";

const RHM = (requestHeaderModifier: Obj): Obj => ({ type: "RequestHeaderModifier", requestHeaderModifier });

export const UNKNOWN_MUTATIONS: readonly Mutation[] = [
  { name: "unknown root field", apply: (route) => void (route.foo = 1) },
  { name: "unknown root field null", apply: (route) => void (route.foo = null) },
  { name: "unknown path field", apply: (route) => void ((firstMatch(route).path as Obj).zz = "x") },
  { name: "unknown backend field", apply: (route) => void (firstBackend(route).fooBar = [1]) },
  { name: "unknown parentRef field", apply: (route) => void (spec(route).parentRefs = [{ name: "gw", qq: true }]) },
  { name: "unknown filter field", apply: (route) => void (rule0(route).filters = [RHM({ set: [{ name: "a", value: "b" }], zz: 1 })]) },
  { name: "unknown header match field", apply: (route) => void (firstMatch(route).headers = [{ name: "x", value: "v", foo: 1 }]) },
  { name: "two unknown spec fields", apply: (route) => void Object.assign(spec(route), { foo: 1, bar: { x: 1 } }) },
  { name: "unknown spec field and bad port", apply: (route) => void Object.assign(spec(route), { foo: 1, parentRefs: [{ name: "gw", port: "80" }] }) },
  {
    name: "unknown rule field and deep unknown",
    apply: (route) => void Object.assign(rule0(route), { zz: 1, matches: [{ path: { type: "Exact", value: "/a", yy: 2 } }] }),
  },
  { name: "unknown status field", apply: (route) => void (route.status = { foo: 1 }) },
  { name: "status empty parents", apply: (route) => void (route.status = { parents: [] }) },
  {
    name: "status valid parent",
    apply: (route) =>
      void (route.status = {
        parents: [
          {
            parentRef: { name: "gw" },
            controllerName: "example.com/gateway",
            conditions: [
              { type: "Accepted", status: "True", reason: "Accepted", message: "", lastTransitionTime: "2020-01-01T00:00:00Z", observedGeneration: 1 },
            ],
          },
        ],
      }),
  },
  { name: "status parents string", apply: (route) => void (route.status = { parents: "x" }) },
  { name: "status string", apply: (route) => void (route.status = "x") },
  { name: "header match without name", apply: (route) => void (firstMatch(route).headers = [{ value: "v" }]) },
  { name: "header match null", apply: (route) => void (firstMatch(route).headers = [null]) },
  { name: "header match string", apply: (route) => void (firstMatch(route).headers = ["x"]) },
  { name: "header unknown then keyless", apply: (route) => void (firstMatch(route).headers = [{ name: "x", value: "v", foo: 1 }, { value: "v" }]) },
  { name: "header keyless then unknown", apply: (route) => void (firstMatch(route).headers = [{ value: "v" }, { name: "x", value: "v", foo: 1 }]) },
  ...([[{ a: 1 }], [null], [1, 1], [["a"]]] as Json[][]).map((remove) => ({
    name: `RHM remove ${JSON.stringify(remove)}`,
    apply: (route: Obj) => void (rule0(route).filters = [RHM({ remove })]),
  })),
];
