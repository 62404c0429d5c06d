import { existsSync, readFileSync, realpathSync, statSync, unlinkSync, type Stats } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { KubeObject } from "../../k8s/meta";
import { formatBytes } from "../../yaml/size";
import { KIND_KEYS, KINDS, kindOf, type KindInfo, type KindKey } from "../../k8s/kinds";
import { nameError } from "../name-check";
import type { Access, ApplyOptions, KindSnapshot, ObjectRef, Result, Store, StoreError, StoreEvent } from "../types";
import { manifestFiles, writeFileAtomic } from "./files";
import { entryKey, sha, type FileProblem, type WorkspaceEntry } from "./index-file";
import { outsideWorkspace, pathTaken } from "./inside";
import { ParseTimeout, ParseWorker, PARSE_TIMEOUT_MS } from "./parse-worker-client";
import { problemFile, signature, type LoadedFile } from "./read-file";
import { invalidMessage, shippedCrd, validateOffline } from "./validate-offline";
import { watchFolder, type WatchTiming } from "./watch-folder";
import { mergeForFile, newFileText } from "./write-plan";

export interface WorkspaceOptions {
  /** Where the shipped CRDs are (default: crds/ in the working directory, the repository root). */
  crdDir?: string;
  /** false: no fs.watch and no poll (tests call refresh()). */
  watch?: boolean;
  timing?: WatchTiming;
  /** Longest one file may take to parse (default PARSE_TIMEOUT_MS). */
  parseTimeoutMs?: number;
}

/**
 * How long a request waits for files still being parsed before it answers with what is loaded;
 * the rest reaches open pages as change events. One pathological file never holds up a page.
 */
export const REQUEST_WAIT_MS = 750;

/** Files this big are parsed by a worker of their own (a 40,000-key mapping, about 500 KiB, takes half a second). */
const LARGE_FILE_BYTES = 256 * 1024;

type Plan = { ok: false; error: StoreError } | { ok: true; kind: KindInfo; file: string; write: (() => void) | undefined; result: KubeObject };

const fail = (error: StoreError): { ok: false; error: StoreError } => ({ ok: false, error });
const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The store backed by a folder of YAML manifests (read recursively), or by one file. A file that
 * is a `kubectl get -o yaml` dump (`kind: List`) is shown read-only; so is every object when the
 * workspace is a single dump file. Files are read and parsed in worker threads (small files, large
 * files, edits), so no file can stall the requests this process answers, nor the other files.
 */
export class WorkspaceStore implements Store {
  readonly root: string;
  readonly dumpMode: boolean;
  private readonly realRoot: string | undefined;
  private readonly crdDir: string;
  private files = new Map<string, LoadedFile>();
  /** Files being read, by path, with the signature being read. */
  private readonly reading = new Map<string, { sig: string; size: number; done: Promise<void>; startedAt: number }>();
  private listed = new Set<string>();
  private byKey = new Map<string, WorkspaceEntry>();
  private duplicates: FileProblem[] = [];
  private missing: string | undefined;
  private readonly listeners = new Set<{ kinds: ReadonlySet<KindKey>; fn: (e: StoreEvent) => void }>();
  private readonly stopWatch: (() => void) | undefined;
  /** Small files, large files (which can take seconds each), and edits: none waits behind another. */
  private readonly scanner: ParseWorker;
  private readonly largeScanner: ParseWorker;
  private readonly editor: ParseWorker;
  private readonly timeoutMs: number;

  constructor(root: string, opts: WorkspaceOptions = {}) {
    this.root = resolve(root);
    this.dumpMode = existsSync(this.root) && statSync(this.root).isFile();
    this.realRoot = existsSync(this.root) ? realpathSync(this.root) : undefined;
    this.crdDir = opts.crdDir ?? resolve("crds");
    this.timeoutMs = opts.parseTimeoutMs ?? PARSE_TIMEOUT_MS;
    this.scanner = new ParseWorker(this.timeoutMs);
    this.largeScanner = new ParseWorker(this.timeoutMs);
    this.editor = new ParseWorker(this.timeoutMs);
    void this.refresh();
    this.stopWatch = opts.watch === false ? undefined : watchFolder(this.root, () => void this.refresh(), opts.timing);
  }

  get description(): string {
    return this.dumpMode ? `read-only dump file ${this.root}` : `workspace folder ${this.root}`;
  }

  /** Files that could not be read, with line and column; the rest of the folder loads regardless. */
  problems(): FileProblem[] {
    const parse = [...this.files.values()].flatMap((f) => f.indexed.problems);
    const pending = [...this.reading]
      .filter(([rel]) => !this.files.has(rel))
      .map(([file, r]): FileProblem => ({ file, line: 1, column: 1, message: `Still reading this file (${formatBytes(r.size)})…` }));
    return [...parse, ...this.duplicates, ...pending];
  }

  private rel(abs: string): string {
    return this.dumpMode ? relative(resolve(this.root, ".."), abs) : relative(this.root, abs).split(sep).join("/");
  }

  private abs(rel: string): string {
    return this.dumpMode ? this.root : join(this.root, rel);
  }

  /**
   * Reads what changed on disk since the last look (a stat per file when nothing did) and tells
   * subscribers as each file is parsed. Resolves when every changed file is in, or after `waitMs`.
   * Never throws.
   */
  async refresh(opts: { waitMs?: number } = {}): Promise<void> {
    const jobs = this.scan();
    const { waitMs } = opts;
    // A read is waited for at most waitMs after it started, by this request or an earlier one:
    // a file that has already made one request wait makes no other wait.
    const now = Date.now();
    await Promise.all(jobs.map((j) => (waitMs === undefined ? j.done : Promise.race([j.done, delay(Math.max(0, j.startedAt + waitMs - now))]))));
  }

  /** Starts reading what changed; returns every read in progress for the files listed. */
  private scan(): { done: Promise<void>; startedAt: number }[] {
    let paths: string[];
    try {
      paths = manifestFiles(this.root);
      this.missing = undefined;
    } catch (err) {
      paths = [];
      this.missing = `Cannot read the workspace ${this.root}: ${message(err)}`;
    }
    const jobs: { done: Promise<void>; startedAt: number }[] = [];
    this.listed = new Set(paths.map((abs) => this.rel(abs)));
    const stats: { abs: string; st: Stats }[] = [];
    for (const abs of paths) {
      try {
        stats.push({ abs, st: statSync(abs) });
      } catch {
        // removed between listing and stat: the next scan settles it
      }
    }
    // Smallest first: one worker reads the small files in turn, so a page waiting on them gets
    // the most files in its wait, whatever their names.
    stats.sort((a, b) => a.st.size - b.st.size);
    for (const { abs, st } of stats) {
      const rel = this.rel(abs);
      const sig = signature(st);
      if (this.files.get(rel)?.sig === sig) continue;
      const r = this.reading.get(rel);
      if (r?.sig === sig) {
        jobs.push(r);
        continue;
      }
      const done = (st.size >= LARGE_FILE_BYTES ? this.largeScanner : this.scanner)
        .run({ op: "read", abs, rel, dumpMode: this.dumpMode })
        .then(
          (loaded) => this.settle(rel, loaded),
          (err: unknown) => this.settle(rel, existsSync(abs) ? problemFile(rel, sig, this.readFailure(err)) : undefined),
        )
        .finally(() => {
          if (this.reading.get(rel)?.done === done) this.reading.delete(rel);
        });
      const job = { sig, size: st.size, done, startedAt: Date.now() };
      this.reading.set(rel, job);
      jobs.push(job);
    }
    let removed = false;
    for (const rel of [...this.files.keys()]) {
      if (!this.listed.has(rel)) removed = this.files.delete(rel);
    }
    if (removed || this.missing) this.reindex();
    return jobs;
  }

  private readFailure(err: unknown): string {
    if (err instanceof ParseTimeout) {
      return `Reading this file took longer than ${this.timeoutMs / 1000} s, so Routeboard stopped and did not load it (a mapping with hundreds of thousands of keys?). Split it into smaller files.`;
    }
    return `Could not read this file: ${message(err)}`;
  }

  private settle(rel: string, loaded: LoadedFile | undefined): void {
    if (!loaded || !this.listed.has(rel)) this.files.delete(rel);
    else this.files.set(rel, loaded);
    this.reindex();
  }

  private reindex(): void {
    const byKey = new Map<string, WorkspaceEntry>();
    const duplicates: FileProblem[] = [];
    // By path, not by the order the reads finished in: the copy in the first file wins, always.
    const files = [...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, f]) => f);
    for (const f of files) {
      for (const e of f.indexed.entries) {
        const key = entryKey(e.kind, e.object.metadata.namespace, e.object.metadata.name ?? "");
        const first = byKey.get(key);
        if (first) {
          duplicates.push({
            file: e.file,
            line: e.line,
            column: 1,
            message: `${e.object.kind} "${e.object.metadata.name}" is already defined in ${first.file} (line ${first.line}); this copy is ignored`,
          });
        } else byKey.set(key, e);
      }
    }
    const before = this.byKey;
    this.byKey = byKey;
    this.duplicates = duplicates;
    for (const [key, e] of byKey) {
      const old = before.get(key);
      if (!old) this.dispatch({ type: "change", kind: e.kind, change: "ADDED", object: e.object });
      else if (old.object.metadata.resourceVersion !== e.object.metadata.resourceVersion) {
        this.dispatch({ type: "change", kind: e.kind, change: "MODIFIED", object: e.object });
      }
    }
    for (const [key, e] of before) {
      if (!byKey.has(key)) this.dispatch({ type: "change", kind: e.kind, change: "DELETED", object: e.object });
    }
  }

  private dispatch(e: StoreEvent): void {
    for (const l of this.listeners) if (l.kinds.has(e.kind)) l.fn(e);
  }

  snapshot(kind: KindKey): KindSnapshot {
    if (this.missing) return { kind, state: "unreachable", message: this.missing, items: [] };
    const items = [...this.byKey.values()].filter((e) => e.kind === kind).map((e) => e.object);
    return { kind, state: "ready", items };
  }

  async load(kind: KindKey): Promise<KindSnapshot> {
    await this.refresh({ waitMs: REQUEST_WAIT_MS });
    return this.snapshot(kind);
  }

  subscribe(kinds: readonly KindKey[], fn: (e: StoreEvent) => void): () => void {
    const l = { kinds: new Set(kinds.filter((k) => KIND_KEYS.includes(k))), fn };
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private async find(ref: ObjectRef): Promise<WorkspaceEntry | StoreError> {
    const bad = nameError(KINDS[ref.kind], ref.namespace, ref.name);
    if (bad) return bad;
    await this.refresh({ waitMs: REQUEST_WAIT_MS });
    const e = this.byKey.get(entryKey(ref.kind, ref.namespace ?? "default", ref.name)) ?? this.byKey.get(entryKey(ref.kind, ref.namespace, ref.name));
    return e ?? { type: "NotFound", message: `${ref.kind} "${ref.name}" is not in the workspace ${this.root}` };
  }

  async get(ref: ObjectRef): Promise<Result<KubeObject>> {
    const e = await this.find(ref);
    return "type" in e ? fail(e) : { ok: true, value: e.object };
  }

  async crd(name: string): Promise<Result<KubeObject>> {
    const crd = shippedCrd(this.crdDir, name);
    if (!crd) return fail({ type: "NotFound", message: `Routeboard ships no CRD named ${name} for offline validation` });
    return { ok: true, value: crd };
  }

  async dryRun(obj: KubeObject, _opts?: ApplyOptions): Promise<Result<KubeObject>> {
    const plan = await this.plan(obj);
    return plan.ok ? { ok: true, value: plan.result } : plan;
  }

  async apply(obj: KubeObject, _opts?: ApplyOptions): Promise<Result<KubeObject>> {
    const plan = await this.plan(obj);
    if (!plan.ok) return plan;
    try {
      plan.write?.();
    } catch (err) {
      return fail({ type: "Failed", message: `Could not write ${plan.file}: ${message(err)}` });
    }
    await this.refresh();
    const stored = this.byKey.get(entryKey(plan.kind.key, plan.result.metadata.namespace, plan.result.metadata.name ?? ""));
    return { ok: true, value: stored?.object ?? plan.result };
  }

  /** Everything an apply does short of writing: names, read-only and conflict checks, validation, the new text. */
  private async plan(obj: KubeObject): Promise<Plan> {
    const kind = kindOf(obj.apiVersion, obj.kind);
    const name = obj.metadata?.name;
    if (!kind || !name) {
      return fail({ type: "Invalid", message: !kind ? `Routeboard does not manage ${obj.kind} (${obj.apiVersion})` : "metadata.name is required", causes: [] });
    }
    const namespace = kind.namespaced ? obj.metadata.namespace || "default" : undefined;
    const bad = nameError(kind, namespace, name);
    if (bad) return fail(bad);
    if (this.dumpMode) return fail(this.readOnlyError(this.rel(this.root)));
    const key = entryKey(kind.key, namespace, name);
    // An object already loaded is compared with the file as it was loaded (what pages saw); only
    // for one not seen yet is the folder looked at again first.
    let loaded = this.byKey.get(key);
    if (!loaded) {
      await this.refresh({ waitMs: REQUEST_WAIT_MS });
      loaded = this.byKey.get(key);
    }
    if (loaded?.readOnly) return fail(this.readOnlyError(loaded.file));
    if (loaded) return this.planUpdate(kind, loaded, obj);
    // A version means the page saw this object: it was removed on disk since.
    if (obj.metadata.resourceVersion) return fail(this.stale(kind, name, "was removed from the workspace on disk"));
    const candidate = { ...obj, metadata: { ...obj.metadata, ...(namespace ? { namespace } : {}) } };
    const causes = validateOffline(kind.key, mergeForFile(undefined, candidate), this.crdDir);
    if (causes.length > 0) return fail({ type: "Invalid", message: invalidMessage(kind.key, name, causes), causes });
    const file = this.newFileName(kind, namespace, name);
    const abs = this.abs(file);
    const outside = this.outside(abs);
    if (outside) return fail(outside);
    return { ok: true, kind, file, result: candidate, write: () => this.writeChecked(abs, undefined, newFileText(candidate)) };
  }

  /** The file as it is on disk now, read by the edit worker; a StoreError when it moved on or went away. */
  private async current(kind: KindInfo, loaded: WorkspaceEntry, name: string): Promise<LoadedFile | StoreError> {
    let fresh: LoadedFile;
    try {
      fresh = await this.editor.run({ op: "read", abs: this.abs(loaded.file), rel: loaded.file, dumpMode: false });
    } catch (err) {
      return existsSync(this.abs(loaded.file))
        ? { type: "Failed", message: `${loaded.file}: ${this.readFailure(err)}` }
        : this.stale(kind, name, `is gone: ${loaded.file} was removed on disk`);
    }
    if (fresh.indexed.unreadable) return { type: "Failed", message: `${loaded.file}: ${fresh.indexed.problems[0]?.message ?? "unreadable"}` };
    return fresh;
  }

  private async planUpdate(kind: KindInfo, loaded: WorkspaceEntry, obj: KubeObject): Promise<Plan> {
    const name = obj.metadata.name ?? "";
    const fresh = await this.current(kind, loaded, name);
    if ("type" in fresh) return fail(fresh);
    const text = fresh.indexed.text;
    const known = this.files.get(loaded.file)?.indexed.text;
    const current = fresh.indexed.entries.find(
      (e) => e.kind === kind.key && e.object.metadata.name === name && e.object.metadata.namespace === loaded.object.metadata.namespace,
    );
    const given = obj.metadata.resourceVersion;
    // With a version, only this object's document counts (as resourceVersion does in a cluster);
    // without one, any change to the file since it was loaded does.
    const changed = !current || (given ? given !== current.object.metadata.resourceVersion : text !== known);
    if (changed) {
      if (text !== known) void this.refresh();
      return fail(this.stale(kind, name, `in ${loaded.file} was changed on disk by another program since it was loaded`));
    }
    const target = mergeForFile(current.source, obj);
    const result: KubeObject = { ...target, metadata: { ...target.metadata, namespace: current.object.metadata.namespace } };
    const causes = validateOffline(kind.key, result, this.crdDir);
    if (causes.length > 0) return fail({ type: "Invalid", message: invalidMessage(kind.key, name, causes), causes });
    const planned = await this.editor
      .run({ op: "planEdit", text, doc: current.doc, next: target })
      .catch((err: unknown) => ({ ok: false as const, message: this.readFailure(err) }));
    if (!planned.ok) return fail({ type: "Failed", message: `${loaded.file}: ${planned.message}` });
    const abs = this.abs(loaded.file);
    const outside = this.outside(abs);
    if (outside) return fail(outside);
    return { ok: true, kind, file: loaded.file, result, write: () => this.writeChecked(abs, fresh.bytesSha, planned.text) };
  }

  /**
   * The write itself, checked once more right before the rename: still inside the workspace, and
   * (for an existing file) still holding the bytes the plan was made from.
   */
  private writeChecked(abs: string, bytesSha: string | undefined, text: string | null): void {
    const outside = this.outside(abs);
    if (outside) throw new Error(outside.message);
    if (bytesSha !== undefined && sha(readFileSync(abs)) !== bytesSha) {
      throw new Error("the file changed on disk while Routeboard was writing it; nothing was written");
    }
    if (bytesSha === undefined && pathTaken(abs)) throw new Error("a file of that name appeared meanwhile; nothing was written");
    if (text === null) unlinkSync(abs);
    else writeFileAtomic(abs, text);
  }

  private outside(abs: string): StoreError | undefined {
    const why = this.realRoot ? outsideWorkspace(this.realRoot, abs) : "the workspace folder does not exist";
    if (!why) return undefined;
    console.warn(`routeboard: refused to write ${abs}: ${why}`);
    return {
      type: "Forbidden",
      message: `Routeboard writes only inside the workspace, and ${relative(this.root, abs) || abs} is not: ${why}. Nothing was written.`,
    };
  }

  /** Everything may be written but dumps (kind: List), which are read-only. */
  async mayWrite(ref: ObjectRef): Promise<Result<Access>> {
    const e = await this.find(ref);
    if ("type" in e && e.type !== "NotFound") return fail(e);
    const file = "type" in e ? undefined : e;
    if (this.dumpMode || file?.readOnly) return { ok: true, value: { allowed: false, reason: this.readOnlyError(file?.file ?? this.rel(this.root)).message } };
    return { ok: true, value: { allowed: true } };
  }

  async delete(ref: ObjectRef): Promise<Result<null>> {
    const e = await this.find(ref);
    if ("type" in e) return fail(e);
    if (e.readOnly || this.dumpMode) return fail(this.readOnlyError(e.file));
    const kind = KINDS[ref.kind];
    const fresh = await this.current(kind, e, ref.name);
    if ("type" in fresh) return fail(fresh);
    if (fresh.indexed.text !== this.files.get(e.file)?.indexed.text) {
      void this.refresh();
      return fail(this.stale(kind, ref.name, `in ${e.file} was changed on disk by another program since it was loaded`));
    }
    const abs = this.abs(e.file);
    try {
      const rest = await this.editor.run({ op: "planRemoval", text: fresh.indexed.text, doc: e.doc });
      this.writeChecked(abs, fresh.bytesSha, rest);
    } catch (err) {
      return fail({ type: "Failed", message: `Could not write ${e.file}: ${message(err)}` });
    }
    await this.refresh();
    return { ok: true, value: null };
  }

  close(): void {
    this.stopWatch?.();
    this.listeners.clear();
    this.scanner.close();
    this.largeScanner.close();
    this.editor.close();
  }

  /** `<kind>-<namespace>-<name>.yaml` at the top of the workspace, from names already validated as Kubernetes does. */
  private newFileName(kind: KindInfo, namespace: string | undefined, name: string): string {
    const base = [kind.kind.toLowerCase(), namespace, name].filter(Boolean).join("-");
    for (let i = 1; ; i++) {
      const file = `${base}${i > 1 ? `-${i}` : ""}.yaml`;
      if (!pathTaken(this.abs(file))) return file;
    }
  }

  private readOnlyError(file: string): StoreError {
    return {
      type: "Forbidden",
      message: `${file} is a kubectl dump (kind: List), opened read-only: Routeboard never writes to it. To edit, keep the objects as plain manifests in a folder and start Routeboard with --workspace DIR.`,
    };
  }

  private stale(kind: KindInfo, name: string, what: string): StoreError {
    return { type: "Conflict", stale: true, conflicts: [], message: `${kind.kind} "${name}" ${what}. Reload to see the current version, then apply again.` };
  }
}
