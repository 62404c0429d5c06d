// Values printed the way Go prints them in apimachinery field errors, so messages read exactly
// like the API server's: strings with strconv.Quote, numbers with %v, objects with json.Marshal.

/** strconv.Quote: escapes quotes, backslashes and non-printable runes; keeps printable Unicode. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else out += escapeRune(cp, ch);
  }
  return out + '"';
}

const SIMPLE_ESCAPES: Record<number, string> = { 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r" };

function escapeRune(cp: number, ch: string): string {
  const simple = SIMPLE_ESCAPES[cp];
  if (simple) return simple;
  if (cp < 0x20 || cp === 0x7f) return "\\x" + cp.toString(16).padStart(2, "0");
  // Go's unicode.IsPrint is false for controls, separators other than space, and unassigned runes;
  // this approximation covers the ones a user can type.
  if ((cp >= 0x80 && cp < 0xa0) || cp === 0xad || cp === 0x2028 || cp === 0x2029 || (cp >= 0xfff9 && cp <= 0xfffb)) {
    return cp > 0xffff ? "\\U" + cp.toString(16).padStart(8, "0") : "\\u" + cp.toString(16).padStart(4, "0");
  }
  return ch;
}

/** %v of an int64 or a float64 (integral JSON numbers decode to int64 on the server). */
export function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  if (!Number.isFinite(n)) return n > 0 ? "+Inf" : n < 0 ? "-Inf" : "NaN";
  // %v is strconv 'g' with shortest precision: an exponent when exp < -4 || exp >= 6 (checked with go).
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 6) {
    const [mant, e] = n.toExponential().split("e");
    const sign = e?.startsWith("-") ? "-" : "+";
    const digits = (e ?? "0").replace(/^[+-]/, "").padStart(2, "0");
    return `${mant}e${sign}${digits}`;
  }
  return String(n);
}

/** json.Marshal: map keys sorted, HTML-sensitive characters escaped. */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "string") return htmlEscape(JSON.stringify(v));
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "[" + v.map(goJson).join(",") + "]";
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return (
      "{" +
      Object.keys(o)
        .sort()
        .map((k) => `${htmlEscape(JSON.stringify(k))}:${goJson(o[k])}`)
        .join(",") +
      "}"
    );
  }
  return "null";
}

function htmlEscape(s: string): string {
  return s.replace(/[<>&\u2028\u2029]/g, (c) => "\\u" + (c.codePointAt(0) ?? 0).toString(16).padStart(4, "0"));
}

/** How field.Error prints the bad value after "Invalid value: ". */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  return goJson(v);
}
