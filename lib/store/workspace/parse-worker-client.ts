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
 * Built, the worker is a bundled chunk; run from source (tests, scripts under tsx), it is a .ts
 * file that needs tsx's loader in the worker too.
 */
function workerOptions(): WorkerOptions {
  return import.meta.url.endsWith(".ts") ? { execArgv: ["--import", "tsx"] } : {};
}

/**
 * One worker thread that parses workspace files, one job at a time so that each job has its own
 * deadline. A job past PARSE_TIMEOUT_MS (a pathological file) ends the worker; the next job starts
 * a fresh one. The thread keeps the process alive only while it has work.
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
    const w = new Worker(new URL("./parse-worker.ts", import.meta.url), workerOptions());
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
    if (!job) {
      this.worker?.unref();
      return;
    }
    this.current = job;
    this.worker ??= this.spawn();
    this.worker.ref();
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
