import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker, type WorkerOptions } from "node:worker_threads";
import type { ParseAnswer, ParseRequest, WorkerMessage } from "./parse-protocol";

/** Longest a single file may take to read and parse before the worker is stopped and the file reported. */
export const PARSE_TIMEOUT_MS = 30_000;

export class ParseTimeout extends Error {}

interface Job {
  id: number;
  request: ParseRequest;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/**
 * The worker's script. In a production build, the file scripts/build.mjs bundled beside Next's
 * output (Next's bundler cannot bundle a worker_threads worker for server-rendered pages); from
 * source (dev server, tests, scripts), parse-worker.ts itself, through tsx's loader.
 */
function workerScript(): { file: string; options: WorkerOptions } {
  if (process.env.NODE_ENV === "production") {
    const file = join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "routeboard", "parse-worker.cjs");
    if (!existsSync(file)) throw new Error(`${file} is missing: build Routeboard with \`npm run build\` (or \`npm start\`), not \`next build\` alone`);
    return { file, options: {} };
  }
  return { file: join(process.cwd(), "lib", "store", "workspace", "parse-worker.ts"), options: { execArgv: ["--import", "tsx"] } };
}

/**
 * One worker thread that parses workspace files, one job at a time so that each job has its own
 * deadline. A job past PARSE_TIMEOUT_MS (a pathological file) ends the worker; the next job starts
 * a fresh one. The thread never keeps the process alive.
 */
export class ParseWorker {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private current: Job | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private closed = false;

  constructor(private readonly timeoutMs = PARSE_TIMEOUT_MS) {}

  run<R extends ParseRequest>(request: R): Promise<ParseAnswer<R>> {
    if (this.closed) return Promise.reject(new Error("the workspace store is closed"));
    return new Promise<ParseAnswer<R>>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, request, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  close(): void {
    this.closed = true;
    this.stop(new Error("the workspace store is closed"));
    for (const j of this.queue.splice(0)) j.reject(new Error("the workspace store is closed"));
  }

  private spawn(): Worker {
    const { file, options } = workerScript();
    const w = new Worker(/* turbopackIgnore: true */ file, options);
    // Never what keeps the process alive: a server stopping mid-parse stops at once.
    w.unref();
    w.on("message", (m: WorkerMessage) => this.done(m));
    w.on("error", (err) => this.stop(err));
    w.on("exit", () => {
      if (this.worker === w) this.stop(new Error("the parse worker stopped"));
    });
    return w;
  }

  private pump(): void {
    if (this.current || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.current = job;
    try {
      this.worker ??= this.spawn();
    } catch (err) {
      return this.stop(err instanceof Error ? err : new Error(String(err)));
    }
    this.timer = setTimeout(() => this.stop(new ParseTimeout(`took longer than ${this.timeoutMs / 1000} s`)), this.timeoutMs);
    this.worker.postMessage({ id: job.id, request: job.request });
  }

  private done(m: WorkerMessage): void {
    const job = this.current;
    if (!job || job.id !== m.id) return;
    clearTimeout(this.timer);
    this.current = undefined;
    if (m.ok) job.resolve(m.value);
    else job.reject(new Error(m.message));
    this.pump();
  }

  /** Ends the worker (timeout, crash, close) and fails the job it had. */
  private stop(err: Error): void {
    clearTimeout(this.timer);
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
    const job = this.current;
    this.current = undefined;
    job?.reject(err);
    this.pump();
  }
}
