// Rewrites one YAML document of a file so that it holds a new value, by splicing the source
// text at the nodes that changed. Everything else (comments, key order, quoting, indentation,
// blank lines, other documents) stays byte for byte: re-printing a document with the `yaml`
// library would normalise formatting the user chose, which shows up as noise in their Git diffs.
import { isMap, isScalar, isSeq, stringify, type Document, type Node, type Pair, type Scalar, type ToStringOptions } from "yaml";
import { deepEqual, isPlainObject } from "./deep-equal";

interface Edit {
  start: number;
  end: number;
  text: string;
  /** Generation order: at equal positions, later (outer) inserts must land before earlier (inner) ones. */
  seq: number;
}

interface Ctx {
  src: string;
  edits: Edit[];
  print: ToStringOptions & { version: "1.1" };
}

/** The text of `src` with document `doc` (parsed from `src`) changed to hold `next`. */
export function spliceDocument(src: string, doc: Document.Parsed, next: unknown): string {
  const ctx: Ctx = { src, edits: [], print: { version: "1.1", lineWidth: 0, indentSeq: detectIndentSeq(src) } };
  const root = doc.contents;
  if (root === null) return src;
  diffNode(ctx, root, doc.toJS({ maxAliasCount: 100 }), next);
  return applyEdits(src, ctx.edits);
}

function applyEdits(src: string, edits: Edit[]): string {
  const ordered = [...edits].sort((a, b) => b.start - a.start || b.seq - a.seq);
  let out = src;
  for (const e of ordered) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function push(ctx: Ctx, start: number, end: number, text: string): void {
  ctx.edits.push({ start, end, text, seq: ctx.edits.length });
}

function diffNode(ctx: Ctx, node: Node, oldV: unknown, newV: unknown): void {
  if (deepEqual(oldV, newV)) return;
  if (isMap(node) && !node.flow && isPlainObject(oldV) && isPlainObject(newV)) return diffMap(ctx, node.items as Pair<Node, Node | null>[], node, oldV, newV);
  if (isSeq(node) && !node.flow && Array.isArray(oldV) && Array.isArray(newV)) return diffSeq(ctx, node.items as (Node | null)[], node, oldV, newV);
  if (isScalar(node) && isScalarValue(newV) && node.range) return push(ctx, node.range[0], node.range[1], renderScalar(node, newV, ctx));
  replaceNode(ctx, node, newV);
}

function diffMap(ctx: Ctx, pairs: Pair<Node, Node | null>[], node: Node, oldV: Record<string, unknown>, newV: Record<string, unknown>): void {
  const { src } = ctx;
  const seen = new Set<string>();
  for (const pair of pairs) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || !pair.key.range) return replaceNode(ctx, node, newV);
    seen.add(key);
    if (!Object.hasOwn(newV, key)) {
      const start = lineStart(src, pair.key.range[0]);
      // A first key written after "- " shares its line with the sequence dash: not removable alone.
      if (src.slice(start, pair.key.range[0]).trim() !== "") return replaceNode(ctx, node, newV);
      const end = lineEndAfter(src, (pair.value?.range ?? pair.key.range)[2]);
      push(ctx, start, end, "");
      continue;
    }
    if (pair.value === null || !pair.value.range) return replaceNode(ctx, node, newV);
    diffNode(ctx, pair.value, oldV[key], newV[key]);
  }
  const added = Object.keys(newV).filter((k) => !seen.has(k));
  if (added.length === 0) return;
  const first = pairs[0]?.key.range;
  if (!first) return replaceNode(ctx, node, newV);
  const col = column(src, first[0]);
  const text = added.map((k) => indentBlock(stringify({ [k]: newV[k] }, ctx.print), col, true)).join("");
  insertAtLineStart(ctx, node.range?.[1] ?? src.length, text);
}

function diffSeq(ctx: Ctx, items: (Node | null)[], node: Node, oldV: unknown[], newV: unknown[]): void {
  const { src } = ctx;
  const dropped = newV.length < oldV.length ? droppedIndices(oldV, newV) : undefined;
  if (dropped) {
    for (const i of dropped) {
      const item = items[i];
      if (!item?.range) return replaceNode(ctx, node, newV);
      const dash = src.lastIndexOf("-", item.range[0]);
      const start = lineStart(src, dash);
      if (dash < 0 || src.slice(start, dash).trim() !== "") return replaceNode(ctx, node, newV);
      push(ctx, start, lineEndAfter(src, item.range[2]), "");
    }
    return;
  }
  const common = Math.min(oldV.length, newV.length);
  for (let i = 0; i < common; i++) {
    const item = items[i];
    if (!item?.range) return replaceNode(ctx, node, newV);
    diffNode(ctx, item, oldV[i], newV[i]);
  }
  if (newV.length < oldV.length) {
    for (let i = newV.length; i < oldV.length; i++) {
      const item = items[i];
      const dash = item?.range ? src.lastIndexOf("-", item.range[0]) : -1;
      if (!item?.range || dash < 0 || src.slice(lineStart(src, dash), dash).trim() !== "") return replaceNode(ctx, node, newV);
      push(ctx, lineStart(src, dash), lineEndAfter(src, item.range[2]), "");
    }
    return;
  }
  if (newV.length > oldV.length) {
    const firstItem = items[0];
    const dash = firstItem?.range ? src.lastIndexOf("-", firstItem.range[0]) : -1;
    if (dash < 0) return replaceNode(ctx, node, newV);
    const col = column(src, dash);
    const text = indentBlock(stringify(newV.slice(oldV.length), ctx.print), col, true);
    insertAtLineStart(ctx, node.range?.[1] ?? src.length, text);
  }
}

/** Which old items to drop so the rest equals `newV` (one removed backendRef, say), or undefined. */
function droppedIndices(oldV: unknown[], newV: unknown[]): number[] | undefined {
  const dropped: number[] = [];
  let j = 0;
  for (let i = 0; i < oldV.length; i++) {
    if (j < newV.length && deepEqual(oldV[i], newV[j])) j++;
    else dropped.push(i);
  }
  return j === newV.length ? dropped : undefined;
}

/** Replaces a whole node: block collections stay block at their column; anything else goes inline. */
function replaceNode(ctx: Ctx, node: Node, newV: unknown): void {
  const range = node.range;
  if (!range) throw new Error("node without a source range");
  const old = ctx.src.slice(range[0], range[1]);
  const blockBefore = (isMap(node) || isSeq(node)) && !node.flow;
  let text: string;
  if (blockBefore && isNonEmptyCollection(newV)) {
    text = indentBlock(stringify(newV, ctx.print), column(ctx.src, range[0]), false);
  } else if (isScalarValue(newV)) {
    text = isScalar(node) ? renderScalar(node, newV, ctx) : inline(newV, ctx);
  } else {
    // A scalar or flow node becoming a collection: flow style keeps it on the node's own line.
    text = stringify(newV, { ...ctx.print, collectionStyle: "flow" }).trimEnd();
  }
  if (old.endsWith("\n") && !text.endsWith("\n")) text += "\n";
  push(ctx, range[0], range[1], text);
}

type ScalarValue = string | number | boolean | null;

function isScalarValue(v: unknown): v is ScalarValue {
  return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

function isNonEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && v.length > 0) || (isPlainObject(v) && Object.keys(v).length > 0);
}

/** A new scalar in the old one's quoting style when that style can hold it. */
function renderScalar(node: Scalar, v: ScalarValue, ctx: Ctx): string {
  if (typeof v === "string" && !v.includes("\n")) {
    if (node.type === "QUOTE_DOUBLE") return JSON.stringify(v);
    if (node.type === "QUOTE_SINGLE") return `'${v.replaceAll("'", "''")}'`;
  }
  return inline(v, ctx);
}

/** One-line YAML for a value; multi-line strings as JSON, which is valid double-quoted YAML. */
function inline(v: ScalarValue, ctx: Ctx): string {
  if (typeof v === "string" && v.includes("\n")) return JSON.stringify(v);
  return stringify(v, ctx.print).trimEnd();
}

/** Indents every line after the first (and the first too when `all`) by `col` spaces. */
function indentBlock(text: string, col: number, all: boolean): string {
  const pad = " ".repeat(col);
  const lines = text.split("\n");
  return lines.map((l, i) => (l === "" || (i === 0 && !all) ? l : pad + l)).join("\n");
}

function insertAtLineStart(ctx: Ctx, pos: number, text: string): void {
  const prefix = pos > 0 && ctx.src[pos - 1] !== "\n" ? "\n" : "";
  push(ctx, pos, pos, prefix + text);
}

function lineStart(src: string, pos: number): number {
  return src.lastIndexOf("\n", pos - 1) + 1;
}

function column(src: string, pos: number): number {
  return pos - lineStart(src, pos);
}

/** The offset just after the line that holds `pos` (or `pos` itself when it already starts a line). */
function lineEndAfter(src: string, pos: number): number {
  if (pos > 0 && src[pos - 1] === "\n") return pos;
  const nl = src.indexOf("\n", pos);
  return nl < 0 ? src.length : nl + 1;
}

/** kubectl writes `key:\n- item` (sequences not indented under their key); keep whichever the file uses. */
function detectIndentSeq(src: string): boolean {
  const m = /^( *)[^\s#-][^\n]*:[ \t]*\n( *)- /m.exec(src);
  return m ? (m[2] ?? "").length > (m[1] ?? "").length : true;
}
