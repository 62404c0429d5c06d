import { stringify, type ToStringOptions, type CreateNodeOptions, type DocumentOptions, type SchemaOptions } from "yaml";

const TOP_ORDER = ["apiVersion", "kind", "metadata", "spec", "status"] as const;
const META_ORDER = ["name", "namespace", "labels", "annotations"] as const;

/**
 * Printing options. YAML 1.1 so strings such as "on", "yes" or "y" get quoted: kubectl and the API
 * server read YAML 1.1, where those plain scalars are booleans. No anchors for shared objects, and
 * no line folding, so the output diffs cleanly.
 */
const PRINT_OPTIONS: DocumentOptions & SchemaOptions & CreateNodeOptions & ToStringOptions = {
  version: "1.1",
  aliasDuplicateObjects: false,
  lineWidth: 0,
};

/**
 * Kubernetes key order at the top level and in metadata; everything else keeps its order. Only
 * these two levels are rebuilt (shallow copies), so printing costs about what `yaml` alone does.
 */
export function orderKubeKeys<T extends object>(object: T): T {
  const src = object as Record<string, unknown>;
  const out = reorder(src, TOP_ORDER);
  const meta = out.metadata;
  if (meta !== null && typeof meta === "object" && !Array.isArray(meta)) {
    out.metadata = reorder(meta as Record<string, unknown>, META_ORDER);
  }
  return out as T;
}

function reorder(src: Record<string, unknown>, first: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of first) if (Object.hasOwn(src, key)) out[key] = src[key];
  for (const key of Object.keys(src)) if (!Object.hasOwn(out, key)) set(out, key, src[key]);
  return out;
}

// defineProperty, so a "__proto__" key read from YAML stays data and never becomes a prototype.
function set(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** One object as a YAML document (no `---`), ending with a newline. */
export function printManifest(object: object): string {
  return stringify(orderKubeKeys(object), PRINT_OPTIONS);
}

/** Several objects as one multi-document stream separated by `---`. */
export function printManifests(objects: readonly object[]): string {
  let out = "";
  for (let i = 0; i < objects.length; i++) {
    if (i > 0) out += "---\n";
    out += printManifest(objects[i] as object);
  }
  return out;
}
