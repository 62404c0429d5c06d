import { isBrowsableKind, type ObjectRef } from "../store";

/** An object reference from a query string (?kind=&namespace=&name=), or what is wrong with it. */
export function refParam(q: URLSearchParams): ObjectRef | string {
  const kind = q.get("kind") ?? "";
  const name = q.get("name") ?? "";
  const namespace = q.get("namespace") ?? undefined;
  if (!isBrowsableKind(kind)) return `unknown kind "${kind}"`;
  if (!name) return "name is required";
  return { kind, name, ...(namespace !== undefined && { namespace }) };
}
