// Filter near-misses: duplicated filter types, type/field mismatches, redirect vs backendRefs,
// replacePrefixMatch with the wrong matches, header modifier limits, and filters that exist in
// one Gateway API version and not another (CORS, mirror fractions, more redirect codes).
import { each, firstBackend, firstMatch, rule0, str, times, type Json, type Mutation, type Obj } from "./route-parts.ts";

const RHM = (set: Json = [{ name: "x-a", value: "1" }]): Obj => ({ type: "RequestHeaderModifier", requestHeaderModifier: { set } });
const RESP = (): Obj => ({ type: "ResponseHeaderModifier", responseHeaderModifier: { add: [{ name: "x-b", value: "2" }] } });
const REDIRECT = (requestRedirect: Obj = { scheme: "https" }): Obj => ({ type: "RequestRedirect", requestRedirect });
const REWRITE = (urlRewrite: Obj = { hostname: "a.example.com" }): Obj => ({ type: "URLRewrite", urlRewrite });
const MIRROR = (requestMirror: Obj = { backendRef: { name: "m", port: 80 } }): Obj => ({ type: "RequestMirror", requestMirror });
const CORS = (cors: Obj = { allowOrigins: ["https://a.example.com"] }): Obj => ({ type: "CORS", cors });

const setFilters =
  (filters: Json[], dropBackends = false) =>
  (route: Obj) => {
    rule0(route).filters = filters;
    if (dropBackends) delete rule0(route).backendRefs;
  };
const onBackend = (filters: Json[]) => (route: Obj) => void (firstBackend(route).filters = filters);
const onlyMatch = (type: string) => (route: Obj) => void (rule0(route).matches = [{ path: { type, value: "/p" } }]);

const prefixRewrite = (kind: "redirect" | "rewrite", path: Obj): Obj => (kind === "redirect" ? REDIRECT({ path }) : REWRITE({ path }));

const replacePrefix: Mutation[] = (["redirect", "rewrite"] as const).flatMap((kind) => [
  ...(["PathPrefix", "Exact", "RegularExpression"] as const).map((t) => ({
    name: `${kind} replacePrefixMatch with one ${t}`,
    apply: (route: Obj) => {
      onlyMatch(t)(route);
      setFilters([prefixRewrite(kind, { type: "ReplacePrefixMatch", replacePrefixMatch: "/x" })], kind === "redirect")(route);
    },
  })),
  {
    name: `${kind} replacePrefixMatch with two matches`,
    apply: (route: Obj) => {
      rule0(route).matches = [{ path: { type: "PathPrefix", value: "/a" } }, { path: { type: "PathPrefix", value: "/b" } }];
      setFilters([prefixRewrite(kind, { type: "ReplacePrefixMatch", replacePrefixMatch: "/x" })], kind === "redirect")(route);
    },
  },
  {
    name: `${kind} replacePrefixMatch default match`,
    apply: (route: Obj) => {
      delete rule0(route).matches;
      setFilters([prefixRewrite(kind, { type: "ReplacePrefixMatch", replacePrefixMatch: "/x" })], kind === "redirect")(route);
    },
  },
  {
    name: `${kind} replacePrefixMatch on backend filter with Exact`,
    apply: (route: Obj) => {
      onlyMatch("Exact")(route);
      if (kind === "rewrite") onBackend([prefixRewrite(kind, { type: "ReplacePrefixMatch", replacePrefixMatch: "/x" })])(route);
      else onBackend([prefixRewrite(kind, { type: "ReplacePrefixMatch", replacePrefixMatch: "/x" })])(route);
    },
  },
  ...(
    [
      { type: "ReplaceFullPath", replaceFullPath: "/full" },
      { type: "ReplaceFullPath" },
      { type: "ReplacePrefixMatch" },
      { type: "ReplaceFullPath", replacePrefixMatch: "/x" },
      { type: "ReplacePrefixMatch", replaceFullPath: "/x" },
      { type: "Bogus", replaceFullPath: "/x" },
      { type: "ReplaceFullPath", replaceFullPath: str(1025, "/") },
    ] as Obj[]
  ).map((path) => ({
    name: `${kind} path ${JSON.stringify(path).slice(0, 40)}`,
    apply: setFilters([prefixRewrite(kind, path)], kind === "redirect"),
  })),
]);

export const FILTER_MUTATIONS: readonly Mutation[] = [
  { name: "RHM once", apply: setFilters([RHM()]) },
  { name: "RHM twice", apply: setFilters([RHM(), RHM()]) },
  { name: "RESP twice", apply: setFilters([RESP(), RESP()]) },
  { name: "RHM + RESP", apply: setFilters([RHM(), RESP()]) },
  { name: "redirect twice", apply: setFilters([REDIRECT(), REDIRECT()], true) },
  { name: "rewrite twice", apply: setFilters([REWRITE(), REWRITE()]) },
  { name: "redirect with backendRefs", apply: setFilters([REDIRECT()]) },
  { name: "redirect without backendRefs", apply: setFilters([REDIRECT()], true) },
  { name: "redirect with empty backendRefs", apply: (route) => void Object.assign(rule0(route), { filters: [REDIRECT()], backendRefs: [] }) },
  { name: "redirect + rewrite", apply: setFilters([REDIRECT(), REWRITE()], true) },
  { name: "backend redirect + rewrite", apply: onBackend([REDIRECT(), REWRITE()]) },
  { name: "backend RHM twice", apply: onBackend([RHM(), RHM()]) },
  { name: "backend redirect", apply: onBackend([REDIRECT()]) },
  { name: "type without field", apply: setFilters([{ type: "RequestHeaderModifier" }]) },
  { name: "field without type match", apply: setFilters([{ type: "ResponseHeaderModifier", requestHeaderModifier: { set: [{ name: "a", value: "b" }] } }]) },
  { name: "two fields one filter", apply: setFilters([{ ...RHM(), responseHeaderModifier: { add: [{ name: "a", value: "b" }] } }]) },
  { name: "unknown filter type", apply: setFilters([{ type: "Teleport" }]) },
  { name: "extensionRef ok", apply: setFilters([{ type: "ExtensionRef", extensionRef: { group: "example.com", kind: "Magic", name: "m" } }]) },
  { name: "extensionRef missing", apply: setFilters([{ type: "ExtensionRef" }]) },
  { name: "extensionRef bad kind", apply: setFilters([{ type: "ExtensionRef", extensionRef: { group: "", kind: "bad kind", name: "m" } }]) },
  { name: "mirror ok", apply: setFilters([MIRROR()]) },
  { name: "mirror without port", apply: setFilters([MIRROR({ backendRef: { name: "m" } })]) },
  { name: "mirror percent", apply: setFilters([MIRROR({ backendRef: { name: "m", port: 80 }, percent: 50 })]) },
  { name: "mirror percent 101", apply: setFilters([MIRROR({ backendRef: { name: "m", port: 80 }, percent: 101 })]) },
  { name: "mirror percent and fraction", apply: setFilters([MIRROR({ backendRef: { name: "m", port: 80 }, percent: 5, fraction: { numerator: 1 } })]) },
  { name: "mirror fraction 3/2", apply: setFilters([MIRROR({ backendRef: { name: "m", port: 80 }, fraction: { numerator: 3, denominator: 2 } })]) },
  { name: "mirror fraction 1 default denominator", apply: setFilters([MIRROR({ backendRef: { name: "m", port: 80 }, fraction: { numerator: 1 } })]) },
  { name: "mirror fraction 101 default denominator", apply: setFilters([MIRROR({ backendRef: { name: "m", port: 80 }, fraction: { numerator: 101 } })]) },
  { name: "mirror twice", apply: setFilters([MIRROR(), MIRROR()]) },
  { name: "cors ok", apply: setFilters([CORS()]) },
  { name: "cors twice", apply: setFilters([CORS(), CORS()]) },
  { name: "cors wildcard alone", apply: setFilters([CORS({ allowOrigins: ["*"], allowMethods: ["*"] })]) },
  { name: "cors wildcard with others", apply: setFilters([CORS({ allowMethods: ["*", "GET"] })]) },
  { name: "cors headers wildcard with others", apply: setFilters([CORS({ allowHeaders: ["*", "x-a"] })]) },
  { name: "cors bad origin", apply: setFilters([CORS({ allowOrigins: ["not a url"] })]) },
  { name: "cors maxAge 0", apply: setFilters([CORS({ maxAge: 0 })]) },
  { name: "cors credentials", apply: setFilters([CORS({ allowCredentials: true, allowOrigins: ["https://a.b"] })]) },
  ...each("redirect.statusCode", [301, 302, 303, 307, 308, 300, "301"], (route, v) => setFilters([REDIRECT({ statusCode: v })], true)(route)),
  ...each("redirect.scheme", ["http", "https", "ftp", "HTTP"], (route, v) => setFilters([REDIRECT({ scheme: v })], true)(route)),
  ...each("redirect.port", [0, 1, 65535, 65536], (route, v) => setFilters([REDIRECT({ port: v })], true)(route)),
  ...each("redirect.hostname", ["a.example.com", "*.example.com", "Bad_Host", ""], (route, v) => setFilters([REDIRECT({ hostname: v })], true)(route)),
  ...each("rewrite.hostname", ["a.example.com", "*.example.com", "Bad_Host"], (route, v) => setFilters([REWRITE({ hostname: v })])(route)),
  ...[16, 17].map((n) => ({ name: `RHM ${n} set`, apply: setFilters([RHM(times(n, (i) => ({ name: `h${i}`, value: "v" })))]) })),
  {
    name: "RHM duplicate set",
    apply: setFilters([
      RHM([
        { name: "a", value: "1" },
        { name: "a", value: "2" },
      ]),
    ]),
  },
  { name: "RHM remove duplicate", apply: setFilters([{ type: "RequestHeaderModifier", requestHeaderModifier: { remove: ["a", "a"] } }]) },
  { name: "RHM remove 17", apply: setFilters([{ type: "RequestHeaderModifier", requestHeaderModifier: { remove: times(17, (i) => `h${i}`) } }]) },
  { name: "RHM bad header name", apply: setFilters([RHM([{ name: "bad name", value: "1" }])]) },
  { name: "RHM empty", apply: setFilters([{ type: "RequestHeaderModifier", requestHeaderModifier: {} }]) },
  { name: "filters 17", apply: setFilters(times(17, () => ({ type: "ExtensionRef", extensionRef: { group: "", kind: "K", name: "n" } }))) },
  ...replacePrefix,
  { name: "header regex match", apply: (route) => void (firstMatch(route).headers = [{ name: "x", type: "RegularExpression", value: "^a.*$" }]) },
];
