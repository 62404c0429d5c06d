import type { KindKey } from "../k8s/kinds";
import type { KindSnapshot, Store } from "./types";

/**
 * A kind's snapshot if the store has it within `ms` (it has, once warm), else undefined: a
 * server render may use it for a first screen but must not hang on a cluster that is slow to
 * answer; the page then loads in the browser as it would without it.
 */
export async function loadWithin(store: Store, kind: KindKey, ms: number): Promise<KindSnapshot | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    const snap = await Promise.race([store.load(kind), late]);
    return snap?.state === "ready" ? snap : undefined;
  } finally {
    clearTimeout(timer);
  }
}
