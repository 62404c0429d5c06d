// The troubleshooting scenarios, as data: each breaks a healthy chain the way a cluster breaks
// it, and names the finding and the node it must be pinned on. The unit tests resolve them in
// memory; the end-to-end specs create them through the API server and read the page.
import type { KubeObject } from "../../k8s/meta";
import type { FindingCode, NodeKind } from "../types";
import { gwConditions, knativeStatus, ok } from "./conditions";
import { ISTIO_SCENARIOS } from "./istio-scenarios";
import { acceptedParents, drop, fakeUid, gateway, httpListener, knativeChain, pick, plainRouteChain, service, type ChainContext } from "./knative-chain";

export interface Scenario {
  id: string;
  /** What the scenario shows, for test names. */
  title: string;
  root: "KnativeService" | "HTTPRoute";
  rootName: (ctx: ChainContext) => string;
  build: (ctx: ChainContext) => KubeObject[];
  /** The first failing finding; undefined for a healthy chain. */
  expect?: { code: FindingCode; kind: NodeKind; name: (ctx: ChainContext) => string; namespace: (ctx: ChainContext) => string | undefined; text: RegExp };
  /** Only in the unit tests (e.g. it needs a generation bump, done differently in e2e). */
  unitOnly?: boolean;
}

const ksvcName = () => "hello";
const extHost = (ctx: ChainContext) => `hello.${ctx.ns}.example.com`;
const inNs = (ctx: ChainContext) => ctx.ns;
const inGwNs = (ctx: ChainContext) => ctx.gwNs;

function setStatus(o: KubeObject, status: Record<string, unknown>): void {
  o.status = status;
}

const failingRevision =
  (reason: string, message: string, condType = "Ready") =>
  (ctx: ChainContext) => {
    const objs = knativeChain(ctx);
    const name = ctx.name ?? "hello";
    const rev = pick(objs, "Revision", `${name}-00001`);
    setStatus(
      rev,
      knativeStatus([
        { type: "Ready", status: "False", reason, message },
        { type: condType === "Ready" ? "ResourcesAvailable" : condType, status: "False", reason, message },
      ]),
    );
    const failed = `Revision "${name}-00001" failed with message: ${message}.`;
    setStatus(pick(objs, "Configuration", name), knativeStatus([{ type: "Ready", status: "False", reason: "RevisionFailed", message: failed }]));
    setStatus(
      pick(objs, "KnativeService", name),
      knativeStatus([{ type: "Ready", status: "False", reason: "RevisionFailed", message: failed }], { latestCreatedRevisionName: `${name}-00001` }),
    );
    return objs;
  };

/**
 * A rollout that failed: hello-00002 (the newest) cannot pull its image, while hello-00001 is
 * Ready and serves all traffic, pinned to it by name or kept there by Knative for @latest
 * (status.traffic names the latest *ready* Revision). Conditions as Knative writes them.
 */
const blockedRollout = (pinned: boolean) => (ctx: ChainContext) => {
  const objs = knativeChain(ctx);
  const first = pick(objs, "Revision", "hello-00001");
  const msg = 'Unable to fetch image "ghcr.io/example/hello:v2": not found';
  const second: KubeObject = {
    ...structuredClone(first),
    metadata: {
      ...structuredClone(first.metadata),
      name: "hello-00002",
      uid: fakeUid("Revision", "hello-00002"),
      labels: { ...first.metadata.labels, "serving.knative.dev/configurationGeneration": "2", "serving.knative.dev/routingState": "pending" },
    },
    spec: { containers: [{ image: "ghcr.io/example/hello:v2" }] },
    status: knativeStatus([
      { type: "Ready", status: "False", reason: "ContainerMissing", message: msg },
      { type: "ContainerHealthy", status: "False", reason: "ContainerMissing", message: msg },
    ]),
  };
  objs.splice(objs.indexOf(first) + 1, 0, second);
  const failed = `Revision "hello-00002" failed with message: ${msg}.`;
  const ksvc = pick(objs, "KnativeService", "hello");
  const traffic = [{ revisionName: "hello-00001", latestRevision: !pinned, percent: 100 }];
  if (pinned) (ksvc.spec as { traffic: unknown }).traffic = [{ revisionName: "hello-00001", percent: 100 }];
  const st = ksvc.status as Record<string, unknown>;
  setStatus(
    ksvc,
    knativeStatus(
      [
        ok("RoutesReady")[0]!,
        { type: "ConfigurationsReady", status: "False", reason: "RevisionFailed", message: failed },
        { type: "Ready", status: "False", reason: "RevisionFailed", message: failed },
      ],
      { url: st.url, latestCreatedRevisionName: "hello-00002", latestReadyRevisionName: "hello-00001", traffic },
    ),
  );
  setStatus(
    pick(objs, "Configuration", "hello"),
    knativeStatus([{ type: "Ready", status: "False", reason: "RevisionFailed", message: failed }], {
      latestCreatedRevisionName: "hello-00002",
      latestReadyRevisionName: "hello-00001",
    }),
  );
  return objs;
};

export const SCENARIOS: Scenario[] = [
  {
    id: "healthy",
    title: "a healthy Knative chain",
    root: "KnativeService",
    rootName: ksvcName,
    build: (ctx) => knativeChain(ctx),
  },
  {
    id: "healthy-route",
    title: "a healthy plain HTTPRoute",
    root: "HTTPRoute",
    rootName: () => "shop",
    build: (ctx) => plainRouteChain(ctx),
  },
  {
    id: "rollout-blocked",
    title: "the newest revision fails while traffic stays pinned on a ready one (serving, with a warning)",
    root: "KnativeService",
    rootName: ksvcName,
    build: blockedRollout(true),
    expect: {
      code: "RolloutBlocked",
      kind: "Revision",
      name: () => "hello-00002",
      namespace: inNs,
      text: /Rollout blocked: hello-00002 is not Ready: ContainerMissing.*it receives no traffic\. The Service keeps serving hello-00001 100%/,
    },
  },
  {
    id: "rollout-blocked-latest",
    title: "the newest revision fails while @latest traffic stays on the last ready one (serving, with a warning)",
    root: "KnativeService",
    rootName: ksvcName,
    build: blockedRollout(false),
    expect: { code: "RolloutBlocked", kind: "Revision", name: () => "hello-00002", namespace: inNs, text: /Rollout blocked: hello-00002/ },
    unitOnly: true,
  },
  {
    id: "scaled-to-zero",
    title: "a revision scaled to zero (Active False, NoTraffic) is healthy",
    root: "KnativeService",
    rootName: ksvcName,
    build: (ctx) => {
      const objs = knativeChain(ctx);
      setStatus(
        pick(objs, "Revision", "hello-00001"),
        knativeStatus([
          ...ok("ResourcesAvailable", "ContainerHealthy", "Ready"),
          { type: "Active", status: "False", reason: "NoTraffic", message: "The target is not receiving traffic." },
        ]),
      );
      return objs;
    },
    unitOnly: true,
  },
  {
    id: "revision-missing",
    title: "traffic pinned to a revision that does not exist (RevisionMissing)",
    root: "KnativeService",
    rootName: ksvcName,
    build: (ctx) => {
      const objs = knativeChain(ctx);
      const traffic = [{ revisionName: "hello-00002", percent: 100 }];
      const ksvc = pick(objs, "KnativeService", "hello");
      (ksvc.spec as { traffic: unknown }).traffic = traffic;
      (pick(objs, "Route", "hello").spec as { traffic: unknown }).traffic = traffic;
      const msg = 'Revision "hello-00002" referenced in traffic not found.';
      setStatus(
        pick(objs, "Route", "hello"),
        knativeStatus([
          { type: "AllTrafficAssigned", status: "False", reason: "RevisionMissing", message: msg },
          { type: "Ready", status: "False", reason: "RevisionMissing", message: msg },
        ]),
      );
      setStatus(
        ksvc,
        knativeStatus([
          { type: "RoutesReady", status: "False", reason: "RevisionMissing", message: msg },
          { type: "Ready", status: "False", reason: "RevisionMissing", message: msg },
        ]),
      );
      return objs;
    },
    expect: { code: "RevisionMissing", kind: "Route", name: ksvcName, namespace: inNs, text: /revision hello-00002 does not exist/ },
  },
  {
    id: "container-missing",
    title: "a revision whose image cannot be pulled (ContainerMissing)",
    root: "KnativeService",
    rootName: ksvcName,
    build: failingRevision("ContainerMissing", 'Unable to fetch image "ghcr.io/example/hello:v1": not found'),
    expect: {
      code: "ContainerMissing",
      kind: "Revision",
      name: () => "hello-00001",
      namespace: inNs,
      text: /Revision hello-00001 is not Ready: ContainerMissing/,
    },
  },
  {
    id: "exit-code",
    title: "a revision whose container exits (ExitCode1)",
    root: "KnativeService",
    rootName: ksvcName,
    build: failingRevision("ExitCode1", "Container failed with: panic: no DATABASE_URL", "ContainerHealthy"),
    expect: { code: "ExitCode", kind: "Revision", name: () => "hello-00001", namespace: inNs, text: /ExitCode1/ },
  },
  {
    id: "progress-deadline",
    title: "a revision that never became ready (ProgressDeadlineExceeded)",
    root: "KnativeService",
    rootName: ksvcName,
    build: failingRevision("ProgressDeadlineExceeded", "Initial scale was never achieved"),
    expect: { code: "ProgressDeadlineExceeded", kind: "Revision", name: () => "hello-00001", namespace: inNs, text: /ProgressDeadlineExceeded/ },
    unitOnly: true,
  },
  {
    id: "ingress-not-configured",
    title: "a KIngress no ingress controller has reconciled (IngressNotConfigured)",
    root: "KnativeService",
    rootName: ksvcName,
    build: (ctx) => {
      const objs = knativeChain(ctx);
      delete pick(objs, "KIngress", "hello").status;
      const c = { type: "IngressReady", status: "Unknown" as const, reason: "IngressNotConfigured", message: "Ingress has not yet been reconciled." };
      setStatus(pick(objs, "Route", "hello"), knativeStatus([...ok("AllTrafficAssigned"), c, { ...c, type: "Ready" }]));
      return objs;
    },
    expect: { code: "IngressNotConfigured", kind: "KIngress", name: ksvcName, namespace: inNs, text: /KIngress hello has no status/ },
  },
  {
    id: "no-httproutes",
    title: "a KIngress with no HTTPRoutes",
    root: "KnativeService",
    rootName: ksvcName,
    build: (ctx) => knativeChain(ctx).filter((o) => o.kind !== "HTTPRoute"),
    expect: { code: "NoHTTPRoutes", kind: "KIngress", name: ksvcName, namespace: inNs, text: /KIngress hello has no HTTPRoutes/ },
  },
  {
    id: "too-many-rules",
    title: "a KIngress that needs more than 16 HTTPRoute rules",
    root: "KnativeService",
    rootName: ksvcName,
    build: (ctx) => knativeChain(ctx, { extraPaths: 8 }),
    expect: { code: "TooManyRules", kind: "KIngress", name: ksvcName, namespace: inNs, text: /needs 18 rules/ },
  },
  {
    id: "hostname",
    title: "an HTTPRoute whose hostname matches no listener (NoMatchingListenerHostname)",
    root: "KnativeService",
    rootName: ksvcName,
    build: (ctx) => {
      const objs = drop(knativeChain(ctx), "Gateway", "knative-gateway");
      objs.splice(1, 0, gateway(ctx, "knative-gateway", [httpListener("*.internal.example.com")]));
      const r = pick(objs, "HTTPRoute", extHost(ctx));
      r.status = acceptedParents(r, { accepted: { status: "False", reason: "NoMatchingListenerHostname", message: "no matching listener hostname" } });
      return objs;
    },
    expect: {
      code: "NoMatchingListenerHostname",
      kind: "HTTPRoute",
      name: extHost,
      namespace: inNs,
      text: /is not accepted by Gateway knative-gateway: its hostname matches no listener \(listeners: \*\.internal\.example\.com\)/,
    },
  },
  {
    id: "not-allowed",
    title: "an HTTPRoute from a namespace the listener does not allow (NotAllowedByListeners)",
    root: "KnativeService",
    rootName: ksvcName,
    build: (ctx) => {
      const objs = drop(knativeChain(ctx), "Gateway", "knative-gateway");
      objs.splice(1, 0, gateway(ctx, "knative-gateway", [httpListener("*.example.com", "Same")]));
      const r = pick(objs, "HTTPRoute", extHost(ctx));
      r.status = acceptedParents(r, { accepted: { status: "False", reason: "NotAllowedByListeners", message: "not allowed" } });
      return objs;
    },
    expect: { code: "NotAllowedByListeners", kind: "HTTPRoute", name: extHost, namespace: inNs, text: /no listener allows routes from namespace/ },
  },
  {
    id: "no-matching-parent",
    title: "an HTTPRoute naming a listener the Gateway does not have (NoMatchingParent)",
    root: "HTTPRoute",
    rootName: () => "shop",
    build: (ctx) => {
      const objs = plainRouteChain(ctx);
      const r = pick(objs, "HTTPRoute", "shop");
      (r.spec as { parentRefs: Record<string, unknown>[] }).parentRefs = [{ name: "public", namespace: ctx.gwNs, sectionName: "https" }];
      r.status = acceptedParents(r, { accepted: { status: "False", reason: "NoMatchingParent", message: "no listener named https" } });
      return objs;
    },
    expect: { code: "NoMatchingParent", kind: "HTTPRoute", name: () => "shop", namespace: inNs, text: /listener "https", which the Gateway does not have/ },
  },
  {
    id: "backend-not-found",
    title: "a revision Service that does not exist (BackendNotFound)",
    root: "KnativeService",
    rootName: ksvcName,
    build: (ctx) => {
      const objs = drop(knativeChain(ctx), "Service", "hello-00001");
      for (const r of objs.filter((o) => o.kind === "HTTPRoute"))
        r.status = acceptedParents(r, { resolved: { status: "False", reason: "BackendNotFound", message: "service hello-00001 not found" } });
      return objs;
    },
    expect: { code: "BackendNotFound", kind: "Service", name: () => "hello-00001", namespace: inNs, text: /hello-00001, which does not exist/ },
  },
  {
    id: "ref-not-permitted",
    title: "a backend in another namespace without a ReferenceGrant (RefNotPermitted)",
    root: "HTTPRoute",
    rootName: () => "shop",
    build: (ctx) => {
      const objs = plainRouteChain(ctx, { namespace: ctx.gwNs, name: "shop" });
      const r = pick(objs, "HTTPRoute", "shop");
      r.status = acceptedParents(r, { resolved: { status: "False", reason: "RefNotPermitted", message: "backendRef shop not permitted" } });
      return objs;
    },
    expect: { code: "RefNotPermitted", kind: "Service", name: () => "shop", namespace: inGwNs, text: /no ReferenceGrant in/ },
  },
  {
    id: "gateway-missing",
    title: "an HTTPRoute whose Gateway does not exist",
    root: "HTTPRoute",
    rootName: () => "shop",
    build: (ctx) => {
      const objs = drop(plainRouteChain(ctx), "Gateway", "public");
      delete pick(objs, "HTTPRoute", "shop").status;
      return objs;
    },
    expect: { code: "GatewayMissing", kind: "Gateway", name: () => "public", namespace: inGwNs, text: /names Gateway .*\/public, which does not exist/ },
  },
  {
    id: "gateway-not-programmed",
    title: "a Gateway that is not Programmed",
    root: "HTTPRoute",
    rootName: () => "shop",
    build: (ctx) => {
      const objs = plainRouteChain(ctx);
      pick(objs, "Gateway", "public").status = {
        conditions: gwConditions([
          ...ok("Accepted"),
          { type: "Programmed", status: "False", reason: "AddressNotAssigned", message: "no load balancer address" },
        ]),
      };
      return objs;
    },
    expect: { code: "GatewayNotProgrammed", kind: "Gateway", name: () => "public", namespace: inGwNs, text: /is not programmed \(AddressNotAssigned/ },
  },
  {
    id: "class-not-accepted",
    title: "a GatewayClass its controller does not accept",
    root: "KnativeService",
    rootName: ksvcName,
    build: (ctx) => {
      const objs = knativeChain(ctx);
      pick(objs, "GatewayClass", ctx.cls).status = {
        conditions: gwConditions([{ type: "Accepted", status: "False", reason: "InvalidParameters", message: "parametersRef not found" }]),
      };
      for (const g of objs.filter((o) => o.kind === "Gateway"))
        g.status = {
          conditions: gwConditions([
            { type: "Accepted", status: "False", reason: "Invalid" },
            { type: "Programmed", status: "False", reason: "Invalid" },
          ]),
        };
      return objs;
    },
    expect: {
      code: "GatewayClassNotAccepted",
      kind: "GatewayClass",
      name: (ctx) => ctx.cls,
      namespace: () => undefined,
      text: /is not accepted by its controller/,
    },
  },
  {
    id: "external-name",
    title: "an ExternalName backend",
    root: "HTTPRoute",
    rootName: () => "shop",
    build: (ctx) => [
      ...drop(plainRouteChain(ctx), "Service", "shop"),
      service(ctx.ns, "shop", { type: "ExternalName", externalName: "shop.legacy.example.net" }),
    ],
    expect: { code: "ExternalNameBackend", kind: "Service", name: () => "shop", namespace: inNs, text: /ExternalName Service/ },
  },
  {
    id: "tls-certificate-missing",
    title: "an HTTPS listener whose certificateRef names a missing Secret (listener ResolvedRefs False, InvalidCertificateRef)",
    root: "HTTPRoute",
    rootName: () => "shop",
    build: (ctx) => {
      const https = {
        name: "https",
        port: 443,
        protocol: "HTTPS",
        hostname: "*.example.com",
        tls: { mode: "Terminate", certificateRefs: [{ name: "shop-tls" }] },
        allowedRoutes: { namespaces: { from: "All" } },
      };
      const objs = drop(plainRouteChain(ctx), "Gateway", "public");
      const gw = gateway(ctx, "public", [https]);
      gw.status = {
        conditions: gwConditions(ok("Accepted", "Programmed")),
        listeners: [
          {
            name: "https",
            attachedRoutes: 0,
            supportedKinds: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute" }],
            conditions: gwConditions([
              { type: "Accepted", status: "True", reason: "Accepted" },
              { type: "ResolvedRefs", status: "False", reason: "InvalidCertificateRef", message: `Secret ${ctx.gwNs}/shop-tls does not exist` },
              { type: "Programmed", status: "False", reason: "Invalid" },
            ]),
          },
        ],
      };
      objs.splice(1, 0, gw);
      return objs;
    },
    expect: {
      code: "ListenerNotReady",
      kind: "Gateway",
      name: () => "public",
      namespace: inGwNs,
      text: /Listener https of Gateway public is not ready: ResolvedRefs is False \(InvalidCertificateRef: Secret .*shop-tls does not exist\), so it serves nothing of HTTPRoute shop/,
    },
  },
  {
    id: "backend-port-missing",
    title: "a backendRef to a port the Service does not expose (implementation-specific warning)",
    root: "HTTPRoute",
    rootName: () => "shop",
    build: (ctx) => {
      const objs = plainRouteChain(ctx);
      const spec = pick(objs, "HTTPRoute", "shop").spec as { rules: { backendRefs: { port: number }[] }[] };
      spec.rules[0]!.backendRefs[0]!.port = 8080;
      return objs;
    },
    expect: {
      code: "BackendPortMissing",
      kind: "Service",
      name: () => "shop",
      namespace: inNs,
      text: /port 8080 of Service .*shop, which has no such port \(its ports: 80\)\. Implementations differ here/,
    },
  },
  {
    id: "grpc-only-listener",
    title: "a listener that allows only GRPCRoute (NotAllowedByListeners, caused by the kinds)",
    root: "HTTPRoute",
    rootName: () => "shop",
    build: (ctx) => {
      const grpc = { ...httpListener("*.example.com"), allowedRoutes: { namespaces: { from: "All" }, kinds: [{ kind: "GRPCRoute" }] } };
      const objs = drop(plainRouteChain(ctx), "Gateway", "public");
      objs.splice(1, 0, gateway(ctx, "public", [grpc]));
      const r = pick(objs, "HTTPRoute", "shop");
      r.status = acceptedParents(r, { accepted: { status: "False", reason: "NotAllowedByListeners", message: "no listener allows this route kind" } });
      return objs;
    },
    expect: {
      code: "NotAllowedByListeners",
      kind: "HTTPRoute",
      name: () => "shop",
      namespace: inNs,
      text: /no listener takes HTTPRoutes .*the route kind, not its namespace, is the cause/,
    },
  },
  {
    id: "rule-shadowed",
    title: "a rule that no request reaches: another route on the same hostname claims the same prefix first",
    root: "HTTPRoute",
    rootName: () => "shop",
    build: (ctx) => {
      const objs = plainRouteChain(ctx);
      const shop = pick(objs, "HTTPRoute", "shop");
      const rules = (shop.spec as { rules: unknown[] }).rules;
      rules.push({ matches: [{ path: { type: "PathPrefix", value: "/api" } }], backendRefs: [{ name: "shop", port: 80 }] });
      // Created before shop and first by name: it wins a tie on /api either way.
      const api: KubeObject = {
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "HTTPRoute",
        metadata: { name: "api", namespace: ctx.ns, uid: fakeUid("HTTPRoute", "api") },
        spec: {
          parentRefs: [{ name: "public", namespace: ctx.gwNs }],
          hostnames: ["shop.example.com"],
          rules: [{ matches: [{ path: { type: "PathPrefix", value: "/api" } }], backendRefs: [{ name: "shop", port: 80 }] }],
        },
      };
      api.status = acceptedParents(api);
      objs.splice(objs.indexOf(shop), 0, api);
      return objs;
    },
    expect: {
      code: "RuleShadowed",
      kind: "HTTPRoute",
      name: () => "shop",
      namespace: inNs,
      text: /No request reaches rule 2 \(PathPrefix \/api\) of HTTPRoute shop on Gateway .*public.*: HTTPRoute .*\/api rule 1 \(PathPrefix \/api\) wins every request it matches/,
    },
  },
  {
    id: "stale",
    title: "a status written for an older generation",
    root: "HTTPRoute",
    rootName: () => "shop",
    build: (ctx) => {
      const objs = plainRouteChain(ctx);
      pick(objs, "HTTPRoute", "shop").metadata.generation = 2;
      return objs;
    },
    expect: { code: "StaleStatus", kind: "HTTPRoute", name: () => "shop", namespace: inNs, text: /written for generation 1, but the route is at generation 2/ },
    unitOnly: true,
  },
  ...ISTIO_SCENARIOS,
];
