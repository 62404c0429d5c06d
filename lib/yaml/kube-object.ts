import type { KubeObject } from "../k8s/meta";

/** Why a parsed value is not a usable Kubernetes object, or null when it is one. */
export function kubeObjectProblem(value: unknown): string | null {
  if (value === null || typeof value !== "object") return `expected a Kubernetes object (a mapping), got ${describe(value)}`;
  if (Array.isArray(value)) return "expected a Kubernetes object (a mapping), got a sequence";
  const obj = value as Record<string, unknown>;
  const missing: string[] = [];
  if (typeof obj.apiVersion !== "string" || obj.apiVersion === "") missing.push("apiVersion");
  if (typeof obj.kind !== "string" || obj.kind === "") missing.push("kind");
  const meta = obj.metadata;
  if (meta === null || typeof meta !== "object" || Array.isArray(meta)) missing.push("metadata.name");
  else {
    const name = (meta as Record<string, unknown>).name;
    if (typeof name !== "string" || name === "") missing.push("metadata.name");
  }
  if (missing.length === 0) return null;
  const what = typeof obj.kind === "string" && obj.kind !== "" ? `${obj.kind} ` : "object ";
  return `${what}is missing ${missing.join(", ")}`;
}

export function isKubeObject(value: unknown): value is KubeObject {
  return kubeObjectProblem(value) === null;
}

/**
 * `kind: List` (what `kubectl get -o yaml` prints) and typed lists such as `HTTPRouteList` (what
 * the API returns) hold their objects in `items`.
 */
export function isListObject(value: unknown): value is { apiVersion?: unknown; kind: string; items: unknown[] } {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const obj = value as Record<string, unknown>;
  return typeof obj.kind === "string" && obj.kind.endsWith("List") && Array.isArray(obj.items);
}

/** Items of a typed list (`HTTPRouteList`) often omit apiVersion and kind: take them from the list. */
export function fillListItem(item: unknown, list: { apiVersion?: unknown; kind: string }): unknown {
  if (list.kind === "List" || item === null || typeof item !== "object" || Array.isArray(item)) return item;
  const obj = item as Record<string, unknown>;
  if (obj.kind !== undefined && obj.apiVersion !== undefined) return item;
  return { apiVersion: list.apiVersion, kind: list.kind.slice(0, -"List".length), ...obj };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)}`;
  return `a ${typeof value}`;
}
