// Go's regexp (RE2) semantics for OpenAPI `pattern` and CEL `matches`, compiled once per pattern:
// compiling per call is too slow for every keystroke.
import { RE2JS } from "@bufbuild/re2";

export interface Matcher {
  test(text: string): boolean;
}

const cache = new Map<string, Matcher>();

// Escapes whose meaning differs between RE2 and JS (\s, \p, \Q..\E, \z, \A, \C, \x{..}, backrefs).
const RE2_ONLY_ESCAPES = new Set(["s", "S", "p", "P", "Q", "E", "z", "A", "C", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

/**
 * The same pattern as a Unicode-mode JS RegExp, which is an order of magnitude faster than
 * RE2JS, when the translation is exact: `.` becomes `[^\n]` (JS also stops at \r and U+2028);
 * flag groups, POSIX classes and RE2-only escapes keep the pattern on RE2JS.
 */
export function jsEquivalent(pattern: string): RegExp | undefined {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? "";
    if (c === "\\") {
      const n = pattern[i + 1] ?? "";
      if (RE2_ONLY_ESCAPES.has(n) || (n === "x" && pattern[i + 2] === "{")) return undefined;
      out += c + n;
      i++;
    } else if (inClass) {
      if (c === "[" && pattern[i + 1] === ":") return undefined;
      if (c === "]") inClass = false;
      out += c;
    } else if (c === "[") {
      inClass = true;
      out += c;
      if (pattern[i + 1] === "^") out += pattern[++i];
      if (pattern[i + 1] === "]") out += "\\" + pattern[++i]; // a leading ] is literal in RE2
    } else if (c === "(" && pattern[i + 1] === "?" && pattern[i + 2] !== ":") {
      return undefined;
    } else out += c === "." ? "[^\\n]" : c;
  }
  try {
    return new RegExp(out, "u");
  } catch {
    return undefined;
  }
}

/** Unanchored search, like Go's regexp.MatchString. Throws on an invalid pattern. */
export function compileRe2(pattern: string): Matcher {
  let m = cache.get(pattern);
  if (!m) {
    const re2 = RE2JS.compile(pattern); // throws on patterns RE2 rejects, even if JS accepts them
    m = jsEquivalent(pattern) ?? re2;
    cache.set(pattern, m);
  }
  return m;
}
