import type { KubeObject } from "./meta";

/** What one field manager owns of an object, at the depth Routeboard's editors write. */
export interface Owned {
  /** Top-level keys of spec (every HTTPRoute spec field is an atomic list or a scalar). */
  spec: Set<string>;
  labels: Set<string>;
  annotations: Set<string>;
}

const keysOf = (set: unknown): string[] =>
  set && typeof set === "object"
    ? Object.keys(set)
        .filter((k) => k.startsWith("f:"))
        .map((k) => k.slice(2))
    : [];

const child = (set: unknown, key: string): unknown => (set && typeof set === "object" ? (set as Record<string, unknown>)[key] : undefined);

/** The fields `manager` owns through apply (server-side apply's managedFields, FieldsV1). */
export function ownedBy(obj: KubeObject | undefined, manager: string): Owned {
  const owned: Owned = { spec: new Set(), labels: new Set(), annotations: new Set() };
  for (const e of obj?.metadata.managedFields ?? []) {
    if (e.manager !== manager || e.operation !== "Apply" || e.subresource || e.fieldsType !== "FieldsV1") continue;
    const f = e.fieldsV1;
    for (const k of keysOf(child(f, "f:spec"))) owned.spec.add(k);
    const meta = child(f, "f:metadata");
    for (const k of keysOf(child(meta, "f:labels"))) owned.labels.add(k);
    for (const k of keysOf(child(meta, "f:annotations"))) owned.annotations.add(k);
  }
  return owned;
}
