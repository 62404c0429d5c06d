import { objectNameProblems, type NameProblem, type NameRule } from "./names";
import { apiGroup } from "./api-group";

// The kinds Routeboard shows, described as data: enough to build every URL and watch.
export interface KindInfo {
  /** Routeboard's key for the kind (unique, stable, used in URLs and query keys). */
  key: KindKey;
  kind: string;
  /** What pages call it ("Knative Service": the group tells it from the core Service). */
  label: string;
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
  /** Absent from a cluster without its CRD; reported as "not installed", not as an error. */
  crd: boolean;
  /**
   * How names of this kind are validated: the API server's rule (custom resources: DNS-1123
   * subdomain; Namespaces and, since Kubernetes 1.34's RelaxedServiceNameValidation, core
   * Services: DNS-1123 label), and for Knative Serving's kinds the stricter one of Knative's
   * webhook (knative.dev/pkg ValidateObjectMetadata: DNS-1035 label).
   */
  nameRule: NameRule;
  /**
   * Pages may list, watch and read it through the API (/api/resources, /api/events,
   * /api/object). ConfigMaps are not: Routeboard reads only Knative's own, by name, on the server.
   */
  browsable: boolean;
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
  "VirtualService",
  "IstioGateway",
  "Service",
  "Namespace",
  "ConfigMap",
] as const;
export type KindKey = (typeof KIND_KEYS)[number];

const GW = "gateway.networking.k8s.io";
const SERVING = "serving.knative.dev";
const ISTIO = "networking.istio.io";

export const KINDS: Record<KindKey, KindInfo> = {
  GatewayClass: {
    key: "GatewayClass",
    kind: "GatewayClass",
    label: "GatewayClass",
    group: GW,
    version: "v1",
    plural: "gatewayclasses",
    namespaced: false,
    crd: true,
    nameRule: "dns1123-subdomain",
    browsable: true,
  },
  Gateway: {
    key: "Gateway",
    kind: "Gateway",
    label: "Gateway",
    group: GW,
    version: "v1",
    plural: "gateways",
    namespaced: true,
    crd: true,
    nameRule: "dns1123-subdomain",
    browsable: true,
  },
  HTTPRoute: {
    key: "HTTPRoute",
    kind: "HTTPRoute",
    label: "HTTPRoute",
    group: GW,
    version: "v1",
    plural: "httproutes",
    namespaced: true,
    crd: true,
    nameRule: "dns1123-subdomain",
    browsable: true,
  },
  ReferenceGrant: {
    key: "ReferenceGrant",
    kind: "ReferenceGrant",
    label: "ReferenceGrant",
    group: GW,
    version: "v1beta1",
    plural: "referencegrants",
    namespaced: true,
    crd: true,
    nameRule: "dns1123-subdomain",
    browsable: true,
  },
  KnativeService: {
    key: "KnativeService",
    kind: "Service",
    label: "Knative Service",
    group: SERVING,
    version: "v1",
    plural: "services",
    namespaced: true,
    crd: true,
    nameRule: "dns1035-label",
    browsable: true,
  },
  Configuration: {
    key: "Configuration",
    kind: "Configuration",
    label: "Configuration",
    group: SERVING,
    version: "v1",
    plural: "configurations",
    namespaced: true,
    crd: true,
    nameRule: "dns1035-label",
    browsable: true,
  },
  Revision: {
    key: "Revision",
    kind: "Revision",
    label: "Revision",
    group: SERVING,
    version: "v1",
    plural: "revisions",
    namespaced: true,
    crd: true,
    nameRule: "dns1035-label",
    browsable: true,
  },
  Route: {
    key: "Route",
    kind: "Route",
    label: "Route",
    group: SERVING,
    version: "v1",
    plural: "routes",
    namespaced: true,
    crd: true,
    nameRule: "dns1035-label",
    browsable: true,
  },
  KIngress: {
    key: "KIngress",
    kind: "Ingress",
    label: "KIngress",
    group: "networking.internal.knative.dev",
    version: "v1alpha1",
    plural: "ingresses",
    namespaced: true,
    crd: true,
    nameRule: "dns1123-subdomain",
    browsable: true,
  },
  // What net-istio writes for an Istio-class KIngress; v1beta1 is what it writes and every Istio since 1.x serves.
  VirtualService: {
    key: "VirtualService",
    kind: "VirtualService",
    label: "VirtualService",
    group: ISTIO,
    version: "v1beta1",
    plural: "virtualservices",
    namespaced: true,
    crd: true,
    nameRule: "dns1123-subdomain",
    browsable: true,
  },
  IstioGateway: {
    key: "IstioGateway",
    kind: "Gateway",
    label: "Istio Gateway",
    group: ISTIO,
    version: "v1beta1",
    plural: "gateways",
    namespaced: true,
    crd: true,
    nameRule: "dns1123-subdomain",
    browsable: true,
  },
  Service: {
    key: "Service",
    kind: "Service",
    label: "Service",
    group: "",
    version: "v1",
    plural: "services",
    namespaced: true,
    crd: false,
    nameRule: "dns1123-label",
    browsable: true,
  },
  Namespace: {
    key: "Namespace",
    kind: "Namespace",
    label: "Namespace",
    group: "",
    version: "v1",
    plural: "namespaces",
    namespaced: false,
    crd: false,
    nameRule: "dns1123-label",
    browsable: true,
  },
  ConfigMap: {
    key: "ConfigMap",
    kind: "ConfigMap",
    label: "ConfigMap",
    group: "",
    version: "v1",
    plural: "configmaps",
    namespaced: true,
    crd: false,
    nameRule: "dns1123-subdomain",
    browsable: false,
  },
};

export function isKindKey(s: string): s is KindKey {
  return (KIND_KEYS as readonly string[]).includes(s);
}

/** A kind pages may list, watch and read through Routeboard's API. */
export function isBrowsableKind(s: string): s is KindKey {
  return isKindKey(s) && KINDS[s].browsable;
}

export function apiVersionOf(k: KindInfo): string {
  return k.group ? `${k.group}/${k.version}` : k.version;
}

/** The kind an object belongs to, from its apiVersion and kind. */
export function kindOf(apiVersion: string, kind: string): KindInfo | undefined {
  const group = apiGroup(apiVersion);
  return Object.values(KINDS).find((k) => k.kind === kind && k.group === group);
}

/** The REST path of a collection (all namespaces when namespace is undefined) or one object. */
export function resourcePath(k: KindInfo, namespace?: string, name?: string): string {
  const base = k.group ? `/apis/${k.group}/${k.version}` : `/api/${k.version}`;
  const ns = k.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  const obj = name ? `/${encodeURIComponent(name)}` : "";
  return `${base}${ns}/${k.plural}${obj}`;
}

/** Why `namespace`/`name` cannot name an object of this kind (checked before any request or file). */
export function nameProblems(k: KindInfo, namespace: string | undefined, name: string): NameProblem[] {
  return objectNameProblems(k.nameRule, name, k.namespaced ? (namespace ?? "default") : undefined);
}
