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
