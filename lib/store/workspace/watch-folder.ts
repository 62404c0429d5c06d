import { watch, type FSWatcher } from "node:fs";

export interface WatchTiming {
  /** Editors write a file in several steps (truncate, write, rename): wait for them to settle. */
  debounceMs?: number;
  /** A safety net for filesystems where fs.watch misses events (network mounts, some containers). */
  pollMs?: number;
}

/**
 * Calls `onChange` after files under `root` change: fs.watch (recursive) with a debounce, plus a
 * slow poll because fs.watch is not reliable everywhere. `onChange` must be cheap when nothing
 * changed (the store compares file sizes and times). Returns a function that stops watching.
 */
export function watchFolder(root: string, onChange: () => void, timing: WatchTiming = {}): () => void {
  const debounceMs = timing.debounceMs ?? 150;
  let timer: NodeJS.Timeout | undefined;
  const fire = (): void => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
    timer.unref();
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(root, { recursive: true, persistent: false }, fire);
    watcher.on("error", () => {
      // The poll below keeps the store current; a watcher error (folder removed) is not fatal.
      watcher?.close();
      watcher = undefined;
    });
  } catch {
    watcher = undefined;
  }
  const poll = setInterval(onChange, timing.pollMs ?? 2000);
  poll.unref();
  return () => {
    clearTimeout(timer);
    clearInterval(poll);
    watcher?.close();
  };
}
