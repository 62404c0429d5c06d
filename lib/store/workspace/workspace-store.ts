import { existsSync, readFileSync, statSync, unlinkSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { KubeObject } from "../../k8s/meta";
import { KIND_KEYS, kindOf, type KindInfo, type KindKey } from "../kinds";
import type { ApplyOptions, KindSnapshot, ObjectRef, Result, Store, StoreError, StoreEvent } from "../types";
import { manifestFiles, writeFileAtomic } from "./files";
import { entryKey, indexFile, type FileProblem, type IndexedFile, type WorkspaceEntry } from "./index-file";
import { invalidMessage, shippedCrd, validateOffline } from "./validate-offline";
import { watchFolder, type WatchTiming } from "./watch-folder";
import { mergeForFile, newFileText, planEdit, planRemoval } from "./write-plan";

export interface WorkspaceOptions {
  /** Where the shipped CRDs are (default: crds/ in the working directory, the repository root). */
  crdDir?: string;
  /** false: no fs.watch and no poll (tests call rescan()). */
  watch?: boolean;
  timing?: WatchTiming;
}

interface LoadedFile {
  /** inode, times and size: a cheap "did anything change" before reading the file again. */
  sig: string;
  indexed: IndexedFile;
}

type Plan =
  | { ok: false; error: StoreError }
  | { ok: true; kind: KindInfo; file: string; write: (() => void) | undefined; result: KubeObject };

const fail = (error: StoreError): { ok: false; error: StoreError } => ({ ok: false, error });

/**
 * The store backed by a folder of YAML manifests (read recursively), or by one file. A file that
 * is a `kubectl get -o yaml` dump (`kind: List`) is shown read-only; so is every object when the
 * workspace is a single dump file.
 */
export class WorkspaceStore implements Store {
  readonly root: string;
  readonly dumpMode: boolean;
  private readonly crdDir: string;
  private files = new Map<string, LoadedFile>();
  private byKey = new Map<string, WorkspaceEntry>();
  private duplicates: FileProblem[] = [];
  private missing: string | undefined;
  private readonly listeners = new Set<{ kinds: ReadonlySet<KindKey>; fn: (e: StoreEvent) => void }>();
  private readonly stopWatch: (() => void) | undefined;

  constructor(root: string, opts: WorkspaceOptions = {}) {
    this.root = resolve(root);
    this.dumpMode = existsSync(this.root) && statSync(this.root).isFile();
    this.crdDir = opts.crdDir ?? resolve("crds");
    this.rescan();
    this.stopWatch = opts.watch === false ? undefined : watchFolder(this.root, () => this.rescan(), opts.timing);
  }

  get description(): string {
    return this.dumpMode ? `read-only dump file ${this.root}` : `workspace folder ${this.root}`;
  }

  /** Files that could not be read, with line and column; the rest of the folder loads regardless. */
  problems(): FileProblem[] {
    const parse = [...this.files.values()].flatMap((f) => f.indexed.problems);
    return [...parse, ...this.duplicates];
  }

  private rel(abs: string): string {
    return this.dumpMode ? relative(resolve(this.root, ".."), abs) : relative(this.root, abs).split(sep).join("/");
  }

  private abs(rel: string): string {
    return this.dumpMode ? this.root : join(this.root, rel);
  }

  /** Reads what changed on disk since the last scan and tells subscribers. Never throws. */
  rescan(): void {
    let paths: string[];
    try {
      paths = manifestFiles(this.root);
      this.missing = undefined;
    } catch (err) {
      paths = [];
      this.missing = `Cannot read the workspace ${this.root}: ${err instanceof Error ? err.message : String(err)}`;
    }
    const next = new Map<string, LoadedFile>();
    for (const abs of paths) {
      const rel = this.rel(abs);
      try {
        const st = statSync(abs);
        const sig = `${st.ino}:${st.mtimeMs}:${st.ctimeMs}:${st.size}`;
        const prev = this.files.get(rel);
        if (prev && prev.sig === sig) {
          next.set(rel, prev);
          continue;
        }
        const text = readFileSync(abs, "utf8");
        next.set(rel, { sig, indexed: prev && prev.indexed.text === text ? prev.indexed : indexFile(rel, text, this.dumpMode) });
      } catch {
        // Removed between listing and reading: the next scan settles it.
      }
    }
    this.replaceFiles(next);
  }

  private replaceFiles(next: Map<string, LoadedFile>): void {
    this.files = next;
    const byKey = new Map<string, WorkspaceEntry>();
    const duplicates: FileProblem[] = [];
    for (const f of next.values()) {
      for (const e of f.indexed.entries) {
        const key = entryKey(e.kind, e.object.metadata.namespace, e.object.metadata.name ?? "");
        const first = byKey.get(key);
        if (first) {
          duplicates.push({ file: e.file, line: e.line, column: 1, message: `${e.object.kind} "${e.object.metadata.name}" is already defined in ${first.file} (line ${first.line}); this copy is ignored` });
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

  load(kind: KindKey): Promise<KindSnapshot> {
    return Promise.resolve(this.snapshot(kind));
  }

  subscribe(kinds: readonly KindKey[], fn: (e: StoreEvent) => void): () => void {
    const l = { kinds: new Set(kinds.filter((k) => KIND_KEYS.includes(k))), fn };
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  async get(ref: ObjectRef): Promise<Result<KubeObject>> {
    this.rescan();
    const e = this.byKey.get(entryKey(ref.kind, ref.namespace ?? "default", ref.name)) ?? this.byKey.get(entryKey(ref.kind, ref.namespace, ref.name));
    if (!e) return fail({ type: "NotFound", message: `${ref.kind} "${ref.name}" is not in the workspace ${this.root}` });
    return { ok: true, value: e.object };
  }

  async crd(name: string): Promise<Result<KubeObject>> {
    const crd = shippedCrd(this.crdDir, name);
    if (!crd) return fail({ type: "NotFound", message: `Routeboard ships no CRD named ${name} for offline validation` });
    return { ok: true, value: crd };
  }

  async dryRun(obj: KubeObject, _opts?: ApplyOptions): Promise<Result<KubeObject>> {
    const plan = this.plan(obj);
    return plan.ok ? { ok: true, value: plan.result } : plan;
  }

  async apply(obj: KubeObject, _opts?: ApplyOptions): Promise<Result<KubeObject>> {
    const plan = this.plan(obj);
    if (!plan.ok) return plan;
    try {
      plan.write?.();
    } catch (err) {
      return fail({ type: "Failed", message: `Could not write ${plan.file}: ${err instanceof Error ? err.message : String(err)}` });
    }
    this.rescan();
    const stored = this.byKey.get(entryKey(plan.kind.key, plan.result.metadata.namespace, plan.result.metadata.name ?? ""));
    return { ok: true, value: stored?.object ?? plan.result };
  }

  /** Everything an apply does short of writing: read-only and conflict checks, validation, the new text. */
  private plan(obj: KubeObject): Plan {
    const kind = kindOf(obj.apiVersion, obj.kind);
    const name = obj.metadata?.name;
    if (!kind || !name) {
      return fail({ type: "Invalid", message: !kind ? `Routeboard does not manage ${obj.kind} (${obj.apiVersion})` : "metadata.name is required", causes: [] });
    }
    if (this.dumpMode) return fail(this.readOnlyError(this.rel(this.root)));
    const namespace = kind.namespaced ? obj.metadata.namespace || "default" : undefined;
    const loaded = this.byKey.get(entryKey(kind.key, namespace, name));
    if (loaded?.readOnly) return fail(this.readOnlyError(loaded.file));
    const given = obj.metadata.resourceVersion;
    if (!loaded) {
      // A version means the page saw this object: it was removed on disk since.
      if (given) return fail(this.stale(kind, name, "was removed from the workspace on disk"));
      const candidate = { ...obj, metadata: { ...obj.metadata, ...(namespace ? { namespace } : {}) } };
      const causes = validateOffline(kind.key, mergeForFile(undefined, candidate), this.crdDir);
      if (causes.length > 0) return fail({ type: "Invalid", message: invalidMessage(kind.key, name, causes), causes });
      const file = this.newFileName(kind, namespace, name);
      return { ok: true, kind, file, result: candidate, write: () => writeFileAtomic(this.abs(file), newFileText(candidate)) };
    }
    return this.planUpdate(kind, loaded, obj);
  }

  private planUpdate(kind: KindInfo, loaded: WorkspaceEntry, obj: KubeObject): Plan {
    const name = obj.metadata.name ?? "";
    const abs = this.abs(loaded.file);
    let text: string;
    try {
      text = readFileSync(abs, "utf8");
    } catch {
      return fail(this.stale(kind, name, `is gone: ${loaded.file} was removed on disk`));
    }
    const known = this.files.get(loaded.file)?.indexed.text;
    const current = indexFile(loaded.file, text, false).entries.find(
      (e) => e.kind === kind.key && e.object.metadata.name === name && e.object.metadata.namespace === loaded.object.metadata.namespace,
    );
    const given = obj.metadata.resourceVersion;
    // With a version, only this object's document counts (as resourceVersion does in a cluster);
    // without one, any change to the file since it was loaded does.
    const changed = !current || (given ? given !== current.object.metadata.resourceVersion : text !== known);
    if (changed) {
      if (text !== known) setTimeout(() => this.rescan(), 0).unref();
      return fail(this.stale(kind, name, `in ${loaded.file} was changed on disk by another program since it was loaded`));
    }
    const target = mergeForFile(current.source, obj);
    const causes = validateOffline(kind.key, { ...target, metadata: { ...target.metadata, namespace: current.object.metadata.namespace } }, this.crdDir);
    if (causes.length > 0) return fail({ type: "Invalid", message: invalidMessage(kind.key, name, causes), causes });
    const planned = planEdit(text, current.doc, target);
    if (!planned.ok) return fail({ type: "Failed", message: `${loaded.file}: ${planned.message}` });
    const result: KubeObject = { ...target, metadata: { ...target.metadata, namespace: current.object.metadata.namespace } };
    const write = (): void => {
      // Last check right before the rename: nothing may have changed the file since we read it.
      if (readFileSync(abs, "utf8") !== text) throw new Error("the file changed on disk while Routeboard was writing it; nothing was written");
      writeFileAtomic(abs, planned.text);
    };
    return { ok: true, kind, file: loaded.file, result, write };
  }

  async delete(ref: ObjectRef): Promise<Result<null>> {
    this.rescan();
    const e = this.byKey.get(entryKey(ref.kind, ref.namespace ?? "default", ref.name)) ?? this.byKey.get(entryKey(ref.kind, ref.namespace, ref.name));
    if (!e) return fail({ type: "NotFound", message: `${ref.kind} "${ref.name}" is not in the workspace` });
    if (e.readOnly) return fail(this.readOnlyError(e.file));
    const abs = this.abs(e.file);
    const text = this.files.get(e.file)?.indexed.text ?? "";
    const rest = planRemoval(text, e.doc);
    try {
      if (rest === null) unlinkSync(abs);
      else writeFileAtomic(abs, rest);
    } catch (err) {
      return fail({ type: "Failed", message: `Could not write ${e.file}: ${err instanceof Error ? err.message : String(err)}` });
    }
    this.rescan();
    return { ok: true, value: null };
  }

  close(): void {
    this.stopWatch?.();
    this.listeners.clear();
  }

  private newFileName(kind: KindInfo, namespace: string | undefined, name: string): string {
    const base = [kind.kind.toLowerCase(), namespace, name].filter(Boolean).join("-");
    for (let i = 1; ; i++) {
      const file = `${base}${i > 1 ? `-${i}` : ""}.yaml`;
      if (!existsSync(this.abs(file))) return file;
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
