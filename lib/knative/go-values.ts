// Go's value semantics where they differ from JavaScript's and show in what the Knative
// controllers write: string order (strings.Compare, slices.Sort, sort.Sort on names, map keys in
// encoding/json), strconv.Atoi behind intstr.IntValue, and Go's integer conversions.

/**
 * strings.Compare: Go strings are UTF-8 bytes, and UTF-8 byte order is code point order.
 * JavaScript's `<` compares UTF-16 code units, which puts a character above U+FFFF (a surrogate
 * pair, 0xD800..0xDFFF) before U+E000..U+FFFF; Go puts it after.
 */
export function compareUTF8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return utf8Rank(x) - utf8Rank(y);
  }
  return a.length - b.length;
}

// At the first differing code unit, ranks surrogates above U+E000..U+FFFF, as their UTF-8 lead
// byte (F0..F4) is above those characters' (EE, EF); everything else keeps its order.
function utf8Rank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

const MAX_UINT64 = (1n << 64n) - 1n;
const INT64_CUTOFF = 1n << 63n;

/**
 * strconv.Atoi on a 64-bit platform, with its error ignored (as intstr.IntValue does): an optional
 * sign and decimal digits give their value; a syntax error ("", "+", "h2c", "8_0", " 80") gives 0; a
 * value out of range gives the nearest int64 (ParseUint stops at the overflow, so later characters
 * are never looked at).
 */
export function goAtoi(s: string): bigint {
  const neg = s.startsWith("-");
  const digits = neg || s.startsWith("+") ? s.slice(1) : s;
  const un = parseUint10(digits);
  if (un === undefined) return 0n;
  if (!neg && un >= INT64_CUTOFF) return INT64_CUTOFF - 1n;
  if (neg && un > INT64_CUTOFF) return -INT64_CUTOFF;
  return neg ? -un : un;
}

// strconv.ParseUint(s, 10, 64): undefined for a syntax error, MAX_UINT64 on overflow.
function parseUint10(s: string): bigint | undefined {
  if (s === "") return undefined;
  let n = 0n;
  for (const c of s) {
    if (c < "0" || c > "9") return undefined;
    n = n * 10n + BigInt(c.charCodeAt(0) - 48);
    if (n > MAX_UINT64) return MAX_UINT64;
  }
  return n;
}

/** Go's conversion of an integer to int32: the low 32 bits, as a two's-complement value. */
export function goInt32(n: bigint | number): number {
  if (typeof n === "bigint") return Number(BigInt.asIntN(32, n));
  // ToInt32 is the same modular conversion for the integers a JSON number can carry exactly.
  return n | 0;
}

/** intstr.IntOrString.IntValue: an int is itself, a string is strconv.Atoi's value (errors ignored). */
export function intstrIntValue(v: number | string): bigint {
  if (typeof v === "string") return goAtoi(v);
  return typeof v === "number" && Number.isInteger(v) ? BigInt(v) : 0n;
}
