// Small builders for the objects predict/ and match/ tests feed in: a GatewayClass, Gateways,
// HTTPRoutes, Services, Namespaces, ReferenceGrants and ListenerSets, with only what each case sets.
import type { KubeObject } from "../../k8s/meta";
import type { Listener } from "../listeners";
import type { HTTPRouteRule, HTTPRouteSpec } from "../route-types";
import type { Gateway, HTTPRoute, ListenerSet, ReferenceGrant } from "../types.generated";

export const NS = "apps";
export const GW_NS = "infra";
const GROUP = "gateway.networking.k8s.io";

export const kube = <T>(o: T): KubeObject => o as unknown as KubeObject;

export function gatewayClass(name = "test", accepted?: "True" | "False"): KubeObject {
  return kube({
    apiVersion: `${GROUP}/v1`,
    kind: "GatewayClass",
    metadata: { name },
    spec: { controllerName: "example.com/controller" },
    ...(accepted && {
      status: {
        conditions: [
          {
            type: "Accepted",
            status: accepted,
            reason: accepted === "True" ? "Accepted" : "InvalidParameters",
            message: "",
            lastTransitionTime: "2026-01-01T00:00:00Z",
          },
        ],
      },
    }),
  });
}

export const http = (name = "http", more: Partial<Listener> = {}): Listener => ({
  name,
  port: 80,
  protocol: "HTTP",
  allowedRoutes: { namespaces: { from: "All" } },
  ...more,
});
export const https = (name: string, secret: string, more: Partial<Listener> = {}): Listener => ({
  name,
  port: 443,
  protocol: "HTTPS",
  allowedRoutes: { namespaces: { from: "All" } },
  tls: { certificateRefs: [{ group: "", kind: "Secret", name: secret }] },
  ...more,
});

export function gateway(name: string, listeners: Listener[], more: Partial<Gateway["spec"]> = {}, ns = GW_NS): KubeObject {
  return kube({
    apiVersion: `${GROUP}/v1`,
    kind: "Gateway",
    metadata: { name, namespace: ns },
    spec: { gatewayClassName: "test", listeners, ...more },
  } satisfies Gateway);
}

export const to = (name: string, more: Partial<NonNullable<HTTPRouteRule["backendRefs"]>[number]> = {}) => ({ name, port: 8080, ...more });

export function route(name: string, spec: Partial<HTTPRouteSpec>, meta: Partial<HTTPRoute["metadata"]> = {}): KubeObject {
  return kube({
    apiVersion: `${GROUP}/v1`,
    kind: "HTTPRoute",
    metadata: { name, namespace: NS, creationTimestamp: "2026-01-01T00:00:00Z", ...meta },
    spec: { parentRefs: [{ name: "gw", namespace: GW_NS }], ...spec },
  } satisfies HTTPRoute);
}

export function service(
  name: string,
  ports: { port: number; appProtocol?: string }[] = [{ port: 8080 }],
  ns = NS,
  more: Record<string, unknown> = {},
): KubeObject {
  return kube({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns }, spec: { ports, ...more } });
}

export function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return kube({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });
}

export function grant(ns: string, from: { kind: string; namespace: string }, to: { kind: string; name?: string; group?: string }): KubeObject {
  return kube({
    apiVersion: `${GROUP}/v1beta1`,
    kind: "ReferenceGrant",
    metadata: { name: `from-${from.namespace}`, namespace: ns },
    spec: { from: [{ group: GROUP, ...from }], to: [{ group: to.group ?? "", kind: to.kind, ...(to.name && { name: to.name }) }] },
  } satisfies ReferenceGrant);
}

export function listenerSet(name: string, listeners: ListenerSet["spec"]["listeners"], meta: Partial<ListenerSet["metadata"]> = {}, parent = "gw"): KubeObject {
  return kube({
    apiVersion: `${GROUP}/v1`,
    kind: "ListenerSet",
    metadata: { name, namespace: GW_NS, ...meta },
    spec: { parentRef: { name: parent, namespace: GW_NS }, listeners },
  } satisfies ListenerSet);
}

export function secret(
  name: string,
  ns = GW_NS,
  data: Record<string, string> = {
    "tls.crt": btoa("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"),
    "tls.key": btoa("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"),
  },
): KubeObject {
  return kube({ apiVersion: "v1", kind: "Secret", type: "kubernetes.io/tls", metadata: { name, namespace: ns }, data });
}

/** The common base: a class, the namespaces, one Gateway "gw" with an HTTP listener, and Services. */
export function base(listeners: Listener[] = [http()], gwMore: Partial<Gateway["spec"]> = {}): KubeObject[] {
  return [gatewayClass(), namespace(NS), namespace(GW_NS), gateway("gw", listeners, gwMore), service("app"), service("other")];
}

export function configMap(
  name: string,
  ns = GW_NS,
  data: Record<string, string> = { "ca.crt": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n" },
): KubeObject {
  return kube({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: ns }, data });
}

/** A GRPCRoute, TLSRoute, TCPRoute or UDPRoute attached to "gw" unless parentRefs say otherwise. */
export function otherRoute(kind: "GRPCRoute" | "TLSRoute" | "TCPRoute" | "UDPRoute", name: string, spec: Record<string, unknown>, ns = NS): KubeObject {
  return kube({
    apiVersion: `${GROUP}/v1`,
    kind,
    metadata: { name, namespace: ns, creationTimestamp: "2026-01-01T00:00:00Z" },
    spec: { parentRefs: [{ name: "gw", namespace: GW_NS }], ...spec },
  });
}

export function backendTLSPolicy(
  name: string,
  service: string,
  caConfigMaps: readonly { kind?: string; group?: string; name: string }[],
  more: { sectionName?: string; created?: string; ns?: string } = {},
): KubeObject {
  return kube({
    apiVersion: `${GROUP}/v1`,
    kind: "BackendTLSPolicy",
    metadata: { name, namespace: more.ns ?? NS, ...(more.created && { creationTimestamp: more.created }) },
    spec: {
      targetRefs: [{ group: "", kind: "Service", name: service, ...(more.sectionName && { sectionName: more.sectionName }) }],
      validation: {
        caCertificateRefs: caConfigMaps.map((c) => ({ group: c.group ?? "", kind: c.kind ?? "ConfigMap", name: c.name })),
        hostname: "backend.example",
      },
    },
  });
}
