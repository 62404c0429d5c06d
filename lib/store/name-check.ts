import { nameProblems, type KindInfo } from "../k8s/kinds";
import type { StoreError } from "./types";

/**
 * Refuses a name or namespace the API server would refuse, before anything else happens: no
 * request carries it as a URL segment and no file name is made from it ("..", "a/b", "%2f").
 * Both stores call it first in every operation that names an object.
 */
export function nameError(kind: KindInfo, namespace: string | undefined, name: string): StoreError | undefined {
  const problems = nameProblems(kind, namespace, name);
  if (problems.length === 0) return undefined;
  const what = kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
  return {
    type: "Invalid",
    message: `${what} ${JSON.stringify(name)} is invalid: ${problems.map((p) => p.message).join("; ")}`,
    causes: problems.map((p) => ({ field: p.field, message: p.message, reason: p.message.includes("Required") ? "FieldValueRequired" : "FieldValueInvalid" })),
  };
}
