// The Knative half of a chain, linked as the controllers link it (ownerReferences, and the
// serving.knative.dev/* and networking.internal.knative.dev/ingress labels):
// Service → Configuration → Revisions, and Service → Route → KIngress → HTTPRoutes (or, for
// net-istio's class, → VirtualServices: istio-links).
import {
  CONFIGURATION_LABEL,
  GATEWAY_API_INGRESS_CLASS,
  INGRESS_CLASS_ANNOTATION,
  ISTIO_INGRESS_CLASS,
  INGRESS_LABEL,
  ROUTE_LABEL,
  ROUTE_NAMESPACE_LABEL,
  SERVICE_LABEL,
} from "../knative/constants";
import { kingressToHTTPRoutes } from "../knative/kingress-to-httproutes";
import type { KIngress } from "../knative/types.generated";
import { routeLimitViolations } from "../graph/limits";
import type { KubeObject } from "../k8s/meta";
import { nodeId, type ChainBuilder } from "./builder";
import { because, conditionsOf, findCondition, healthOfConditions, isFalse, isTrue, statusOf } from "./conditions";
import { addHTTPRoute } from "./gateway-links";
import { addIstioKIngress } from "./istio-links";
import { childrenOf, type ObjectIndex } from "./objects";
import type { ChainNode, FindingCode } from "./types";

export const DEPTH = { KnativeService: 0, Configuration: 1, Revision: 2, Route: 3, KIngress: 4, HTTPRoute: 5 } as const;

interface TrafficEntry {
  revisionName?: string;
  configurationName?: string;
  latestRevision?: boolean;
  percent?: number;
  tag?: string;
}

const trafficOf = (list: unknown): TrafficEntry[] => (Array.isArray(list) ? (list as TrafficEntry[]) : []);

function staleFinding(b: ChainBuilder, node: ChainNode, what: string): void {
  if (node.generation === undefined || node.observedGeneration === undefined || node.observedGeneration >= node.generation) return;
  b.finding({
    code: "StaleStatus",
    severity: "warning",
    nodeId: node.id,
    title: `The status of ${what} was written for generation ${node.observedGeneration}, but it is at generation ${node.generation}: its conditions describe an older spec.`,
    next: "Wait a few seconds after a change; if it stays behind, check that the Knative controller (knative-serving/controller) is running and read its logs.",
  });
}

/** Revision failures Knative names by reason; ExitCode carries the code (ExitCode1, ExitCode137…). */
function revisionCode(reason: string | undefined): FindingCode {
  if (reason === "ContainerMissing") return "ContainerMissing";
  if (reason === "ProgressDeadlineExceeded") return "ProgressDeadlineExceeded";
  if (reason?.startsWith("ExitCode")) return "ExitCode";
  return "RevisionNotReady";
}

const REVISION_NEXT: Record<string, string> = {
  ContainerMissing: "The image cannot be pulled: check the image name and tag, and the registry credentials (imagePullSecrets) of the service account.",
  ExitCode: "The container starts and exits: read its logs (kubectl logs -l serving.knative.dev/revision=<name> -c user-container --previous).",
  ProgressDeadlineExceeded: "The pods did not become ready in time: check readiness probes, resource requests and quota, and events (kubectl describe pod).",
  RevisionNotReady: "Read the Revision's conditions and its pods' events (kubectl describe revision).",
};

/** Each Revision's share of the traffic, from status.traffic (where latestRevision targets are resolved). */
function sharesOf(traffic: TrafficEntry[]): Map<string, number> {
  const share = new Map<string, number>();
  for (const t of traffic) if (t.revisionName) share.set(t.revisionName, (share.get(t.revisionName) ?? 0) + (t.percent ?? 0));
  return share;
}

/**
 * What the Service serves, when it does: its Route is Ready and every Revision with a share of
 * the traffic exists and is Ready ("pay-00001 100%"). Knative keeps traffic on Ready Revisions
 * (a latestRevision target stays on the latest *ready* one), so a newest Revision that fails
 * blocks the rollout but is no outage (knative/serving pkg/reconciler/route traffic.Config).
 */
function servingSplit(index: ObjectIndex, ns: string, ksvc: KubeObject, route: KubeObject | undefined, share: Map<string, number>): string | undefined {
  const routesReady = findCondition(conditionsOf(ksvc), "RoutesReady");
  const routeReady = routesReady ? isTrue(routesReady) : isTrue(findCondition(conditionsOf(route), "Ready"));
  const serving = [...share].filter(([, pct]) => pct > 0);
  if (!routeReady || serving.length === 0) return undefined;
  const ready = serving.every(([name]) => isTrue(findCondition(conditionsOf(index.get("Revision", ns, name)), "Ready")));
  return ready ? serving.map(([name, pct]) => `${name} ${pct}%`).join(", ") : undefined;
}

function addRevisions(
  b: ChainBuilder,
  index: ObjectIndex,
  config: KubeObject,
  configNode: ChainNode,
  share: Map<string, number>,
  latestCreated: string | undefined,
  serving: string | undefined,
): void {
  for (const rev of childrenOf(index, "Revision", config, { [CONFIGURATION_LABEL]: config.metadata.name ?? "" })) {
    const name = rev.metadata.name ?? "";
    const node = b.node("Revision", rev.metadata.namespace, name, DEPTH.Revision, rev, "ok");
    node.health = healthOfConditions(node.conditions, "Ready");
    const pct = share.get(name);
    node.facts.push(pct !== undefined ? `${pct}% of traffic` : "no traffic");
    b.edge(configNode, node, pct !== undefined ? `${pct}%` : undefined);
    staleFinding(b, node, `Revision ${name}`);
    const failed = ["Ready", "ContainerHealthy", "ResourcesAvailable"].map((t) => findCondition(node.conditions, t)).find(isFalse);
    if (!failed) continue;
    const code = revisionCode(failed.reason);
    const why = because(failed) || `${failed.type} is False`;
    const next = REVISION_NEXT[code] ?? REVISION_NEXT.RevisionNotReady ?? "";
    if (pct !== undefined && pct > 0) {
      b.finding({ code, severity: "error", nodeId: node.id, title: `Revision ${name} is not Ready: ${why}.`, next });
      continue;
    }
    // Serving nothing, it is no outage: the newest one blocks a rollout (while the others
    // serve), an older one is history.
    node.health = "warning";
    if (name === latestCreated && serving) {
      b.finding({
        code: "RolloutBlocked",
        severity: "warning",
        nodeId: node.id,
        title: `Rollout blocked: ${name} is not Ready: ${why}; it receives no traffic. The Service keeps serving ${serving}.`,
        next,
      });
    } else {
      b.finding({ code, severity: name === latestCreated ? "error" : "warning", nodeId: node.id, title: `Revision ${name} is not Ready: ${why}.`, next });
    }
  }
}

/** A Service or Configuration not Ready: an error, or, while the Service still serves, a warning. */
function notReady(b: ChainBuilder, node: ChainNode, what: string, why: string, next: string, serving: string | undefined): void {
  if (serving) {
    node.health = "warning";
    b.finding({ code: "NotReady", severity: "warning", nodeId: node.id, title: `${what} is serving (${serving}) but not Ready: ${why}.`, next, symptom: true });
  } else {
    b.finding({ code: "NotReady", severity: "error", nodeId: node.id, title: `${what} is not Ready: ${why}.`, next, symptom: true });
  }
}

/** Adds the whole Knative chain of a Service; returns false when the Service does not exist. */
export function addKnativeService(b: ChainBuilder, index: ObjectIndex, namespace: string, name: string): boolean {
  const ksvc = index.get("KnativeService", namespace, name);
  if (!ksvc) {
    b.node("KnativeService", namespace, name, DEPTH.KnativeService, undefined);
    return false;
  }
  const root = b.node("KnativeService", namespace, name, DEPTH.KnativeService, ksvc);
  root.health = healthOfConditions(root.conditions, "Ready");
  const st = statusOf(ksvc);
  if (typeof st?.url === "string") root.facts.push(st.url);
  staleFinding(b, root, `Knative Service ${name}`);
  const routes = childrenOf(index, "Route", ksvc, { [SERVICE_LABEL]: name });
  const routeStatus = statusOf(routes[0]);
  const share = sharesOf(trafficOf(st?.traffic ?? routeStatus?.traffic));
  const latestCreated = typeof st?.latestCreatedRevisionName === "string" ? st.latestCreatedRevisionName : undefined;
  const serving = servingSplit(index, namespace, ksvc, routes[0], share);
  if (serving) root.facts.push(`serving ${serving}`);
  const ready = findCondition(root.conditions, "Ready");
  if (isFalse(ready)) notReady(b, root, `Knative Service ${name}`, because(ready), "Follow the chain to the link that fails.", serving);

  const configs = childrenOf(index, "Configuration", ksvc, { [SERVICE_LABEL]: name });
  if (configs.length === 0) {
    const node = b.node("Configuration", namespace, name, DEPTH.Configuration, undefined);
    const e = b.edge(root, node);
    b.finding({
      code: "ConfigurationMissing",
      severity: "error",
      nodeId: node.id,
      edgeId: e.id,
      title: `Knative Service ${name} has no Configuration.`,
      next: "Check that the Knative Serving controller is running; it creates the Configuration from the Service's template.",
    });
  }
  for (const config of configs) {
    const node = b.node("Configuration", namespace, config.metadata.name ?? "", DEPTH.Configuration, config);
    node.health = healthOfConditions(node.conditions, "Ready");
    b.edge(root, node);
    staleFinding(b, node, `Configuration ${node.name}`);
    const cReady = findCondition(node.conditions, "Ready");
    if (isFalse(cReady)) notReady(b, node, `Configuration ${node.name}`, because(cReady), "Look at its newest Revision.", serving);
    addRevisions(b, index, config, node, share, latestCreated, serving);
  }

  if (routes.length === 0) {
    const node = b.node("Route", namespace, name, DEPTH.Route, undefined);
    const e = b.edge(root, node);
    b.finding({
      code: "RouteMissing",
      severity: "error",
      nodeId: node.id,
      edgeId: e.id,
      title: `Knative Service ${name} has no Route.`,
      next: "Check that the Knative Serving controller is running; it creates the Route from the Service's traffic.",
    });
  }
  for (const route of routes) addRoute(b, index, root, route);
  return true;
}

function addRoute(b: ChainBuilder, index: ObjectIndex, root: ChainNode, route: KubeObject): void {
  const ns = route.metadata.namespace ?? "default";
  const name = route.metadata.name ?? "";
  const node = b.node("Route", ns, name, DEPTH.Route, route);
  node.health = healthOfConditions(node.conditions, "Ready");
  b.edge(root, node);
  staleFinding(b, node, `Route ${name}`);

  // Traffic in the Route's spec naming a revision that does not exist.
  const spec = (route as { spec?: { traffic?: unknown } }).spec;
  const missingRevs = trafficOf(spec?.traffic).filter((t) => t.revisionName && !index.get("Revision", ns, t.revisionName));
  const assigned = findCondition(node.conditions, "AllTrafficAssigned");
  if (isFalse(assigned) || missingRevs.length > 0) {
    let edgeId: string | undefined;
    for (const t of missingRevs) {
      const rev = b.node("Revision", ns, t.revisionName ?? "", DEPTH.Revision, undefined);
      rev.facts.push(`${t.percent ?? 0}% of traffic`);
      edgeId = b.edge(node, rev, `${t.percent ?? 0}%`).id;
    }
    const code: FindingCode = assigned?.reason === "ConfigurationMissing" ? "ConfigurationMissing" : "RevisionMissing";
    const names = missingRevs.map((t) => t.revisionName).join(", ");
    b.finding({
      code,
      severity: "error",
      nodeId: node.id,
      edgeId,
      title: `Route ${name} cannot assign all traffic: ${names ? `revision ${names} does not exist` : because(assigned)}.`,
      next: names
        ? "Fix spec.traffic of the Knative Service to name an existing revision (kubectl get revisions), or use latestRevision: true."
        : "Look at the Configuration's newest Revision: until one is Ready there is nothing to send traffic to.",
      // Without a named missing revision, the Route only repeats what a failing Revision says.
      symptom: names === "",
    });
  }

  const kingresses = childrenOf(index, "KIngress", route, { [ROUTE_LABEL]: name, [ROUTE_NAMESPACE_LABEL]: ns });
  const ingressReady = findCondition(node.conditions, "IngressReady");
  const predicted = node.predicted ? b.options.predicted?.get(`${ns}/${root.name}`) : undefined;
  if (kingresses.length === 0) {
    const k = b.node("KIngress", ns, name, DEPTH.KIngress, undefined);
    const e = b.edge(node, k);
    // Predicted from the folder's Service: why Knative would not go on, in its own words.
    const problems = predicted?.problems.length ? `: ${predicted.problems.join("; ")}` : "";
    b.finding({
      code: "KIngressMissing",
      severity: "error",
      nodeId: k.id,
      edgeId: e.id,
      title: node.predicted
        ? `Knative would create no KIngress for Route ${name}${problems}.`
        : `Route ${name} has no KIngress${ingressReady?.reason ? ` (IngressReady: ${ingressReady.reason})` : ""}.`,
      next: node.predicted
        ? "Fix the Knative Service's traffic (or the folder's config-network and config-domain) as the message says."
        : "The Route controller creates the KIngress once traffic is assigned: fix the Route's traffic first, then check the Knative controller's logs.",
      symptom: !node.predicted && isFalse(assigned),
    });
  } else if (ingressReady && ingressReady.status !== "True") {
    b.finding({
      code: "IngressNotConfigured",
      severity: "error",
      nodeId: node.id,
      title: `Route ${name} waits for its KIngress: ${because(ingressReady) || "IngressReady is not True"}.`,
      next: "Follow the chain to the KIngress and its HTTPRoutes.",
      symptom: true,
    });
  }
  for (const k of kingresses) addKIngress(b, index, node, k, predicted?.problems ?? []);
}

function addKIngress(b: ChainBuilder, index: ObjectIndex, routeNode: ChainNode, obj: KubeObject, predictedProblems: readonly string[]): void {
  const ns = obj.metadata.namespace ?? "default";
  const name = obj.metadata.name ?? "";
  const node = b.node("KIngress", ns, name, DEPTH.KIngress, obj);
  node.health = healthOfConditions(node.conditions, "Ready");
  b.edge(routeNode, node);
  staleFinding(b, node, `KIngress ${name}`);
  const cls = obj.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
  if (cls) node.facts.push(cls);
  if (node.predicted && predictedProblems.length > 0) {
    b.finding({
      code: "IngressNotConfigured",
      severity: cls === GATEWAY_API_INGRESS_CLASS || cls === ISTIO_INGRESS_CLASS ? "error" : "warning",
      nodeId: node.id,
      title: `KIngress ${name} (predicted): ${predictedProblems.join("; ")}.`,
      next:
        cls === GATEWAY_API_INGRESS_CLASS || cls === ISTIO_INGRESS_CLASS
          ? "Fix what the message names; the prediction follows the folder."
          : `Set ingress-class in the folder's config-network (knative-serving) to ${GATEWAY_API_INGRESS_CLASS} or ${ISTIO_INGRESS_CLASS} to see the rest of the chain.`,
    });
    if (cls !== GATEWAY_API_INGRESS_CLASS && cls !== ISTIO_INGRESS_CLASS) return;
  }
  // net-istio's KIngresses continue through Istio's objects, not the Gateway API's.
  if (cls === ISTIO_INGRESS_CLASS) return addIstioKIngress(b, index, node, obj, routeNode.name);

  // What net-gateway-api would make of it (under the cluster's config-gateway, when known): an
  // HTTPRoute over 16 rules is refused by the API server.
  const expected = kingressToHTTPRoutes(obj as unknown as KIngress, b.options.gateway);
  let tooMany = false;
  for (const r of expected) {
    const v = routeLimitViolations(r).find((x) => x.limit === "rules");
    if (!v) continue;
    tooMany = true;
    b.finding({
      code: "TooManyRules",
      severity: "error",
      nodeId: node.id,
      title: `KIngress ${name} needs ${v.actual} rules in HTTPRoute ${r.metadata.name} (each path counts twice, once for Knative's probe); the Gateway API allows at most 16, so the HTTPRoute cannot be created.`,
      next: "Use fewer paths or tags on this Knative Service (each tag adds its own rules), or split the service in two.",
    });
  }

  const httproutes = childrenOf(index, "HTTPRoute", obj, { [INGRESS_LABEL]: name });
  const ready = findCondition(node.conditions, "Ready");
  // A predicted KIngress has no status because nothing has reconciled it yet, by design.
  if (node.conditions.length === 0 && !node.predicted) {
    const wrongClass = cls !== undefined && cls !== GATEWAY_API_INGRESS_CLASS;
    b.finding({
      code: "IngressNotConfigured",
      severity: "error",
      nodeId: node.id,
      title: `KIngress ${name} has no status: no ingress controller has reconciled it, so Route ${routeNode.name} stays IngressNotConfigured.`,
      next: wrongClass
        ? `Its ingress class is ${cls}, not ${GATEWAY_API_INGRESS_CLASS}: set ingress-class in config-network (knative-serving) or install the controller for ${cls}.`
        : "Check that net-gateway-api (knative-serving/net-gateway-api-controller) is running and read its logs.",
      symptom: tooMany,
    });
  } else if (ready && ready.status !== "True") {
    b.finding({
      code: "NotReady",
      severity: "error",
      nodeId: node.id,
      title: `KIngress ${name} is not Ready: ${because(ready) || ready.status}.`,
      next: "Follow the chain to its HTTPRoutes.",
      symptom: true,
    });
  }
  if (httproutes.length === 0) {
    b.finding({
      code: "NoHTTPRoutes",
      severity: "error",
      nodeId: node.id,
      title: `KIngress ${name} has no HTTPRoutes: net-gateway-api has not turned it into Gateway API routes.`,
      next: tooMany
        ? "Reduce the number of rules (see above); net-gateway-api cannot create the HTTPRoute until then."
        : `Check that net-gateway-api is running, that the KIngress's ingress.class is ${GATEWAY_API_INGRESS_CLASS}, and the controller's logs for errors creating HTTPRoutes.`,
      symptom: tooMany,
    });
  }
  for (const r of httproutes) {
    const rn = addHTTPRoute(b, index, r, DEPTH.HTTPRoute);
    b.edge(node, rn);
  }
  if (b.options.gateway && cls === GATEWAY_API_INGRESS_CLASS && httproutes.length > 0 && !tooMany) expectRoutes(b, node, expected, httproutes);
}

const parentOf = (r: object) => {
  const p = ((r as { spec?: unknown }).spec as { parentRefs?: { namespace?: string; name?: string }[] } | undefined)?.parentRefs?.[0];
  return p ? `${p.namespace ?? ""}/${p.name ?? ""}` : "none";
};

/**
 * The HTTPRoutes net-gateway-api makes for this KIngress under the cluster's config-gateway:
 * one per rule (tags add their own), attached to the Gateway config-gateway names for its
 * visibility. One that is missing, or attached elsewhere, is named.
 */
function expectRoutes(
  b: ChainBuilder,
  node: ChainNode,
  expected: readonly { metadata: { name?: string }; spec?: unknown }[],
  actual: readonly KubeObject[],
): void {
  for (const e of expected) {
    const name = e.metadata.name ?? "";
    const found = actual.find((r) => r.metadata.name === name);
    if (!found) {
      const hosts = ((e.spec as { hostnames?: string[] } | undefined)?.hostnames ?? []).join(", ");
      b.finding({
        code: "HTTPRouteMissing",
        severity: "error",
        nodeId: node.id,
        title: `KIngress ${node.name} should have HTTPRoute ${name} (for ${hosts || "its hosts"}), which does not exist: requests to those hosts are not routed.`,
        next: "Read net-gateway-api's logs (knative-serving/net-gateway-api-controller) for errors creating it; a tag's route is made with its tag.",
      });
      continue;
    }
    if (parentOf(found) !== parentOf(e)) {
      b.finding({
        code: "UnexpectedGateway",
        severity: "warning",
        nodeId: nodeId("HTTPRoute", found.metadata.namespace, name),
        title: `HTTPRoute ${name} is attached to Gateway ${parentOf(found)}, but config-gateway names ${parentOf(e)}: net-gateway-api has not caught up with its configuration, or the route was changed by hand.`,
        next: "Check config-gateway in knative-serving; net-gateway-api rewrites the route on its next reconcile (restart the controller if it does not).",
      });
    }
  }
}
