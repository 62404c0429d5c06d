// The objects predictStatus reads, sorted by kind (API group and kind, since Knative's Service
// and the core Service share a name), with the look-ups the rules need.
import { apiGroup } from "../../k8s/api-group";
import type { KubeObject } from "../../k8s/meta";
import { GATEWAY_GROUP, type NamespaceLabels } from "../listeners";
import type { Gateway, GatewayClass, HTTPRoute, ListenerSet, ReferenceGrant } from "../types.generated";
import type { BackendTLSPolicy } from "./backend-tls";
import type { PredictOptions } from "./types";

/** The fields of a core Service the rules read (core kinds are not generated from CRDs). */
export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  readonly protocol?: string;
  readonly appProtocol?: string;
}
export interface ServiceSpec {
  readonly type?: string;
  readonly selector?: Readonly<Record<string, string>>;
  readonly externalName?: string;
  readonly ports?: readonly ServicePort[];
}

/** A backendRef of a route of another kind (the fields every route kind shares). */
export interface OtherBackendRef {
  readonly group?: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name: string;
  readonly port?: number;
  readonly weight?: number;
}

/** A route of another kind (GRPCRoute, TLSRoute, TCPRoute, UDPRoute): counted in attachedRoutes; TLSRoutes route TLS connections. */
export interface OtherRoute {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly creationTimestamp?: string;
  readonly hostnames: readonly string[] | undefined;
  readonly parentRefs: readonly { group?: string; kind?: string; namespace?: string; name: string; sectionName?: string; port?: number }[];
  /** The backendRefs of each rule. */
  readonly rules: readonly (readonly OtherBackendRef[])[];
}

/** Whether a referenced Secret or ConfigMap exists and holds what it must. */
export type RefState =
  { readonly state: "ok" } | { readonly state: "invalid"; readonly why: string } | { readonly state: "missing" } | { readonly state: "unknown" };

export interface Inputs {
  readonly gateways: readonly Gateway[];
  readonly routes: readonly HTTPRoute[];
  readonly otherRoutes: readonly OtherRoute[];
  readonly listenerSets: readonly ListenerSet[];
  readonly grants: readonly ReferenceGrant[];
  readonly backendTLSPolicies: readonly BackendTLSPolicy[];
  readonly gatewayClass: (name: string) => GatewayClass | undefined;
  /** Class names taken as existing and accepted (PredictOptions.acceptedClasses). */
  readonly assumedClass: (name: string) => boolean;
  readonly gateway: (namespace: string, name: string) => Gateway | undefined;
  readonly listenerSet: (namespace: string, name: string) => ListenerSet | undefined;
  readonly service: (namespace: string, name: string) => ServiceSpec | undefined;
  /** Names of the Deployments/StatefulSets/DaemonSets in a namespace whose pods a selector picks. */
  readonly workloads: (namespace: string, selector: Readonly<Record<string, string>>) => string[];
  readonly namespaceLabels: NamespaceLabels;
  /** Any object among the inputs, by group, kind, namespace and name. */
  readonly has: (group: string, kind: string, namespace: string, name: string) => boolean;
  readonly certificateSecret: (namespace: string, name: string) => RefState;
  readonly caConfigMap: (namespace: string, name: string) => RefState;
  /** PredictOptions.supportedFeatures; undefined: not known. */
  readonly features?: ReadonlySet<string>;
}

const key = (namespace: string | undefined, name: string | undefined) => `${namespace ?? ""}/${name ?? ""}`;
export const nsOf = (o: { readonly metadata: { readonly namespace?: string } }): string => o.metadata.namespace ?? "default";
export const nameOf = (o: { readonly metadata: { readonly name?: string } }): string => o.metadata.name ?? "";
export const fullName = (o: { readonly metadata: { readonly namespace?: string; readonly name?: string } }): string => `${nsOf(o)}/${nameOf(o)}`;

const OTHER_ROUTE_KINDS = new Set(["GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"]);

function decode(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  try {
    return atob(value);
  } catch {
    return undefined;
  }
}

/** The value of a Secret/ConfigMap key: `data` is base64 for Secrets, `stringData`/ConfigMap `data` is plain. */
function entry(o: KubeObject, k: string, base64: boolean): string | undefined {
  const data = o["data"] as Record<string, unknown> | undefined;
  const stringData = o["stringData"] as Record<string, unknown> | undefined;
  const plain = stringData?.[k];
  if (typeof plain === "string") return plain;
  return base64 ? decode(data?.[k]) : typeof data?.[k] === "string" ? (data[k] as string) : undefined;
}

function secretState(o: KubeObject): RefState {
  const crt = entry(o, "tls.crt", true);
  const keyPem = entry(o, "tls.key", true);
  if (crt === undefined || keyPem === undefined) return { state: "invalid", why: "it has no tls.crt and tls.key" };
  if (!crt.includes("-----BEGIN CERTIFICATE-----")) return { state: "invalid", why: "tls.crt is not a PEM certificate" };
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(keyPem)) return { state: "invalid", why: "tls.key is not a PEM private key" };
  return { state: "ok" };
}

function configMapState(o: KubeObject): RefState {
  const ca = entry(o, "ca.crt", false);
  return ca === undefined ? { state: "invalid", why: "it has no ca.crt" } : { state: "ok" };
}

function byNamespaceName<T extends { readonly metadata: { readonly namespace?: string; readonly name?: string } }>(a: T, b: T): number {
  const x = fullName(a);
  const y = fullName(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function readInputs(objects: readonly KubeObject[], opts: PredictOptions = {}): Inputs {
  const gateways: Gateway[] = [];
  const routes: HTTPRoute[] = [];
  const otherRoutes: OtherRoute[] = [];
  const listenerSets: ListenerSet[] = [];
  const grants: ReferenceGrant[] = [];
  const backendTLSPolicies: BackendTLSPolicy[] = [];
  const classes = new Map<string, GatewayClass>();
  const services = new Map<string, ServiceSpec>();
  const namespaces = new Map<string, Record<string, string | undefined>>();
  const secrets = new Map<string, KubeObject>();
  const configMaps = new Map<string, KubeObject>();
  const all = new Set<string>();
  const workloads: { namespace: string; name: string; labels: Record<string, string> }[] = [];
  for (const o of objects) {
    if (!o?.metadata?.name || typeof o.kind !== "string") continue;
    const group = apiGroup(o.apiVersion);
    const k = key(o.metadata.namespace, o.metadata.name);
    all.add(`${group}/${o.kind}/${k}`);
    if (group === GATEWAY_GROUP) {
      if (o.kind === "Gateway") gateways.push(o as unknown as Gateway);
      else if (o.kind === "HTTPRoute") routes.push(o as unknown as HTTPRoute);
      else if (o.kind === "ListenerSet") listenerSets.push(o as unknown as ListenerSet);
      else if (o.kind === "ReferenceGrant") grants.push(o as unknown as ReferenceGrant);
      else if (o.kind === "GatewayClass") classes.set(o.metadata.name, o as unknown as GatewayClass);
      else if (o.kind === "BackendTLSPolicy") backendTLSPolicies.push(o as unknown as BackendTLSPolicy);
      else if (OTHER_ROUTE_KINDS.has(o.kind)) {
        const spec = (o["spec"] ?? {}) as { hostnames?: string[]; parentRefs?: OtherRoute["parentRefs"]; rules?: { backendRefs?: OtherBackendRef[] }[] };
        otherRoutes.push({
          kind: o.kind,
          namespace: o.metadata.namespace ?? "default",
          name: o.metadata.name,
          ...(o.metadata.creationTimestamp !== undefined && { creationTimestamp: o.metadata.creationTimestamp }),
          hostnames: o.kind === "GRPCRoute" || o.kind === "TLSRoute" ? (spec.hostnames ?? []) : undefined,
          parentRefs: spec.parentRefs ?? [],
          rules: (spec.rules ?? []).map((r) => r.backendRefs ?? []),
        });
      }
    } else if (group === "apps" && (o.kind === "Deployment" || o.kind === "StatefulSet" || o.kind === "DaemonSet")) {
      const labels = (o["spec"] as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)?.template?.metadata?.labels ?? {};
      workloads.push({ namespace: o.metadata.namespace ?? "default", name: o.metadata.name, labels });
    } else if (group === "") {
      if (o.kind === "Service") services.set(k, (o["spec"] ?? {}) as ServiceSpec);
      else if (o.kind === "Namespace") namespaces.set(o.metadata.name, { ...o.metadata.labels });
      else if (o.kind === "Secret") secrets.set(k, o);
      else if (o.kind === "ConfigMap") configMaps.set(k, o);
    }
  }
  const assumed = new Set(opts.acceptedClasses ?? []);
  const secretNames = opts.secrets === undefined ? undefined : new Set(opts.secrets);
  const configMapNames = opts.configMaps === undefined ? undefined : new Set(opts.configMaps);
  const lookup =
    (objs: Map<string, KubeObject>, names: Set<string> | undefined, state: (o: KubeObject) => RefState) =>
    (ns: string, name: string): RefState => {
      const o = objs.get(key(ns, name));
      if (o) return state(o);
      if (names === undefined) return { state: "unknown" };
      return names.has(key(ns, name)) ? { state: "ok" } : { state: "missing" };
    };
  return {
    gateways: gateways.sort(byNamespaceName),
    routes: routes.sort(byNamespaceName),
    otherRoutes,
    listenerSets: listenerSets.sort(byNamespaceName),
    grants,
    backendTLSPolicies,
    gatewayClass: (name) => classes.get(name),
    assumedClass: (name) => assumed.has(name),
    gateway: (ns, name) => gateways.find((g) => nsOf(g) === ns && nameOf(g) === name),
    listenerSet: (ns, name) => listenerSets.find((l) => nsOf(l) === ns && nameOf(l) === name),
    service: (ns, name) => services.get(key(ns, name)),
    workloads: (ns, selector) => {
      const wanted = Object.entries(selector);
      if (wanted.length === 0) return [];
      return workloads
        .filter((w) => w.namespace === ns && wanted.every(([k, v]) => w.labels[k] === v))
        .map((w) => w.name)
        .sort();
    },
    namespaceLabels: (ns) => namespaces.get(ns),
    has: (group, kind, ns, name) => all.has(`${group}/${kind}/${key(ns, name)}`) || all.has(`${group}/${kind}/${key(undefined, name)}`),
    certificateSecret: lookup(secrets, secretNames, secretState),
    caConfigMap: lookup(configMaps, configMapNames, configMapState),
    ...(opts.supportedFeatures !== undefined && { features: new Set(opts.supportedFeatures) }),
  };
}

/** Creation order for precedence: oldest first; an object without a timestamp is the newest. */
export function olderFirst(
  a: { readonly metadata: { readonly creationTimestamp?: string } },
  b: { readonly metadata: { readonly creationTimestamp?: string } },
): number {
  const x = a.metadata.creationTimestamp ?? "";
  const y = b.metadata.creationTimestamp ?? "";
  if (x === y) return 0;
  if (x === "") return 1;
  if (y === "") return -1;
  return Date.parse(x) - Date.parse(y) || (x < y ? -1 : 1);
}
