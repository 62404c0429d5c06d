import { homedir } from "node:os";
import { join } from "node:path";

/** Where built binaries and downloaded CRDs live between runs, outside the repository. */
export function cacheDir(): string {
  return process.env.ROUTEBOARD_CACHE ?? join(homedir(), ".cache", "routeboard");
}
