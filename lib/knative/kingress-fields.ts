// Readers for the KIngress lists Go writes as JSON null when they are nil: `paths` and `splits`
// have no omitempty in networking v1alpha1, so a KIngress read back from the API server can carry
// `"splits": null`. The generated types say "always a list"; these say what the data may hold.
import type { KIngressPath, KIngressRule, KIngressSplit } from "./types";

type HTTPRuleValue = NonNullable<KIngressRule["http"]>;

/** A rule's paths; a nil list ranges over nothing in Go. */
export function pathsOf(http: HTTPRuleValue): readonly KIngressPath[] {
  return (http.paths as KIngressPath[] | null | undefined) ?? [];
}

/** A path's splits; a nil list ranges over nothing in Go. */
export function splitsOf(path: KIngressPath): readonly KIngressSplit[] {
  return (path.splits as KIngressSplit[] | null | undefined) ?? [];
}

/** Whether Go sees the list as nil (encoded as null), rather than empty. */
export function isNilList(list: readonly unknown[] | null | undefined): boolean {
  return list === null || list === undefined;
}
