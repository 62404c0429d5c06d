// The namespaces where this user may create an object of a kind, as the API server answers
// for their own credentials: a new-route form offers only those (and says why the others are not).
import type { KindKey } from "../k8s/kinds";
import type { Store } from "./types";

export interface WritableNamespaces {
  /** false when Namespaces cannot be listed: the caller lets the user type one. */
  listed: boolean;
  namespaces: { name: string; allowed: boolean; reason?: string }[];
}

/** A name no object has, so the review is the one for creating a new object. */
const PROBE = "routeboard-access-probe";
const PARALLEL = 8;

export async function writableNamespaces(store: Store, kind: KindKey): Promise<WritableNamespaces> {
  const snap = await store.load("Namespace");
  if (snap.state !== "ready") return { listed: false, namespaces: [] };
  const names = snap.items
    .map((n) => n.metadata.name ?? "")
    .filter(Boolean)
    .sort();
  // No Namespace objects (a workspace folder that declares none): nothing to offer, so the user types one.
  if (names.length === 0) return { listed: false, namespaces: [] };
  const out: WritableNamespaces["namespaces"] = new Array(names.length);
  // A few reviews at a time: a cluster of hundreds of namespaces must not open hundreds of requests.
  for (let i = 0; i < names.length; i += PARALLEL) {
    await Promise.all(
      names.slice(i, i + PARALLEL).map(async (name, j) => {
        const r = await store.mayWrite({ kind, namespace: name, name: PROBE });
        out[i + j] = r.ok
          ? { name, allowed: r.value.allowed, ...(r.value.reason && { reason: r.value.reason }) }
          : { name, allowed: false, reason: r.error.message };
      }),
    );
  }
  return { listed: true, namespaces: out };
}
