// The Gateway API half of a chain: an HTTPRoute, the Gateways its parentRefs name (in any
// namespace), the listener it attaches to, their GatewayClass, and its backend Services.
import type { GatewayClass, HTTPRoute, ReferenceGrant } from "../gateway/types.generated";
import type { HTTPBackendRef, ParentReference } from "../gateway/route-types";
import { parentLabel, parentSummaries, type ConditionSummary } from "../gateway/parent-status";
import { grantAllows as allows } from "../gateway/reference-grants";
import { routeLimitViolations } from "../graph/limits";
import type { KubeObject } from "../k8s/meta";
import type { ChainBuilder } from "./builder";
import { conditionsOf, findCondition, healthOfConditions, isFalse, readConditionList } from "./conditions";
import { attachListeners, describeAllowedNamespaces, describeKinds, describeListener, type AttachVerdict } from "./listeners";
import type { ObjectIndex } from "./objects";
import { listenerFindings, statusDisagreement } from "./listener-status";
import { predictedParent, predictedViews } from "./predicted";
import { shadowFindings } from "./shadowed-rules";
import type { ChainNode, ConditionView, FindingCode } from "./types";

const GW_GROUP = "gateway.networking.k8s.io";

/** Depths of the Gateway-side nodes, relative to the HTTPRoute's. */
const GATEWAY = 1;
const CLASS = 2;
const BACKEND = 3;

function routeConditionViews(route: HTTPRoute): ConditionView[] {
  // One list for the node: every parent's conditions, prefixed with the parent they are for.
  const ns = route.metadata.namespace ?? "default";
  return (route.status?.parents ?? []).flatMap((p) =>
    readConditionList(p.conditions, route.metadata.generation).map((c) => ({ ...c, type: `${c.type} (${parentLabel(p.parentRef, ns)})` })),
  );
}

function routeHealth(route: HTTPRoute): ChainNode["health"] {
  const parents = parentSummaries(route);
  if (parents.length === 0) return "warning";
  if (parents.some((p) => p.accepted?.status === "False" || p.resolvedRefs?.status === "False")) return "error";
  if (parents.some((p) => p.pending || p.accepted?.status !== "True")) return "pending";
  return "ok";
}

/** Adds an HTTPRoute and everything it points to; returns its node. */
export function addHTTPRoute(b: ChainBuilder, index: ObjectIndex, obj: KubeObject, depth: number): ChainNode {
  const route = obj as unknown as HTTPRoute;
  const ns = route.metadata.namespace ?? "default";
  const name = route.metadata.name ?? "";
  const node = b.node("HTTPRoute", ns, name, depth, obj, routeHealth(route));
  node.conditions = routeConditionViews(route);
  node.facts.push(route.spec?.hostnames?.length ? route.spec.hostnames.join(", ") : "any hostname");
  node.facts.push(`${route.spec?.rules?.length ?? 0} rules`);
  const label = `HTTPRoute ${name}`;

  const stale = node.conditions.find((c) => c.stale);
  if (stale) {
    b.finding({
      code: "StaleStatus",
      severity: "warning",
      nodeId: node.id,
      title: `The status of ${label} was written for generation ${stale.observedGeneration}, but the route is at generation ${route.metadata.generation}: what it says may no longer be true.`,
      next: "Wait a few seconds if you just changed the route; if it stays behind, check that the gateway controller is running and read its logs.",
    });
  }
  for (const v of routeLimitViolations(route)) {
    if (v.limit !== "rules") continue;
    b.finding({
      code: "TooManyRules",
      severity: "error",
      nodeId: node.id,
      title: `${label} has ${v.actual} rules; the Gateway API allows at most 16.`,
      next: "Split the routing over several HTTPRoutes (Routeboard's canvas can split a route without changing what it routes).",
    });
  }

  const refs = route.spec?.parentRefs ?? [];
  if (refs.length === 0) {
    b.finding({
      code: "NoParentRefs",
      severity: "warning",
      nodeId: node.id,
      title: `${label} names no parent Gateway, so no Gateway serves it.`,
      next: "Add a parentRef to the Gateway that should serve it.",
    });
  }
  const summaries = parentSummaries(route);
  refs.forEach((ref, i) => addParent(b, index, route, node, ref, summaries[i]?.accepted, summaries[i]?.resolvedRefs, summaries[i]?.pending ?? true, depth));
  addBackends(b, index, route, node, depth, summaries.find((s) => s.resolvedRefs?.status === "False")?.resolvedRefs);
  shadowFindings(b, index, route, node);
  return node;
}

function gatewayClassNode(b: ChainBuilder, index: ObjectIndex, gatewayNode: ChainNode, className: string | undefined, depth: number): boolean {
  if (!className) return true;
  const obj = index.get("GatewayClass", undefined, className);
  const cls = obj as unknown as GatewayClass | undefined;
  const node = b.node("GatewayClass", undefined, className, depth, obj, obj ? healthOfConditions(conditionsOf(obj), "Accepted") : "error");
  if (cls && node.facts.length === 0) node.facts.push(cls.spec.controllerName);
  const edge = b.edge(gatewayNode, node, "class");
  if (!obj) {
    b.finding({
      code: "GatewayClassMissing",
      severity: "error",
      nodeId: node.id,
      edgeId: edge.id,
      title: `Gateway ${gatewayNode.name} uses GatewayClass ${className}, which does not exist.`,
      next: "Install the gateway implementation that provides this class, or point the Gateway at an existing class (kubectl get gatewayclass).",
    });
    return false;
  }
  const accepted = findCondition(node.conditions, "Accepted");
  if (isFalse(accepted)) {
    b.finding({
      code: "GatewayClassNotAccepted",
      severity: "error",
      nodeId: node.id,
      edgeId: edge.id,
      title: `GatewayClass ${className} is not accepted by its controller ${cls?.spec.controllerName ?? ""}${accepted.reason ? ` (${accepted.reason}${accepted.message ? `: ${accepted.message}` : ""})` : ""}.`,
      next: "Check the class's parametersRef and that the controller named in controllerName is installed and running; its logs say why.",
    });
    return false;
  }
  return true;
}

function addParent(
  b: ChainBuilder,
  index: ObjectIndex,
  route: HTTPRoute,
  routeNode: ChainNode,
  ref: ParentReference,
  accepted: ConditionSummary | undefined,
  resolved: ConditionSummary | undefined,
  pending: boolean,
  depth: number,
): void {
  if ((ref.group ?? GW_GROUP) !== GW_GROUP || (ref.kind ?? "Gateway") !== "Gateway") return;
  const routeNs = route.metadata.namespace ?? "default";
  const gwNs = ref.namespace ?? routeNs;
  const obj = index.get("Gateway", gwNs, ref.name);
  const gwNode = b.node("Gateway", gwNs, ref.name, depth + GATEWAY, obj, obj ? healthOfConditions(conditionsOf(obj), "Programmed") : "error");
  const verdict = obj ? attachListeners(route, ref, obj, index) : undefined;
  const edge = b.edge(
    routeNode,
    gwNode,
    verdict?.ok ? `listener ${verdict.listeners.map((l) => l.name).join(", ")}` : ref.sectionName ? `section ${ref.sectionName}` : undefined,
  );
  const label = `HTTPRoute ${route.metadata.name}`;
  if (!obj) {
    b.finding({
      code: "GatewayMissing",
      severity: "error",
      nodeId: gwNode.id,
      edgeId: edge.id,
      title: `${label} names Gateway ${gwNs}/${ref.name}, which does not exist.`,
      next: "Create the Gateway, or fix the parentRef (for Knative: the external-gateways / local-gateways entries of the config-gateway ConfigMap in knative-serving).",
    });
    return;
  }
  const gw = obj as unknown as { spec?: { gatewayClassName?: string; listeners?: { name: string }[] } };
  const gwPredicted = b.options.prediction?.gateways.find((g) => g.namespace === gwNs && g.name === ref.name);
  if (gwPredicted && gwNode.conditions.length === 0) {
    gwNode.conditions = predictedViews(gwPredicted.conditions, " (predicted)");
    gwNode.health = "pending";
  }
  // A Gateway shared by several routes of the chain is reached once per route: list its listeners once.
  if (gwNode.facts.length === 0) gwNode.facts.push(...(gw.spec?.listeners ?? []).map((l) => describeListener(l as Parameters<typeof describeListener>[0])));
  const classOk = gatewayClassNode(b, index, gwNode, gw.spec?.gatewayClassName, depth + CLASS);
  const programmed = findCondition(gwNode.conditions, "Programmed");
  const gwAccepted = findCondition(gwNode.conditions, "Accepted");
  const bad = isFalse(gwAccepted) ? gwAccepted : isFalse(programmed) ? programmed : undefined;
  if (bad) {
    b.finding({
      code: "GatewayNotProgrammed",
      severity: "error",
      nodeId: gwNode.id,
      title: `Gateway ${gwNs}/${ref.name} is not ${bad.type === "Accepted" ? "accepted" : "programmed"}${bad.reason ? ` (${bad.reason}${bad.message ? `: ${bad.message}` : ""})` : ""}, so it serves no traffic.`,
      next: classOk
        ? "Read the Gateway's listener conditions (kubectl describe gateway) and the controller's logs: an address or a port may be unavailable."
        : "Fix the GatewayClass first; the Gateway follows.",
      symptom: !classOk,
    });
  }
  listenerFindings(b, obj, gwNode, verdict, routeNode.name);
  const predicted = predictedParent(b.options.prediction, routeNs, route.metadata.name ?? "", ref);
  if (predicted && pending) routeNode.conditions.push(...predictedViews(predicted.conditions, ` (predicted, ${parentLabel(ref, routeNs)})`));
  else if (predicted)
    statusDisagreement(
      b,
      routeNode,
      gwNode,
      predicted,
      { accepted, resolved },
      routeNode.conditions.some((c) => c.stale),
    );
  parentVerdict(b, route, routeNode, gwNode, edge.id, ref, verdict, accepted, pending);
  if (resolved && resolved.status === "False" && !["BackendNotFound", "RefNotPermitted"].includes(resolved.reason ?? "")) {
    b.finding({
      code: "NotAccepted",
      severity: "error",
      nodeId: routeNode.id,
      edgeId: edge.id,
      title: `Gateway ${ref.name} could not resolve the references of ${label} (${resolved.reason ?? "ResolvedRefs False"}${resolved.message ? `: ${resolved.message}` : ""}).`,
      next: "Check each backendRef's kind, port and protocol.",
    });
  }
}

const PARENT_REASONS: readonly FindingCode[] = ["NotAllowedByListeners", "NoMatchingListenerHostname", "NoMatchingParent"];

function explain(
  reason: FindingCode,
  route: HTTPRoute,
  gw: ChainNode,
  verdict: AttachVerdict | undefined,
  ref: ParentReference,
): { why: string; next: string } {
  const ls = verdict?.listeners ?? [];
  if (reason === "NoMatchingListenerHostname") {
    return {
      why: `its hostname matches no listener (listeners: ${ls.map((l) => l.hostname ?? "any host").join(", ") || "none"})`,
      next: `Give the route a hostname a listener accepts, or add a listener for ${(route.spec?.hostnames ?? []).join(", ")} to Gateway ${gw.name}. For Knative, the domain in config-domain must fall under a listener's hostname.`,
    };
  }
  if (reason === "NotAllowedByListeners" && verdict && !verdict.ok && verdict.cause === "kinds") {
    return {
      why: `no listener takes HTTPRoutes (${ls.map((l) => `${l.name}: ${describeKinds(l)}`).join("; ") || "no listeners"}); the route kind, not its namespace, is the cause`,
      next: `Add HTTPRoute to allowedRoutes.kinds of a listener of Gateway ${gw.name}, or attach the route to a listener that takes HTTPRoutes.`,
    };
  }
  if (reason === "NotAllowedByListeners") {
    return {
      why: `no listener allows routes from namespace ${route.metadata.namespace} (${ls.map((l) => `${l.name}: ${describeAllowedNamespaces(l)}`).join("; ") || "no listeners"})`,
      next: `Set allowedRoutes.namespaces on a listener of Gateway ${gw.name} to All, or to a selector that matches namespace ${route.metadata.namespace}.`,
    };
  }
  return {
    why: `it names ${ref.sectionName ? `listener "${ref.sectionName}"` : ""}${ref.port ? ` port ${ref.port}` : ""}${!ref.sectionName && !ref.port ? "a parent" : ""}, which the Gateway does not have (listeners: ${ls.map((l) => `${l.name}:${l.port}`).join(", ") || "none"})`,
    next: "Fix sectionName/port in the parentRef so they name an existing listener, or remove them to attach to every listener.",
  };
}

function parentVerdict(
  b: ChainBuilder,
  route: HTTPRoute,
  routeNode: ChainNode,
  gwNode: ChainNode,
  edgeId: string,
  ref: ParentReference,
  verdict: AttachVerdict | undefined,
  accepted: ConditionSummary | undefined,
  pending: boolean,
): void {
  const label = `HTTPRoute ${route.metadata.name}`;
  const gwHealthy = gwNode.health === "ok";
  if (accepted?.status === "False") {
    const reason = (PARENT_REASONS as readonly string[]).includes(accepted.reason ?? "") ? (accepted.reason as FindingCode) : undefined;
    if (reason) {
      const { why, next } = explain(reason, route, gwNode, verdict, ref);
      b.finding({ code: reason, severity: "error", nodeId: routeNode.id, edgeId, title: `${label} is not accepted by Gateway ${gwNode.name}: ${why}.`, next });
    } else {
      b.finding({
        code: "NotAccepted",
        severity: "error",
        nodeId: routeNode.id,
        edgeId,
        title: `${label} is not accepted by Gateway ${gwNode.name} (${accepted.reason ?? "Accepted False"}${accepted.message ? `: ${accepted.message}` : ""}).`,
        next: "Read the route's status (kubectl describe httproute) and the gateway controller's logs.",
        symptom: !gwHealthy,
      });
    }
    return;
  }
  if (verdict && !verdict.ok) {
    // No verdict from a controller yet, but the Gateway API's rules already decide it.
    const { why, next } = explain(verdict.reason, route, gwNode, verdict, ref);
    b.finding({
      code: verdict.reason,
      severity: "error",
      nodeId: routeNode.id,
      edgeId,
      title: `${label} cannot attach to Gateway ${gwNode.name}: ${why}.`,
      next,
    });
    return;
  }
  // A predicted HTTPRoute awaits its first status by design; its predicted conditions stand in.
  if (pending && !routeNode.predicted) {
    b.finding({
      code: "NoRouteStatus",
      severity: "warning",
      nodeId: routeNode.id,
      edgeId,
      title: `No controller has written status for ${label} on Gateway ${gwNode.name} yet.`,
      next: "Check that the controller of the Gateway's class is running; it writes status.parents within seconds.",
      symptom: !gwHealthy,
    });
  }
}

const servicePorts = (svc: KubeObject): number[] =>
  ((svc.spec as { ports?: { port?: number }[] } | undefined)?.ports ?? []).flatMap((p) => (typeof p.port === "number" ? [p.port] : []));

function grantAllows(index: ObjectIndex, routeNs: string, svcNs: string, svcName: string): boolean {
  return allows(index.all("ReferenceGrant") as unknown as ReferenceGrant[], routeNs, svcNs, svcName);
}

function addBackends(b: ChainBuilder, index: ObjectIndex, route: HTTPRoute, routeNode: ChainNode, depth: number, resolved: ConditionSummary | undefined): void {
  const routeNs = route.metadata.namespace ?? "default";
  const refs: HTTPBackendRef[] = (route.spec?.rules ?? []).flatMap((r) => r.backendRefs ?? []);
  const label = `HTTPRoute ${route.metadata.name}`;
  let explained = false;
  for (const ref of refs) {
    if ((ref.group ?? "") !== "" || (ref.kind ?? "Service") !== "Service") continue;
    const svcNs = ref.namespace ?? routeNs;
    const obj = index.get("Service", svcNs, ref.name);
    const svc = obj as { spec?: { type?: string; externalName?: string } } | undefined;
    const node = b.node("Service", svcNs, ref.name, depth + BACKEND, obj, obj ? "ok" : "error");
    if (svc?.spec?.type && node.facts.length === 0)
      node.facts.push(svc.spec.type === "ExternalName" ? `ExternalName → ${svc.spec.externalName ?? "?"}` : svc.spec.type);
    const edge = b.edge(routeNode, node, ref.port ? `port ${ref.port}` : undefined);
    if (svcNs !== routeNs && !grantAllows(index, routeNs, svcNs, ref.name)) {
      explained = true;
      b.finding({
        code: "RefNotPermitted",
        severity: "error",
        nodeId: node.id,
        edgeId: edge.id,
        title: `${label} sends traffic to Service ${svcNs}/${ref.name} in another namespace, and no ReferenceGrant in ${svcNs} permits it.`,
        next: `Create a ReferenceGrant in namespace ${svcNs} from HTTPRoute in ${routeNs} to Service${ref.name ? ` ${ref.name}` : ""}.`,
      });
    }
    if (!obj) {
      explained = true;
      b.finding({
        code: "BackendNotFound",
        severity: "error",
        nodeId: node.id,
        edgeId: edge.id,
        title: `${label} sends traffic to Service ${svcNs}/${ref.name}, which does not exist.`,
        next: "Create the Service or fix the backendRef's name and namespace. For Knative, the Revision's Service is created with the Revision: check the Revision.",
      });
    } else if (ref.port !== undefined && svc?.spec?.type !== "ExternalName" && !servicePorts(obj).includes(ref.port)) {
      b.finding({
        code: "BackendPortMissing",
        severity: "warning",
        nodeId: node.id,
        edgeId: edge.id,
        title: `${label} sends traffic to port ${ref.port} of Service ${svcNs}/${ref.name}, which has no such port (its ports: ${servicePorts(obj).join(", ") || "none"}). Implementations differ here (the Gateway API leaves it to them): most answer 500 for this backend's share, some mark the route ResolvedRefs False.`,
        next: `Use one of the Service's ports in the backendRef, or add port ${ref.port} to the Service.`,
      });
    } else if (svc?.spec?.type === "ExternalName") {
      b.finding({
        code: "ExternalNameBackend",
        severity: "warning",
        nodeId: node.id,
        edgeId: edge.id,
        title: `Service ${svcNs}/${ref.name} is an ExternalName Service (→ ${svc.spec.externalName ?? "?"}); the Gateway API says implementations should not support it, and some gateways answer 503.`,
        next: "Check that your gateway supports ExternalName backends, or route to a ClusterIP Service (for Knative, the ksvc's own Service or the local gateway).",
      });
    }
  }
  if (resolved && !explained && (resolved.reason === "BackendNotFound" || resolved.reason === "RefNotPermitted")) {
    b.finding({
      code: resolved.reason,
      severity: "error",
      nodeId: routeNode.id,
      title: `The gateway could not resolve a backend of ${label} (${resolved.reason}${resolved.message ? `: ${resolved.message}` : ""}).`,
      next: resolved.reason === "RefNotPermitted" ? "Add a ReferenceGrant in the backend's namespace." : "Create the missing Service or fix the backendRef.",
    });
  }
}
