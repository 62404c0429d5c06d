// Compiles every x-kubernetes-validations rule of a schema once, into a tree parallel to the
// schema, so validating a route only evaluates ready-made programs. Transition rules (those
// reading oldSelf) are left out: the server skips them on create, and so does a fresh edit.
import { parse, plan, type CelInput, type CelResult } from "@bufbuild/cel";
import type { JSONSchemaProps, ValidationReason } from "./crd-types.ts";
import { ruleEnv } from "./cel-env.ts";
import type { FieldErrorType } from "./field-errors.ts";

export type Program = (self: CelInput) => CelResult;

export interface CompiledRule {
  rule: string;
  message?: string;
  reason?: ValidationReason;
  fieldPath?: string;
  program: Program;
  messageProgram?: Program;
}

/** A subtree already evaluated: its CEL value and its rule errors, paths relative to the node. */
export interface MemoEntry {
  self: CelInput;
  errors: { suffix: string; type: FieldErrorType; message: string }[];
}

export interface CompiledNode {
  schema: JSONSchemaProps;
  rules: CompiledRule[];
  /** All rules joined with &&: true means every rule passed, so one evaluation usually suffices. */
  allPass?: Program;
  props?: Map<string, CompiledNode>;
  items?: CompiledNode;
  extra?: CompiledNode;
  /** True when this node or a descendant has rules; false subtrees are converted, not walked. */
  active: boolean;
  /**
   * Verdicts by the subtree's JSON text, for nodes with rules of their own. Rules see only
   * `self`, so equal text means equal errors; on a keystroke almost every subtree is unchanged.
   */
  memo?: Map<string, MemoEntry>;
}

export interface CompileIssue {
  schemaPath: string;
  rule: string;
  error: string;
}

const OLD_SELF = /\boldSelf\b/;

function compileProgram(expr: string, cache: Map<string, Program>): Program {
  let p = cache.get(expr);
  if (!p) {
    const run = plan(ruleEnv(), parse(expr));
    p = (self) => run({ self });
    cache.set(expr, p);
  }
  return p;
}

export function compileSchema(schema: JSONSchemaProps, issues: CompileIssue[], schemaPath = "", cache = new Map<string, Program>()): CompiledNode {
  const rules: CompiledRule[] = [];
  for (const r of schema["x-kubernetes-validations"] ?? []) {
    if (OLD_SELF.test(r.rule)) continue;
    try {
      rules.push({
        rule: r.rule,
        message: r.message,
        reason: r.reason,
        fieldPath: r.fieldPath,
        program: compileProgram(r.rule, cache),
        messageProgram: r.messageExpression ? compileProgram(r.messageExpression, cache) : undefined,
      });
    } catch (e) {
      issues.push({ schemaPath, rule: r.rule, error: e instanceof Error ? e.message : String(e) });
    }
  }
  const node: CompiledNode = { schema, rules, active: rules.length > 0 };
  if (rules.length > 0) node.memo = new Map();
  if (rules.length > 1) node.allPass = compileProgram(rules.map((r) => `(${r.rule})`).join(" && "), cache);
  if (schema.properties) {
    node.props = new Map();
    for (const [k, ps] of Object.entries(schema.properties)) {
      const child = compileSchema(ps, issues, `${schemaPath}.${k}`, cache);
      node.props.set(k, child);
      node.active ||= child.active;
    }
  }
  if (schema.items) {
    node.items = compileSchema(schema.items, issues, `${schemaPath}[]`, cache);
    node.active ||= node.items.active;
  }
  if (typeof schema.additionalProperties === "object") {
    node.extra = compileSchema(schema.additionalProperties, issues, `${schemaPath}{}`, cache);
    node.active ||= node.extra.active;
  }
  return node;
}
