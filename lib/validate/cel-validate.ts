// Evaluates compiled rules over a pruned, defaulted object, the way the API server's CEL
// validator does: every node that has rules is checked with `self` bound to that node's value;
// a node's own errors come before its children's.
import { isCelError, type CelError, type CelInput } from "@bufbuild/cel";
import type { CompiledNode, CompiledRule } from "./cel-compile.ts";
import { listToCel, objectToCel, scalarToCel, toCel } from "./cel-value.ts";
import { isPlainObject } from "./defaults.ts";
import { duplicate, forbidden, invalid, invalidOmitValue, required, type FieldError } from "./field-errors.ts";
import { childPath, indexPath, keyPath } from "./json-path.ts";

const MEMO_LIMIT = 4096;

export function evaluateRules(value: unknown, node: CompiledNode, path: string, out: FieldError[]): CelInput {
  if (!node.active) return toCel(value, node.schema);
  if (!node.memo) return evaluateNode(value, node, path, out);
  const key = JSON.stringify(value) ?? "";
  const hit = node.memo.get(key);
  if (hit) {
    for (const e of hit.errors) out.push({ path: path + e.suffix, type: e.type, message: e.message });
    return hit.self;
  }
  const start = out.length;
  const self = evaluateNode(value, node, path, out);
  if (node.memo.size >= MEMO_LIMIT) node.memo.clear(); // bounded: an editing session, not a history
  const errors = out.slice(start).map((e) => ({ suffix: e.path.slice(path.length), type: e.type, message: e.message }));
  node.memo.set(key, { self, errors });
  return self;
}

function evaluateNode(value: unknown, node: CompiledNode, path: string, out: FieldError[]): CelInput {
  const start = out.length;
  let self: CelInput;
  if (Array.isArray(value)) {
    const items = node.items;
    self = listToCel(value.map((v, i) => (items ? evaluateRules(v, items, indexPath(path, i), out) : toCel(v, undefined))));
  } else if (isPlainObject(value)) {
    const entries: [string, CelInput][] = [];
    for (const [k, v] of Object.entries(value)) {
      const prop = node.props?.get(k);
      const child = prop ?? node.extra;
      const childP = prop ? childPath(path, k) : keyPath(path, k);
      entries.push([k, child ? evaluateRules(v, child, childP, out) : toCel(v, undefined)]);
    }
    self = objectToCel(entries, !node.extra);
  } else {
    self = scalarToCel(value, node.schema);
  }
  if (value === null || value === undefined || node.rules.length === 0) return self;
  if (node.allPass && node.allPass(self) === true) return self;
  const own: FieldError[] = [];
  for (const r of node.rules) {
    const result = r.program(self);
    if (isCelError(result)) own.push(runtimeError(r, result, path, node.schema.type ?? ""));
    else if (result !== true) own.push(ruleFailure(r, self, path));
  }
  if (own.length) out.splice(start, 0, ...own);
  return self;
}

const ruleErrorString = (r: CompiledRule) => r.message?.trim() || r.rule.trim();

function ruleMessage(r: CompiledRule, self: CelInput): string {
  if (r.messageProgram) {
    const m = r.messageProgram(self);
    // The server falls back to `message` when messageExpression fails or yields nothing usable.
    if (typeof m === "string" && m.trim() !== "" && !m.includes("\n")) return m;
  }
  return r.message?.trim() || `failed rule: ${r.rule.trim()}`;
}

function ruleFailure(r: CompiledRule, self: CelInput, path: string): FieldError {
  const p = r.fieldPath ? appendFieldPath(path, r.fieldPath) : path;
  const msg = ruleMessage(r, self);
  switch (r.reason) {
    case "FieldValueForbidden":
      return forbidden(p, msg);
    case "FieldValueRequired":
      return required(p, msg);
    case "FieldValueDuplicate":
      return duplicate(p, msg);
    default:
      return invalidOmitValue(p, msg);
  }
}

// cel-go words these differently from @bufbuild/cel; the server's wording is what users see.
function goCelError(e: CelError): string {
  const m = e.message;
  const noKey = /^field not found: (.*)$/.exec(m);
  if (noKey) return `no such key: ${noKey[1]}`;
  if (/parse duration/i.test(m)) return "type conversion error from 'string' to 'google.protobuf.Duration'";
  if (/parse timestamp/i.test(m)) return "type conversion error from 'string' to 'google.protobuf.Timestamp'";
  return m;
}

function runtimeError(r: CompiledRule, e: CelError, path: string, schemaType: string): FieldError {
  return invalid(path, schemaType, `${goCelError(e)} evaluating rule: ${ruleErrorString(r)}`);
}

/** `.a.b`, `.a['b.c']`, `.list[2]` relative to the rule's node, as the server appends it. */
export function appendFieldPath(base: string, fieldPath: string): string {
  let p = base;
  const re = /\.([A-Za-z_][A-Za-z0-9_-]*)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fieldPath))) {
    if (m[1] !== undefined) p = childPath(p, m[1]);
    else if (m[2] !== undefined) p = childPath(p, m[2]);
    else if (m[3] !== undefined) p = indexPath(p, Number(m[3]));
  }
  return p;
}
