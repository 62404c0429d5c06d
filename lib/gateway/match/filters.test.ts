import { describe, expect, it } from "vitest";
import { replacePrefix } from "./filters";

// The table of the ReplacePrefixMatch documentation (HTTPPathModifier), and the root prefix.
describe("replacePrefix", () => {
  const table: [string, string, string, string][] = [
    ["/foo/bar", "/foo", "/xyz", "/xyz/bar"],
    ["/foo/bar", "/foo", "/xyz/", "/xyz/bar"],
    ["/foo/bar", "/foo/", "/xyz", "/xyz/bar"],
    ["/foo/bar", "/foo/", "/xyz/", "/xyz/bar"],
    ["/foo", "/foo", "/xyz", "/xyz"],
    ["/foo/", "/foo", "/xyz", "/xyz/"],
    ["/foo/bar", "/foo", "", "/bar"],
    ["/foo/", "/foo", "", "/"],
    ["/foo", "/foo", "", "/"],
    ["/foo/", "/foo", "/", "/"],
    ["/foo", "/foo", "/", "/"],
    ["/bar", "/", "/xyz", "/xyz/bar"],
  ];
  for (const [path, prefix, repl, want] of table)
    it(`${path} | ${prefix} | ${repl || "<empty>"} → ${want}`, () => expect(replacePrefix(path, prefix, repl)).toBe(want));
});
