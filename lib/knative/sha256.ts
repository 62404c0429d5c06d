// Synchronous SHA-256: Web Crypto's digest is async, and the probe hash is computed inline in
// the pure conversion. @noble/hashes is audited and dependency-free.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** Lower-case hex SHA-256 of the UTF-8 encoding of `text`. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
