// Plans a write to a workspace file: which text the file will hold after an apply or a delete.
// Pure apart from its inputs (text in, text out), so every rule here is tested without a disk.
import type { Document } from "yaml";
import type { KubeObject, ObjectMeta } from "../../k8s/meta";
import { parseDocuments, printManifest } from "../../yaml";
import { deepEqual, isPlainObject } from "./deep-equal";
import { spliceDocument } from "./edit-text";

/** Metadata the server (or a dump) owns: an apply never writes it, and never removes it from a file. */
const SERVER_META = ["resourceVersion", "uid", "creationTimestamp", "generation", "managedFields"] as const;

/**
 * What the file's document should hold after applying `applied` over `inFile`, the way a first
 * server-side apply by Routeboard merges into an object someone else wrote: mappings merge key
 * by key (a field the applied object leaves out stays, as fields owned by another manager do),
 * lists and scalars are replaced. Status and server-owned metadata stay as the file has them (an
 * apply never sets them), and a namespace the file left implicit stays implicit. Editors send
 * partial objects (the sliders send only spec.traffic), so replacing the whole object would lose
 * fields such as spec.template.
 */
export function mergeForFile(inFile: KubeObject | undefined, applied: KubeObject): KubeObject {
  const { status: _status, ...rest } = applied;
  const server: ReadonlySet<string> = new Set(SERVER_META);
  const metadata: ObjectMeta = Object.fromEntries(Object.entries(applied.metadata).filter(([k]) => !server.has(k)));
  if (inFile && inFile.metadata.namespace === undefined && metadata.namespace === "default") delete metadata.namespace;
  const patch: KubeObject = { ...rest, metadata };
  return inFile ? (mergeApplied(inFile, patch) as KubeObject) : patch;
}

function mergeApplied(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = Object.hasOwn(base, k) ? mergeApplied(base[k], v) : v;
  return out;
}

/** A new object's file: printed as Routeboard prints YAML, without status or server metadata. */
export function newFileText(applied: KubeObject): string {
  return printManifest(mergeForFile(undefined, applied));
}

/** A document's value as plain data. */
function docValue(doc: Document.Parsed): unknown {
  return doc.toJS({ maxAliasCount: 100 });
}

export type Planned = { ok: true; text: string } | { ok: false; message: string };

/**
 * `text` with document `index` replaced by `next`. Splices only the changed nodes; if the result
 * did not read back as `next` (a YAML construct the splicer does not handle), re-prints that one
 * document instead; if even that fails, refuses, so a wrong file is never written.
 */
export function planEdit(text: string, index: number, next: KubeObject): Planned {
  const { docs } = parseDocuments(text);
  const doc = docs[index];
  if (!doc || doc.errors.length > 0 || !doc.contents?.range) return { ok: false, message: "the document could not be read back" };
  const readsBack = (t: string): boolean => {
    const { docs: d } = parseDocuments(t);
    return d.length === docs.length && d[index]?.errors.length === 0 && deepEqual(d[index] ? docValue(d[index]) : undefined, next);
  };
  try {
    const spliced = spliceDocument(text, doc, next);
    if (readsBack(spliced)) return { ok: true, text: spliced };
  } catch {
    // fall through to re-printing the document
  }
  const [start, end] = doc.contents.range;
  const tail = text.slice(end);
  const reprinted = text.slice(0, start) + printManifest(next) + (text[end - 1] === "\n" ? tail : tail.replace(/^\n/, ""));
  if (readsBack(reprinted)) return { ok: true, text: reprinted };
  return { ok: false, message: "Routeboard could not rewrite this document safely; the file was left as it was" };
}

/**
 * `text` without document `index`, or null when that document was the only one holding anything
 * (the file should be removed).
 */
export function planRemoval(text: string, index: number): string | null {
  const { docs } = parseDocuments(text);
  const others = docs.filter((d, i) => i !== index && d.contents !== null);
  if (others.length === 0) return null;
  const doc = docs[index];
  if (!doc?.range) return text;
  const next = docs[index + 1];
  const end = next?.range ? next.range[0] : text.length;
  return text.slice(0, doc.range[0]) + text.slice(end);
}
