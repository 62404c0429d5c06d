// The filesystem side of a workspace: which files count as manifests, and writes that can never
// leave a half-written file behind.
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const MANIFEST = /\.(ya?ml|json)$/i;
/** Folders that hold tooling, not manifests; dot-folders (.git) are skipped too. */
const SKIPPED = new Set(["node_modules"]);

/** Every manifest file under `root` (recursively), or `root` itself when it is a file. Sorted, for stable order. */
export function manifestFiles(root: string): string[] {
  if (statSync(root).isFile()) return [root];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith(".") || SKIPPED.has(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && MANIFEST.test(e.name)) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}

/**
 * Writes `text` to `file` atomically: a temporary file beside it (same filesystem), flushed to
 * disk, then renamed over the target. Readers see the old file or the new one, never a mix; a
 * failure leaves the old file untouched and removes the temporary one.
 */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.routeboard-${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", existingMode(file));
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // already gone (the rename may have happened)
    }
    throw err;
  }
}

function existingMode(file: string): number {
  try {
    return statSync(file).mode & 0o777;
  } catch {
    return 0o644;
  }
}
