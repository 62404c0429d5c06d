// Shared pieces of the route generator: JSON types, a seeded PRNG, and accessors for the parts
// of a route that mutations change.

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Obj = { [k: string]: Json };
export type Rand = () => number;

export interface Mutation {
  name: string;
  apply(route: Obj, r: Rand): void;
}

/** mulberry32: small, fast, good enough to spread cases. */
export function rng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
export const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
export const str = (n: number, c = "a") => c.repeat(n);

export const spec = (route: Obj) => route.spec as Obj;
export const rules = (route: Obj) => spec(route).rules as Obj[];
export const rule0 = (route: Obj) => rules(route)[0] as Obj;
export const firstMatch = (route: Obj) => (rule0(route).matches as Obj[])[0] as Obj;
export const firstBackend = (route: Obj) => (rule0(route).backendRefs as Obj[])[0] as Obj;

/** One mutation per value, named after it. */
export const each = (prefix: string, values: readonly Json[], set: (route: Obj, v: Json) => void): Mutation[] =>
  values.map((v) => ({ name: `${prefix}=${JSON.stringify(v).slice(0, 24)}`, apply: (route: Obj) => set(route, v) }));
