"use server";
// Reads and writes for every editor (canvas, traffic sliders), with the user's own
// credentials: validate the input, hand it to the store, return a typed result.
import type { KubeObject } from "@/lib/k8s/meta";
import { requestSession } from "@/lib/session/request-session";
import { isKindKey, kindOf, type ObjectRef, type Result } from "@/lib/store";

function notAnObject(o: unknown): string | undefined {
  if (typeof o !== "object" || o === null) return "expected a Kubernetes object";
  const k = o as Partial<KubeObject>;
  if (typeof k.apiVersion !== "string" || typeof k.kind !== "string") return "apiVersion and kind are required";
  if (typeof k.metadata?.name !== "string" || !k.metadata.name) return "metadata.name is required";
  if (!kindOf(k.apiVersion, k.kind)) return `Routeboard does not manage ${k.kind} (${k.apiVersion})`;
  return undefined;
}

async function withStore<T>(f: (s: NonNullable<Awaited<ReturnType<typeof requestSession>>["store"]>) => Promise<Result<T>>): Promise<Result<T>> {
  const { store, problem } = await requestSession();
  if (!store) return { ok: false, error: { type: "Unreachable", message: problem ?? "no cluster" } };
  return f(store);
}

export async function getObject(ref: ObjectRef): Promise<Result<KubeObject>> {
  if (!isKindKey(ref.kind) || !ref.name) return { ok: false, error: { type: "Invalid", message: "unknown kind or empty name", causes: [] } };
  return withStore((s) => s.get(ref));
}

export async function getCrd(name: string): Promise<Result<KubeObject>> {
  return withStore((s) => s.crd(name));
}

/** Server-side dry-run; with `force` to preview taking fields owned by others. */
export async function dryRunObject(obj: KubeObject, opts: { force?: boolean } = {}): Promise<Result<KubeObject>> {
  const bad = notAnObject(obj);
  if (bad) return { ok: false, error: { type: "Invalid", message: bad, causes: [] } };
  return withStore((s) => s.dryRun(obj, { force: opts.force === true }));
}

/** Server-side apply; `force` only when the user chose to take fields owned by others. */
export async function applyObject(obj: KubeObject, opts: { force?: boolean } = {}): Promise<Result<KubeObject>> {
  const bad = notAnObject(obj);
  if (bad) return { ok: false, error: { type: "Invalid", message: bad, causes: [] } };
  return withStore((s) => s.apply(obj, { force: opts.force === true }));
}
