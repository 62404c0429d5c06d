import type { KubeObject } from "../k8s/meta";
import { apiGroup } from "../k8s/api-group";
import type { ParsedObject } from "./types";

/**
 * The parsed objects of one kind, optionally of one API group (`gateway.networking.k8s.io`;
 * "" for the core group). Objects of other kinds are left for other callers, not dropped as errors.
 */
export function objectsOfKind<T extends KubeObject = KubeObject>(parsed: readonly ParsedObject[], kind: string, group?: string): ParsedObject<T>[] {
  return parsed.filter((p): p is ParsedObject<T> => p.object.kind === kind && (group === undefined || apiGroup(p.object.apiVersion) === group));
}
