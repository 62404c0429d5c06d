import type { Document, LineCounter } from "yaml";
import type { KubeObject } from "../k8s/meta";
import { duplicateKeyOffsets, MAX_DOCUMENTS, parseDocuments } from "./documents";
import { fillListItem, isListObject, kubeObjectProblem } from "./kube-object";
import { formatBytes, utf8LengthExceeds } from "./size";
import { DEFAULT_MAX_BYTES, type ParseError, type ParseOptions, type ParseResult } from "./types";

/**
 * Parse a multi-document YAML stream of Kubernetes objects. Never throws: every problem becomes an
 * error with its line and column, and the valid documents around a broken one still load.
 * Empty documents (a trailing `---`, comments only) are skipped silently, as kubectl does.
 */
export function parseManifests(text: string, opts: ParseOptions = {}): ParseResult {
  const { objects, errors } = parseManifestDocuments(text, opts);
  return { objects, errors };
}

/** parseManifests, with the parsed documents too (for callers that locate or edit them): one parse. */
export function parseManifestDocuments(text: string, opts: ParseOptions = {}): ParseResult & { docs: Document.Parsed[] } {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = utf8LengthExceeds(text, maxBytes);
  if (size.exceeds) {
    return {
      docs: [],
      objects: [],
      errors: [
        {
          line: 1,
          column: 1,
          message: `File is too large: more than ${formatBytes(maxBytes)} (limit ${maxBytes} bytes). Split it into smaller files.`,
        },
      ],
    };
  }
  const result: ParseResult = { objects: [], errors: [] };
  let parsed: ReturnType<typeof parseDocuments>;
  try {
    parsed = parseDocuments(text, opts.version ?? "1.1");
  } catch (err) {
    result.errors.push({ line: 1, column: 1, message: `YAML could not be read: ${errorMessage(err)}` });
    return { ...result, docs: [] };
  }
  const { docs, lines, truncatedAt } = parsed;
  docs.forEach((doc, index) => collectDocument(doc, index, lines, result));
  if (truncatedAt !== undefined) {
    result.errors.push(
      at(
        lines,
        truncatedAt,
        docs.length,
        `More than ${MAX_DOCUMENTS.toLocaleString("en-US")} YAML documents: the rest of the file was not read. Split it into smaller files.`,
      ),
    );
  }
  return { ...result, docs };
}

function collectDocument(doc: Document.Parsed, index: number, lines: LineCounter, out: ParseResult): void {
  if (doc.errors.length > 0) {
    for (const e of doc.errors) out.errors.push(at(lines, e.pos[0], index, e.message));
    return;
  }
  const dup = duplicateKeyOffsets(doc);
  if (dup.length > 0) {
    // The message the yaml library gives when it checks keys itself.
    for (const offset of dup) out.errors.push(at(lines, offset, index, "Map keys must be unique"));
    return;
  }
  if (doc.contents === null) return;
  const start = doc.contents.range[0];
  let value: unknown;
  try {
    // toJS enforces yaml's alias limit, which guards against "billion laughs" inputs.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    out.errors.push(at(lines, start, index, errorMessage(err)));
    return;
  }
  if (value === null || value === undefined) return;
  if (isListObject(value)) {
    value.items.forEach((item, i) => {
      const node = doc.getIn(["items", i], true) as { range?: [number, number, number] } | undefined;
      addObject(fillListItem(item, value), index, lines, node?.range?.[0] ?? start, out, `items[${i}]: `);
    });
    return;
  }
  addObject(value, index, lines, start, out, "");
}

function addObject(value: unknown, doc: number, lines: LineCounter, offset: number, out: ParseResult, prefix: string): void {
  const problem = kubeObjectProblem(value);
  if (problem !== null) {
    out.errors.push(at(lines, offset, doc, `Document ${doc + 1}: ${prefix}${problem}`));
    return;
  }
  out.objects.push({ doc, line: lines.linePos(offset).line, object: value as KubeObject });
}

function at(lines: LineCounter, offset: number, doc: number, message: string): ParseError {
  const pos = lines.linePos(offset);
  return { doc, line: pos.line, column: pos.col, message };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
