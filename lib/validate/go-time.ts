// metav1.Time's decoding: time.Parse(time.RFC3339, s), with Go's error text. Go's general parser
// is laxer than RFC 3339 (a one-digit hour, a comma before fractional seconds) and names the
// layout element it stopped at: `parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse
// "x" as "2006"`, or a range: `parsing time "...": month out of range`.
const LAYOUT = "2006-01-02T15:04:05Z07:00";

type Step = { prefix: string; elem: string; read: (s: string) => { n: number; rest: string; range?: string } | undefined };

const digit = (s: string, i: number) => s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

// getnum: one or two digits (exactly two when fixed).
const num = (fixed: boolean, max: number, what: string) => (s: string) => {
  if (!digit(s, 0) || (fixed && !digit(s, 1))) return undefined;
  const len = digit(s, 1) ? 2 : 1;
  const n = Number(s.slice(0, len));
  return { n, rest: s.slice(len), ...(n > max || (what === "month" && n < 1) ? { range: what } : {}) };
};

const year = (s: string) => {
  if (s.length < 4 || !/^[-+]?[0-9]+$/.test(s.slice(0, 4)) || /^[-+]$/.test(s.slice(0, 4))) return undefined;
  return { n: Number(s.slice(0, 4)), rest: s.slice(4) };
};

// Seconds, then fractional seconds the layout does not name (Go accepts them anyway).
const seconds = (s: string) => {
  const r = num(true, 59, "second")(s);
  if (!r || r.range) return r;
  const frac = /^[.,][0-9]+/.exec(r.rest);
  return frac ? { ...r, rest: r.rest.slice(frac[0].length) } : r;
};

// stdISO8601ColonTZ: "Z" or ±hh:mm; offsets up to 24h and 60m pass (Go tests with >).
const zone = (s: string) => {
  if (s.startsWith("Z")) return { n: 0, rest: s.slice(1) };
  if (s.length < 6 || s[3] !== ":" || !digit(s, 1) || !digit(s, 2) || !digit(s, 4) || !digit(s, 5) || (s[0] !== "+" && s[0] !== "-")) return undefined;
  const hh = Number(s.slice(1, 3));
  const mm = Number(s.slice(4, 6));
  const range = hh > 24 ? "time zone offset hour" : mm > 60 ? "time zone offset minute" : undefined;
  return { n: 0, rest: s.slice(6), ...(range ? { range } : {}) };
};

const STEPS: Step[] = [
  { prefix: "", elem: "2006", read: year },
  { prefix: "-", elem: "01", read: num(true, 12, "month") },
  { prefix: "-", elem: "02", read: num(true, 99, "day") },
  { prefix: "T", elem: "15", read: num(false, 23, "hour") },
  { prefix: ":", elem: "04", read: num(true, 59, "minute") },
  { prefix: ":", elem: "05", read: seconds },
  { prefix: "", elem: "Z07:00", read: zone },
];

// time's own quote(): control and non-ASCII characters as \x escapes of their UTF-8 bytes.
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || cp >= 0x80) for (const b of new TextEncoder().encode(ch)) out += "\\x" + b.toString(16).padStart(2, "0");
    else out += ch === '"' || ch === "\\" ? "\\" + ch : ch;
  }
  return out + '"';
}

const daysIn = (m: number, y: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** Go's error for time.Parse(time.RFC3339, value), or undefined when it parses. */
export function goTimeParseError(value: string): string | undefined {
  const head = `parsing time ${timeQuote(value)}`;
  const cannot = (rest: string, elem: string) => `${head} as ${timeQuote(LAYOUT)}: cannot parse ${timeQuote(rest)} as ${timeQuote(elem)}`;
  let rest = value;
  const got: number[] = [];
  for (const step of STEPS) {
    if (!rest.startsWith(step.prefix)) return cannot(rest, step.prefix);
    rest = rest.slice(step.prefix.length);
    const r = step.read(rest);
    if (!r) return cannot(rest, step.elem);
    if (r.range) return `${head}: ${r.range} out of range`;
    got.push(r.n);
    rest = r.rest;
  }
  if (rest !== "") return `${head}: extra text: ${timeQuote(rest)}`;
  const [y = 0, m = 1, d = 1] = got;
  return d < 1 || d > daysIn(m, y) ? `${head}: day out of range` : undefined;
}
