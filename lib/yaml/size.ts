/**
 * UTF-8 byte length of a string, stopping early once it exceeds `limit` (so a huge input costs
 * no more than the limit to measure).
 */
export function utf8LengthExceeds(text: string, limit: number): { exceeds: boolean; bytes: number } {
  // Every UTF-16 code unit is at least one UTF-8 byte and at most three.
  if (text.length > limit) return { exceeds: true, bytes: text.length };
  if (text.length * 3 <= limit) return { exceeds: false, bytes: text.length };
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
    if (bytes > limit) return { exceeds: true, bytes };
  }
  return { exceeds: false, bytes };
}

/** "10 MiB", "512 KiB", "12 B": sizes as a user reads them. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
