// Manifests are UTF-8, as kubectl and the API server read them. A file that is not is reported
// where its first bad byte is, and never decoded with replacement characters: an edit would
// write them back and corrupt the file.

export type Decoded = { ok: true; text: string } | { ok: false; message: string; line: number; column: number };

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The file's text, or where and why it is not UTF-8. A byte-order mark is kept, so a write-back keeps it too. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const at = firstInvalidByte(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i++) {
      if (bytes[i] !== 0x0a) continue;
      line++;
      lineStart = i + 1;
    }
    const column = new TextDecoder().decode(bytes.subarray(lineStart, at)).length + 1;
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return {
      ok: false,
      line,
      column,
      message: `Not valid UTF-8: byte 0x${byte} at line ${line}, column ${column} (offset ${at}). Kubernetes manifests are UTF-8; save the file as UTF-8. Routeboard did not load it and will not write to it.`,
    };
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629); the length when all do. */
export function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min = 0x80;
    let max = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) min = 0xa0; // no overlong forms
      if (c === 0xed) max = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) min = 0x90;
      if (c === 0xf4) max = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (k === 1 ? d < min || d > max : d < 0x80 || d > 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length;
}
