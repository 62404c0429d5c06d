// The kinds Routeboard shows, described as data: enough to build every URL and watch.
export interface KindInfo {
  /** Routeboard's key for the kind (unique, stable, used in URLs and query keys). */
  key: KindKey;
  kind: string;
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
  /** Absent from a cluster without its CRD; reported as "not installed", not as an error. */
  crd: boolean;
}

export const KIND_KEYS = [
  "GatewayClass",
  "Gateway",
  "HTTPRoute",
  "ReferenceGrant",
  "KnativeService",
  "Configuration",
  "Revision",
  "Route",
  "KIngress",
  "Service",
  "Namespace",
] as const;
export type KindKey = (typeof KIND_KEYS)[number];

const GW = "gateway.networking.k8s.io";
const SERVING = "serving.knative.dev";

export const KINDS: Record<KindKey, KindInfo> = {
  GatewayClass: { key: "GatewayClass", kind: "GatewayClass", group: GW, version: "v1", plural: "gatewayclasses", namespaced: false, crd: true },
  Gateway: { key: "Gateway", kind: "Gateway", group: GW, version: "v1", plural: "gateways", namespaced: true, crd: true },
  HTTPRoute: { key: "HTTPRoute", kind: "HTTPRoute", group: GW, version: "v1", plural: "httproutes", namespaced: true, crd: true },
  ReferenceGrant: { key: "ReferenceGrant", kind: "ReferenceGrant", group: GW, version: "v1beta1", plural: "referencegrants", namespaced: true, crd: true },
  KnativeService: { key: "KnativeService", kind: "Service", group: SERVING, version: "v1", plural: "services", namespaced: true, crd: true },
  Configuration: { key: "Configuration", kind: "Configuration", group: SERVING, version: "v1", plural: "configurations", namespaced: true, crd: true },
  Revision: { key: "Revision", kind: "Revision", group: SERVING, version: "v1", plural: "revisions", namespaced: true, crd: true },
  Route: { key: "Route", kind: "Route", group: SERVING, version: "v1", plural: "routes", namespaced: true, crd: true },
  KIngress: { key: "KIngress", kind: "Ingress", group: "networking.internal.knative.dev", version: "v1alpha1", plural: "ingresses", namespaced: true, crd: true },
  Service: { key: "Service", kind: "Service", group: "", version: "v1", plural: "services", namespaced: true, crd: false },
  Namespace: { key: "Namespace", kind: "Namespace", group: "", version: "v1", plural: "namespaces", namespaced: false, crd: false },
};

export function isKindKey(s: string): s is KindKey {
  return (KIND_KEYS as readonly string[]).includes(s);
}

export function apiVersionOf(k: KindInfo): string {
  return k.group ? `${k.group}/${k.version}` : k.version;
}

/** The kind an object belongs to, from its apiVersion and kind. */
export function kindOf(apiVersion: string, kind: string): KindInfo | undefined {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  return Object.values(KINDS).find((k) => k.kind === kind && k.group === group);
}

/** The REST path of a collection (all namespaces when namespace is undefined) or one object. */
export function resourcePath(k: KindInfo, namespace?: string, name?: string): string {
  const base = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  const ns = k.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  const obj = name ? `/${encodeURIComponent(name)}` : "";
  return `${base}${ns}/${k.plural}${obj}`;
}
