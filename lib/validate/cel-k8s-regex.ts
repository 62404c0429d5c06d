// Kubernetes CEL regex library (k8s.io/apiserver/pkg/cel/library/regex.go): find and findAll.
// The pattern is checked with RE2 (so RE2-invalid patterns fail as on the server) and run with
// a Unicode JS RegExp, which agrees with RE2 on the patterns RE2 accepts that JS can express.
import { celError, celMethod, CelScalar, listType, type CelFunc } from "@bufbuild/cel";
import { compileRe2 } from "./re2.ts";

const jsCache = new Map<string, RegExp>();

function jsRegex(pattern: string): RegExp {
  let re = jsCache.get(pattern);
  if (!re) {
    try {
      compileRe2(pattern);
      re = new RegExp(pattern, "gu");
    } catch (e) {
      throw celError(`error parsing regexp: ${String(e)}`);
    }
    jsCache.set(pattern, re);
  }
  re.lastIndex = 0;
  return re;
}

function findAll(s: string, pattern: string, limit: number): string[] {
  const out: string[] = [];
  if (limit === 0) return out;
  for (const m of s.matchAll(jsRegex(pattern))) {
    out.push(m[0]);
    if (limit > 0 && out.length >= limit) break;
  }
  return out;
}

export const k8sRegexFuncs: CelFunc[] = [
  celMethod("find", CelScalar.STRING, [CelScalar.STRING], CelScalar.STRING, function (p) {
    return findAll(this, p, 1)[0] ?? "";
  }),
  celMethod("findAll", CelScalar.STRING, [CelScalar.STRING], listType(CelScalar.STRING), function (p) {
    return findAll(this, p, -1);
  }),
  celMethod("findAll", CelScalar.STRING, [CelScalar.STRING, CelScalar.INT], listType(CelScalar.STRING), function (p, n) {
    return findAll(this, p, Number(n));
  }),
];
