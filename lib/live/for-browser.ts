import type { KubeObject } from "../k8s/meta";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * What a list page needs of an object. managedFields and kubectl's last-applied copy can be
 * most of an object's size; editors fetch the full object when they need it.
 */
export function forBrowser(o: KubeObject): KubeObject {
  const { managedFields: _m, ...metadata } = o.metadata;
  if (metadata.annotations?.[LAST_APPLIED]) {
    const { [LAST_APPLIED]: _l, ...annotations } = metadata.annotations;
    metadata.annotations = annotations;
  }
  return { ...o, metadata };
}

/**
 * Who wrote the object last (the newest managedFields entry that is not a status write), in
 * words: what a page shows of managedFields without sending them.
 */
export function lastWriter(o: KubeObject): string | undefined {
  const entries = (o.metadata.managedFields ?? []).filter((m) => m.subresource !== "status" && m.time);
  const last = entries.sort((a, b) => (b.time ?? "").localeCompare(a.time ?? ""))[0];
  return last ? `${last.manager ?? "unknown"} (${last.operation ?? "?"}, ${last.time})` : undefined;
}
