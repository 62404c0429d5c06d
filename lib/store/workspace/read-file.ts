// Reading one manifest file, as the parse worker does it: size first (a file over the limit is
// never read), then strict UTF-8, then one parse.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { DEFAULT_MAX_BYTES } from "../../yaml";
import { formatBytes } from "../../yaml/size";
import { indexFile, sha, type IndexedFile } from "./index-file";
import { decodeUtf8 } from "./utf8";

export interface LoadedFile {
  /** inode, times and size: a cheap "did anything change" before reading the file again. */
  sig: string;
  indexed: IndexedFile;
  /** Of the bytes read: a write checks the file still holds them. */
  bytesSha: string;
}

export function signature(st: { ino: number; mtimeMs: number; ctimeMs: number; size: number }): string {
  return `${st.ino}:${st.mtimeMs}:${st.ctimeMs}:${st.size}`;
}

/** A file that loads no objects, only a problem. */
export function problemFile(rel: string, sig: string, message: string, line = 1, column = 1): LoadedFile {
  return { sig, bytesSha: "", indexed: { text: "", entries: [], problems: [{ file: rel, line, column, message }], unreadable: true } };
}

/** Reads and indexes `abs` (shown as `rel`). Throws only when the file cannot be opened. */
export function readManifestFile(abs: string, rel: string, dumpMode: boolean, maxBytes = DEFAULT_MAX_BYTES): LoadedFile {
  const fd = openSync(abs, "r");
  try {
    const st = fstatSync(fd);
    const sig = signature(st);
    if (st.size > maxBytes) {
      return problemFile(
        rel,
        sig,
        `File is too large: ${formatBytes(st.size)}, more than ${formatBytes(maxBytes)} (limit ${maxBytes} bytes). Split it into smaller files.`,
      );
    }
    const bytes = Buffer.alloc(st.size);
    let off = 0;
    while (off < bytes.length) {
      const n = readSync(fd, bytes, off, bytes.length - off, off);
      if (n === 0) break;
      off += n;
    }
    const read = bytes.subarray(0, off);
    const decoded = decodeUtf8(read);
    if (!decoded.ok) return problemFile(rel, sig, decoded.message, decoded.line, decoded.column);
    return { sig, bytesSha: sha(read), indexed: indexFile(rel, decoded.text, dumpMode) };
  } finally {
    closeSync(fd);
  }
}
