import { describe, expect, it } from "vitest";
import { compareUTF8, goAtoi, goInt32, intstrIntValue } from "./go-values";

describe("compareUTF8 (strings.Compare)", () => {
  it("orders characters above U+FFFF after U+E000..U+FFFF, as their UTF-8 bytes do", () => {
    const astral = "\u{1F600}";
    expect(["\uFFFD", astral, "\uE000", "z"].sort(compareUTF8)).toEqual(["z", "\uE000", "\uFFFD", astral]);
    // JavaScript's own order puts the surrogate pair first.
    expect(["\uFFFD", astral].sort()).toEqual([astral, "\uFFFD"]);
  });

  it("is byte order on ASCII, a prefix first", () => {
    expect(["b", "a.b", "a", "B"].sort(compareUTF8)).toEqual(["B", "a", "a.b", "b"]);
    expect(compareUTF8("x", "x")).toBe(0);
  });
});

describe("goAtoi / intstrIntValue / goInt32 (strconv.Atoi, intstr.IntValue, int32())", () => {
  it.each([
    ["80", 80n],
    ["+80", 80n],
    ["-80", -80n],
    ["080", 80n],
    [" 80", 0n],
    ["80 ", 0n],
    ["8_0", 0n],
    ["0x50", 0n],
    ["", 0n],
    ["+", 0n],
    ["h2c", 0n],
    ["\u0663", 0n],
    ["9223372036854775807", 9223372036854775807n],
    ["9223372036854775808", 9223372036854775807n],
    ["-9223372036854775809", -9223372036854775808n],
    // ParseUint returns at the overflow, before it reaches the "x".
    ["99999999999999999999x", 9223372036854775807n],
    ["123456789012345678x", 0n],
  ])("Atoi(%j) = %s", (s, want) => {
    expect(goAtoi(s)).toBe(want);
  });

  it("converts to int32 by keeping the low 32 bits", () => {
    expect(goInt32(intstrIntValue("4294967376"))).toBe(80);
    expect(goInt32(intstrIntValue("9223372036854775808"))).toBe(-1);
    expect(goInt32(4294967396)).toBe(100);
    expect(goInt32(2147483648)).toBe(-2147483648);
    expect(goInt32(intstrIntValue(81))).toBe(81);
  });
});
