// One manifest file as the store sees it: the objects of kinds Routeboard shows, where each
// came from (document index), a version that changes whenever its document's text changes,
// and the file's problems with line and column.
import { createHash } from "node:crypto";
import type { KubeObject } from "../../k8s/meta";
import { parseManifestDocuments, type ParseError } from "../../yaml";
import { kindOf, type KindKey } from "../../k8s/kinds";

export interface WorkspaceEntry {
  kind: KindKey;
  /** The object as pages see it: namespace defaulted, resourceVersion set to the version below. */
  object: KubeObject;
  /** The object exactly as its file holds it. */
  source: KubeObject;
  /** Path relative to the workspace root, with "/" separators. */
  file: string;
  doc: number;
  line: number;
  /** Items of a `kind: List` (a kubectl dump) are shown but never written. */
  readOnly: boolean;
}

export interface FileProblem extends ParseError {
  file: string;
}

export interface IndexedFile {
  text: string;
  entries: WorkspaceEntry[];
  problems: FileProblem[];
  /** Not read at all (too large, not UTF-8, too slow to parse): never written to. */
  unreadable?: boolean;
}

export function sha(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

export function entryKey(kind: KindKey, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ""}/${name}`;
}

/** Parses one file. Never throws: problems are reported with file, line and column. */
export function indexFile(file: string, text: string, dumpMode: boolean): IndexedFile {
  const parsed = parseManifestDocuments(text);
  const problems: FileProblem[] = parsed.errors.map((e) => ({ ...e, file }));
  const docs = parsed.docs;
  const entries: WorkspaceEntry[] = [];
  parsed.objects.forEach((p) => {
    const info = kindOf(p.object.apiVersion, p.object.kind);
    if (!info) return; // Deployments, ConfigMaps...: kept in the file, not shown.
    const doc = docs[p.doc];
    const docText = doc?.range ? text.slice(doc.range[0], doc.range[2]) : "";
    const fromList = typeof doc?.get("kind") === "string" && String(doc.get("kind")).endsWith("List");
    const metadata = { ...p.object.metadata };
    if (info.namespaced && !metadata.namespace) metadata.namespace = "default";
    // The version covers the document's source text, comments included: any change to it on
    // disk after a page loaded the object makes that page's apply a conflict.
    metadata.resourceVersion = `ws-${sha(`${docText}\n${JSON.stringify(p.object)}`)}`;
    entries.push({
      kind: info.key,
      object: { ...p.object, metadata },
      source: p.object,
      file,
      doc: p.doc,
      line: p.line,
      readOnly: dumpMode || fromList,
    });
  });
  return { text, entries, problems };
}
