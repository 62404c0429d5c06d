// metav1.LabelSelector as apimachinery reads it (metav1.LabelSelectorAsSelector and
// labels.NewRequirement in k8s.io/apimachinery v0.35): config-istio's `labelSelector` picks
// which KIngresses a gateway serves.
import { isQualifiedName } from "../../k8s/names";

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

type Requirement = { key: string; op: "=" | "in" | "notin" | "exists" | "!"; values: readonly string[] };

const OPERATORS: Record<string, Requirement["op"]> = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!" };
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * metav1.LabelSelectorAsSelector, as a predicate: undefined (a nil selector) selects nothing, an
 * empty one everything. Throws the error apimachinery returns for an invalid selector.
 */
export function labelSelectorMatcher(sel: LabelSelector | undefined): (labels: Readonly<Record<string, string>>) => boolean {
  if (!sel) return () => false;
  const reqs = [
    ...Object.entries(sel.matchLabels ?? {}).map(([key, v]) => requirement(key, "=", [v])),
    ...(sel.matchExpressions ?? []).map(expressionRequirement),
  ];
  return (labels) => reqs.every((r) => matches(r, labels));
}

function expressionRequirement(e: LabelSelectorRequirement): Requirement {
  const op = Object.hasOwn(OPERATORS, e.operator) ? OPERATORS[e.operator] : undefined;
  if (!op) throw new Error(`${JSON.stringify(e.operator)} is not a valid label selector operator`);
  return requirement(e.key, op, e.values ?? []);
}

// labels.NewRequirement: the key is a qualified name, the value count fits the operator, each
// value is a label value.
function requirement(key: string, op: Requirement["op"], values: readonly string[]): Requirement {
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length > 0) throw new Error(`key: Invalid value: ${JSON.stringify(key)}: ${keyErrs.join("; ")}`);
  if ((op === "in" || op === "notin") && values.length === 0) throw new Error("values: Invalid value: for 'in', 'notin' operators, values set can't be empty");
  if (op === "=" && values.length !== 1) throw new Error("values: Invalid value: exact-match compatibility requires one single value");
  if ((op === "exists" || op === "!") && values.length !== 0) throw new Error("values: Invalid value: values set must be empty for exists and does not exist");
  for (const v of values) {
    if (v.length > 63 || !LABEL_VALUE.test(v)) throw new Error(`values[]: Invalid value: ${JSON.stringify(v)}: not a valid label value`);
  }
  return { key, op, values };
}

// labels.Requirement.Matches: NotIn and DoesNotExist match a KIngress without the label.
function matches(r: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.op) {
    case "=":
    case "in":
      return has && r.values.includes(value ?? "");
    case "notin":
      return !has || !r.values.includes(value ?? "");
    case "exists":
      return has;
    case "!":
      return !has;
  }
}
