import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8, firstInvalidByte } from "./utf8";

describe("decodeUtf8", () => {
  it("finds the first byte where Node's strict decoder would fail, on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const at = firstInvalidByte(bytes);
        let valid: boolean;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes);
          valid = true;
        } catch {
          valid = false;
        }
        expect(at === bytes.length).toBe(valid);
        // Everything before the reported byte is well-formed.
        expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, at))).not.toThrow();
      }),
      { numRuns: 5000 },
    );
  });

  it("refuses overlong forms, surrogates and code points past U+10FFFF", () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff]]) {
      expect(firstInvalidByte(Uint8Array.from([0x61, ...bad]))).toBe(1);
    }
  });

  it("says where the bad byte is, in lines and columns of characters", () => {
    const r = decodeUtf8(Buffer.from([...Buffer.from("a: 1\nname: é"), 0xe9, 0x0a]));
    expect(r).toMatchObject({ ok: false, line: 2, column: 8, message: expect.stringContaining("byte 0xE9 at line 2, column 8") });
  });

  it("keeps a byte-order mark, so a write-back keeps it too", () => {
    expect(decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: "\uFEFFa" });
  });
});
