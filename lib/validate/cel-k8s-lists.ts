// Kubernetes CEL list library (k8s.io/apiserver/pkg/cel/library/lists.go):
// isSorted, sum, min, max, indexOf, lastIndexOf on lists of comparable values.
import { celError, celMethod, CelScalar, listType, type CelFunc, type CelList, type CelValue } from "@bufbuild/cel";

const LIST = listType(CelScalar.DYN);

type Comparable = bigint | number | string | boolean;

function comparable(v: CelValue | undefined): Comparable {
  if (typeof v === "bigint" || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  throw celError("no such overload: list elements must be comparable");
}

function compare(a: Comparable, b: Comparable): number {
  if (typeof a === "boolean" || typeof b === "boolean") return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function extreme(list: CelList, sign: 1 | -1, name: string): CelValue {
  if (list.size === 0) throw celError(`${name} called on empty list`);
  let best = comparable(list.get(0));
  for (const v of list) {
    const c = comparable(v);
    if (compare(c, best) * sign > 0) best = c;
  }
  return best;
}

function sum(list: CelList): bigint | number {
  let acc: bigint | number = 0n;
  let first = true;
  for (const v of list) {
    if (typeof v === "bigint" && typeof acc === "bigint") acc += v;
    else if (typeof v === "number" && (first || typeof acc === "number")) acc = (first ? 0 : (acc as number)) + v;
    else throw celError("no such overload: sum of mixed or non-numeric elements");
    first = false;
  }
  return acc;
}

// Scalars only: CRD rules call indexOf on lists of strings and numbers.
function equals(a: CelValue, b: CelValue): boolean {
  if ((typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number")) {
    return Number(a) === Number(b);
  }
  return a === b;
}

function indexIn(list: CelList, x: CelValue, fromEnd: boolean): bigint {
  let found = -1;
  let i = 0;
  for (const v of list) {
    if (equals(v, x)) {
      found = i;
      if (!fromEnd) break;
    }
    i++;
  }
  return BigInt(found);
}

export const k8sListFuncs: CelFunc[] = [
  celMethod("isSorted", LIST, [], CelScalar.BOOL, function () {
    let prev: Comparable | undefined;
    for (const v of this) {
      const c = comparable(v);
      if (prev !== undefined && compare(prev, c) > 0) return false;
      prev = c;
    }
    return true;
  }),
  celMethod("sum", LIST, [], CelScalar.DYN, function () {
    return sum(this);
  }),
  celMethod("min", LIST, [], CelScalar.DYN, function () {
    return extreme(this, -1, "min");
  }),
  celMethod("max", LIST, [], CelScalar.DYN, function () {
    return extreme(this, 1, "max");
  }),
  celMethod("indexOf", LIST, [CelScalar.DYN], CelScalar.INT, function (x) {
    return indexIn(this, x, false);
  }),
  celMethod("lastIndexOf", LIST, [CelScalar.DYN], CelScalar.INT, function (x) {
    return indexIn(this, x, true);
  }),
];
