"use client";
// The browser's reads of Routeboard's API (GET route handlers) and its writes (server actions),
// each as a Result: a server that does not answer (restarted, network gone) is an error the page
// shows, never a rejected promise that leaves it stuck at "applying".
import type { KubeObject } from "../k8s/meta";
import type { KnativeSettings } from "../knative/settings";
import type { Access, KindKey, ObjectRef, Result } from "../store";
import type { WritableNamespaces } from "../store/writable-namespaces";

function unreachable(err: unknown): { ok: false; error: { type: "Unreachable"; message: string } } {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    ok: false,
    error: { type: "Unreachable", message: `Routeboard's server did not answer (${detail}). Reload the page to see whether anything changed.` },
  };
}

async function getResult<T>(path: string, params: Record<string, string | undefined>): Promise<Result<T>> {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  let res: Response;
  try {
    res = await fetch(`${path}?${q}`, { cache: "no-store" });
  } catch (err) {
    return unreachable(err);
  }
  const text = await res.text();
  try {
    return JSON.parse(text) as Result<T>;
  } catch {
    return { ok: false, error: { type: "Failed", message: text.trim() || `Routeboard's server answered HTTP ${res.status}`, code: res.status } };
  }
}

const refParams = (r: ObjectRef) => ({ kind: r.kind, namespace: r.namespace, name: r.name });

/** One object, fresh; `lastWriter`: who wrote it last ("kubectl-patch (Update, <time>)"). */
export const getObject = (ref: ObjectRef) => getResult<KubeObject>("/api/object", refParams(ref)) as Promise<Result<KubeObject> & { lastWriter?: string }>;
export const getAccess = (ref: ObjectRef) => getResult<Access>("/api/access", refParams(ref));
export const getWritableNamespaces = (kind: KindKey) => getResult<WritableNamespaces>("/api/access/namespaces", { kind });
export const getCrd = (name: string) => getResult<KubeObject>("/api/crd", { name });
export const getKnativeSettings = () => getResult<KnativeSettings>("/api/knative-settings", {});

/** A server action's call, with a failed call turned into a Result. */
export async function callAction<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (err) {
    return unreachable(err);
  }
}
