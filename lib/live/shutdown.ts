// Stopping the server (SIGTERM from a terminal, a pod, a test) takes moments: open event streams,
// which never end by themselves and would hold Next's graceful shutdown forever, are closed, and
// a server still not gone after a grace period exits anyway.

const GRACE_MS = 3000;

interface Shutdown {
  stopping: boolean;
  hooks: Set<() => void>;
  installed: boolean;
}

const g = globalThis as typeof globalThis & { __routeboardShutdown?: Shutdown };
const state = (): Shutdown => (g.__routeboardShutdown ??= { stopping: false, hooks: new Set(), installed: false });

export const isStopping = (): boolean => state().stopping;

/** Runs `fn` when the server starts stopping; returns the way to unregister it. */
export function onShutdown(fn: () => void): () => void {
  const s = state();
  s.hooks.add(fn);
  return () => s.hooks.delete(fn);
}

/** Called once at server start (instrumentation.ts), beside Next's own signal handling. */
export function installShutdown(): void {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  for (const [sig, code] of [
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const) {
    process.once(sig, () => {
      s.stopping = true;
      s.hooks.forEach((fn) => fn());
      setTimeout(() => process.exit(code), GRACE_MS).unref();
    });
  }
}
