// A complete, healthy Knative chain as the controllers would leave it: KSvc, Configuration,
// Revision, Route, KIngress (routeToKIngress) and its HTTPRoutes (kingressToHTTPRoutes), the
// Revision's Service, two Gateways in another namespace and their GatewayClass. Shared by the
// unit tests and the end-to-end fixtures, which create the same objects through the API server.
import type { KubeObject } from "../../k8s/meta";
import { kingressToHTTPRoutes } from "../../knative/kingress-to-httproutes";
import { GATEWAY_API_INGRESS_CLASS } from "../../knative/constants";
import { routeToKIngress } from "../../knative/route-to-kingress";
import { routeFromService } from "../../knative/service-route";
import type { Configuration, KnativeService, Revision } from "../../knative/types.generated";
import { controllerRef } from "../../knative/owner-ref";
import { gwConditions, knativeStatus, ok } from "./conditions";
import { indexedKindOf, type IndexedKind } from "../objects";

export interface ChainContext {
  /** Namespace of the Knative Service / HTTPRoute. */
  ns: string;
  /** Namespace of the Gateways. */
  gwNs: string;
  /** GatewayClass name (cluster-scoped: unique per test). */
  cls: string;
  name?: string;
  domain?: string;
}

/** Placeholder uid until the API server assigns one: `uid:<Kind>/<name>`. */
export const fakeUid = (kind: string, name: string) => `uid:${kind}/${name}`;

export function withUid<T extends KubeObject>(o: T): T {
  o.metadata.uid = fakeUid(o.kind, o.metadata.name ?? "");
  o.metadata.generation = 1;
  return o;
}

export function gatewayClass(ctx: ChainContext): KubeObject {
  return withUid({
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "GatewayClass",
    metadata: { name: ctx.cls },
    spec: { controllerName: "example.com/gateway-controller" },
    status: { conditions: gwConditions(ok("Accepted")) },
  });
}

export function gateway(ctx: ChainContext, name: string, listeners: Record<string, unknown>[]): KubeObject {
  return withUid({
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "Gateway",
    metadata: { name, namespace: ctx.gwNs },
    spec: { gatewayClassName: ctx.cls, listeners },
    status: { conditions: gwConditions(ok("Accepted", "Programmed")) },
  });
}

export const httpListener = (hostname?: string, from: "All" | "Same" = "All") => ({
  name: "http",
  port: 80,
  protocol: "HTTP",
  ...(hostname ? { hostname } : {}),
  allowedRoutes: { namespaces: { from } },
});

export function service(ns: string, name: string, spec: Record<string, unknown> = { ports: [{ name: "http", port: 80, targetPort: 8012 }] }): KubeObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns }, spec };
}

/** status.parents of an HTTPRoute: every parentRef Accepted and ResolvedRefs. */
export function acceptedParents(
  route: KubeObject,
  overrides: {
    accepted?: { status: "True" | "False"; reason: string; message?: string };
    resolved?: { status: "True" | "False"; reason: string; message?: string };
  } = {},
) {
  const refs = ((route.spec as { parentRefs?: Record<string, unknown>[] }).parentRefs ?? []).map((r) => ({
    group: "gateway.networking.k8s.io",
    kind: "Gateway",
    ...r,
  }));
  return {
    parents: refs.map((parentRef) => ({
      parentRef,
      controllerName: "example.com/gateway-controller",
      conditions: gwConditions([
        { type: "Accepted", ...(overrides.accepted ?? { status: "True", reason: "Accepted" }) },
        { type: "ResolvedRefs", ...(overrides.resolved ?? { status: "True", reason: "ResolvedRefs" }) },
      ]),
    })),
  };
}

export interface KnativeChainOptions {
  /** Paths in the KIngress rules beyond the default one (to exceed 16 HTTPRoute rules). */
  extraPaths?: number;
  /** Default net-gateway-api's; another class gets the Knative objects only (no HTTPRoutes, Gateways or class). */
  ingressClass?: string;
}

/** The config-gateway of the test chains: both Gateways in gwNs, no declared features. */
export function chainGatewayConfig(ctx: ChainContext) {
  return {
    externalGateways: [{ namespace: ctx.gwNs, name: "knative-gateway", class: "test" }],
    localGateways: [{ namespace: ctx.gwNs, name: "knative-local-gateway", class: "test" }],
  };
}

/** Every object of a healthy chain, parents before children, statuses included. */
export function knativeChain(ctx: ChainContext, opts: KnativeChainOptions = {}): KubeObject[] {
  const ns = ctx.ns;
  const name = ctx.name ?? "hello";
  const rev = `${name}-00001`;
  const domain = ctx.domain ?? "example.com";
  const url = `http://${name}.${ns}.${domain}`;
  const traffic = [{ revisionName: rev, latestRevision: true, percent: 100 }];

  const ksvc = withUid<KnativeService & KubeObject>({
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: { name, namespace: ns },
    spec: { template: { spec: { containers: [{ image: "ghcr.io/example/hello:v1" }] } }, traffic: [{ latestRevision: true, percent: 100 }] },
    status: knativeStatus(ok("ConfigurationsReady", "RoutesReady", "Ready"), { url, latestCreatedRevisionName: rev, latestReadyRevisionName: rev, traffic }),
  });
  const config = withUid<Configuration & KubeObject>({
    apiVersion: "serving.knative.dev/v1",
    kind: "Configuration",
    metadata: {
      name,
      namespace: ns,
      labels: { "serving.knative.dev/service": name, "serving.knative.dev/serviceUID": ksvc.metadata.uid ?? "" },
      ownerReferences: [controllerRef(ksvc)],
    },
    spec: { template: ksvc.spec?.template },
    status: knativeStatus(ok("Ready"), { latestCreatedRevisionName: rev, latestReadyRevisionName: rev }),
  });
  const revision = withUid<Revision & KubeObject>({
    apiVersion: "serving.knative.dev/v1",
    kind: "Revision",
    metadata: {
      name: rev,
      namespace: ns,
      labels: {
        "serving.knative.dev/configuration": name,
        "serving.knative.dev/configurationGeneration": "1",
        "serving.knative.dev/service": name,
        "serving.knative.dev/routingState": "active",
      },
      ownerReferences: [controllerRef(config)],
    },
    spec: { containers: [{ image: "ghcr.io/example/hello:v1" }] },
    status: knativeStatus(ok("ResourcesAvailable", "ContainerHealthy", "Ready", "Active")),
  });
  const route = withUid({
    ...routeFromService(ksvc),
    status: knativeStatus(ok("AllTrafficAssigned", "IngressReady", "CertificateProvisioned", "Ready"), { url, traffic }),
  } as KubeObject);
  route.metadata.ownerReferences = [controllerRef(ksvc)];
  const ki = routeToKIngress(route as never, {
    domains: { [domain]: {} },
    ingressClass: opts.ingressClass ?? GATEWAY_API_INGRESS_CLASS,
    configurations: [config],
    revisions: [revision],
  }).ingress;
  if (!ki) throw new Error("test chain: routeToKIngress made no KIngress");
  const firstPath = ki.spec?.rules?.[0]?.http?.paths[0];
  for (const rule of ki.spec?.rules ?? []) {
    for (let i = 0; i < (opts.extraPaths ?? 0) && firstPath; i++) rule.http?.paths.push({ ...firstPath, path: `/p${i}` });
  }
  const kingress = withUid({ ...ki, status: knativeStatus(ok("NetworkConfigured", "LoadBalancerReady", "Ready")) } as KubeObject);
  kingress.metadata.ownerReferences = [controllerRef(route)];
  const gwCfg = chainGatewayConfig(ctx);
  const httproutes = (opts.extraPaths ? [] : kingressToHTTPRoutes(kingress as never, gwCfg)).map((r) => {
    const o = withUid(r as unknown as KubeObject);
    o.status = acceptedParents(o);
    return o;
  });
  const knative = [ksvc, config, revision, route, kingress];
  if ((opts.ingressClass ?? GATEWAY_API_INGRESS_CLASS) !== GATEWAY_API_INGRESS_CLASS) return [...knative, service(ns, rev)];
  return [
    gatewayClass(ctx),
    gateway(ctx, "knative-gateway", [httpListener(`*.${domain}`)]),
    gateway(ctx, "knative-local-gateway", [httpListener()]),
    ...knative,
    ...httproutes,
    service(ns, rev),
  ];
}

/** A plain HTTPRoute `shop` to Service `shop` through Gateway `public` in gwNs. */
export function plainRouteChain(ctx: ChainContext, backend: { namespace?: string; name?: string } = {}): KubeObject[] {
  const route = withUid({
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { name: "shop", namespace: ctx.ns },
    spec: {
      parentRefs: [{ name: "public", namespace: ctx.gwNs }],
      hostnames: ["shop.example.com"],
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/" } }],
          backendRefs: [{ name: backend.name ?? "shop", port: 80, ...(backend.namespace ? { namespace: backend.namespace } : {}) }],
        },
      ],
    },
  } as KubeObject);
  route.status = acceptedParents(route);
  return [gatewayClass(ctx), gateway(ctx, "public", [httpListener("*.example.com")]), route, service(backend.namespace ?? ctx.ns, backend.name ?? "shop")];
}

const isA = (o: KubeObject, kind: IndexedKind, name: string) => indexedKindOf(o.apiVersion, o.kind) === kind && o.metadata.name === name;

/** The object of a kind and name in a list (test helper: throws when absent). */
export function pick(objects: KubeObject[], kind: IndexedKind, name: string): KubeObject {
  const o = objects.find((x) => isA(x, kind, name));
  if (!o) throw new Error(`test chain: no ${kind} ${name}`);
  return o;
}

export function drop(objects: KubeObject[], kind: IndexedKind, name: string): KubeObject[] {
  return objects.filter((x) => !isA(x, kind, name));
}
