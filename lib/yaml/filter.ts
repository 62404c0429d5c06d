import type { KubeObject } from "../k8s/meta";
import type { ParsedObject } from "./types";

/**
 * The parsed objects of one kind, optionally of one API group (`gateway.networking.k8s.io`;
 * "" for the core group). Objects of other kinds are left for other callers, not dropped as errors.
 */
export function objectsOfKind<T extends KubeObject = KubeObject>(
  parsed: readonly ParsedObject[],
  kind: string,
  group?: string,
): ParsedObject<T>[] {
  return parsed.filter(
    (p): p is ParsedObject<T> => p.object.kind === kind && (group === undefined || apiGroup(p.object.apiVersion) === group),
  );
}

/** The group part of an apiVersion: "gateway.networking.k8s.io/v1" → "gateway.networking.k8s.io", "v1" → "". */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}
