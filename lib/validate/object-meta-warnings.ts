// The warnings a successful create of a custom resource carries about its finalizers
// (customResourceStrategy.WarningsOnCreate → generateWarningsFromObj → validateKubeFinalizerName):
// each distinct finalizer, sorted, that is not domain-qualified. Invalid names never get here:
// they fail validation, and warnings are only sent for objects that pass.
import { isPlainObject } from "./defaults.ts";
import { goQuote } from "./go-format.ts";

const STANDARD = new Set(["orphan", "foregroundDeletion", "kubernetes"]);

export function finalizerWarnings(meta: unknown): string[] {
  const list = isPlainObject(meta) && Array.isArray(meta.finalizers) ? meta.finalizers : [];
  const names = [...new Set(list.filter((f): f is string => typeof f === "string"))].sort();
  return names
    .filter((f) => !f.includes("/") && !STANDARD.has(f))
    .map(
      (f) =>
        `metadata.finalizers: ${goQuote(f)}: ` +
        (f.includes(".")
          ? "prefer a domain-qualified finalizer name including a path (/) to avoid accidental conflicts with other finalizer writers"
          : "prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers"),
    );
}
