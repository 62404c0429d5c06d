// A Gateway's listeners as the chain reads them: status.listeners (what its controller says of
// each listener: a certificate that does not resolve, route kinds it cannot serve, a conflict),
// or, where no controller has written it, what a conformant one must; and a route's reported
// status held against the prediction.
import type { ConditionSummary } from "../gateway/parent-status";
import type { RouteParentPrediction } from "../gateway/predict";
import type { KubeObject } from "../k8s/meta";
import type { ChainBuilder } from "./builder";
import { readConditionList } from "./conditions";
import type { AttachVerdict } from "./listeners";
import { predictedViews } from "./predicted";
import type { ChainNode, ConditionView } from "./types";

interface ListenerStatus {
  name?: string;
  conditions?: unknown;
}

const NEXT: Record<string, string> = {
  InvalidCertificateRef:
    "The listener's TLS certificateRef names a Secret that does not exist, is not a kubernetes.io/tls Secret, or lives in another namespace without a ReferenceGrant: create it (kubectl create secret tls …) or fix the reference.",
  RefNotPermitted: "The listener's certificate is in another namespace: add a ReferenceGrant there from Gateway in the Gateway's namespace to Secret.",
  InvalidRouteKinds:
    "allowedRoutes.kinds names a route kind this implementation does not support: list only kinds it supports (HTTPRoute for HTTP and HTTPS listeners).",
  HostnameConflict: "Two listeners share a port and hostname: give them different hostnames or ports.",
  ProtocolConflict: "Two listeners share a port with different protocols: move one to another port.",
  UnsupportedProtocol: "This implementation does not support the listener's protocol.",
  PortUnavailable: "The listener's port cannot be used: pick another, or check what else holds it.",
};

/** The condition that makes a listener unable to serve, if any: Accepted/ResolvedRefs/Programmed False or Conflicted True. */
function blocking(conds: readonly ConditionView[]): ConditionView | undefined {
  return conds.find(
    (c) => (["Accepted", "ResolvedRefs", "Programmed"].includes(c.type) && c.status === "False") || (c.type === "Conflicted" && c.status === "True"),
  );
}

function listenerConditions(b: ChainBuilder, gw: KubeObject, gwNode: ChainNode): Map<string, ConditionView[]> {
  const reported = ((gw.status as { listeners?: ListenerStatus[] } | undefined)?.listeners ?? []).filter((l) => typeof l.name === "string");
  const out = new Map<string, ConditionView[]>();
  if (reported.length > 0) {
    for (const l of reported) out.set(l.name ?? "", readConditionList(l.conditions, gw.metadata.generation));
    return out;
  }
  const predicted = b.options.prediction?.gateways.find((g) => g.namespace === gwNode.namespace && g.name === gwNode.name);
  for (const l of predicted?.listeners ?? []) out.set(l.name, predictedViews(l.conditions, ""));
  return out;
}

/** Listeners the route attaches to that cannot serve it, each named with its condition and the next step. */
export function listenerFindings(b: ChainBuilder, gw: KubeObject, gwNode: ChainNode, verdict: AttachVerdict | undefined, routeName: string): void {
  const byName = listenerConditions(b, gw, gwNode);
  if (!gwNode.conditions.some((c) => c.type.includes("(listener "))) {
    for (const [name, conds] of byName) gwNode.conditions.push(...conds.map((c) => ({ ...c, type: `${c.type} (listener ${name})` })));
  }
  const attached = verdict?.ok ? verdict.listeners.map((l) => l.name) : [...byName.keys()];
  const broken = attached.flatMap((name) => {
    const c = blocking(byName.get(name) ?? []);
    return c ? [{ name, c }] : [];
  });
  for (const { name, c } of broken) {
    const all = broken.length === attached.length;
    b.finding({
      code: "ListenerNotReady",
      severity: all ? "error" : "warning",
      nodeId: gwNode.id,
      title: `Listener ${name} of Gateway ${gwNode.name} ${c.predicted ? "cannot be ready (predicted)" : "is not ready"}: ${c.type} is ${c.status}${c.reason ? ` (${c.reason}${c.message ? `: ${c.message}` : ""})` : ""}${all ? `, so it serves nothing of HTTPRoute ${routeName}` : `; HTTPRoute ${routeName} is still served by its other listeners`}.`,
      next: NEXT[c.reason ?? ""] ?? "Read the Gateway's listener status (kubectl describe gateway) and the controller's logs.",
    });
  }
}

/**
 * Where the route's reported status says otherwise than the spec requires: stale status, or an
 * implementation that departs from the spec (or sees objects Routeboard does not).
 */
export function statusDisagreement(
  b: ChainBuilder,
  routeNode: ChainNode,
  gwNode: ChainNode,
  predicted: RouteParentPrediction,
  reported: { accepted?: ConditionSummary; resolved?: ConditionSummary },
  stale: boolean,
): void {
  for (const [type, r] of [
    ["Accepted", reported.accepted],
    ["ResolvedRefs", reported.resolved],
  ] as const) {
    const p = predicted.conditions.find((c) => c.type === type);
    if (!p || !r || p.certainty !== "required" || p.status === "Unknown" || r.status === "Unknown" || p.status === r.status) continue;
    b.finding({
      code: "StatusDisagrees",
      severity: "warning",
      nodeId: routeNode.id,
      title: stale
        ? `The status Gateway ${gwNode.name} wrote for HTTPRoute ${routeNode.name} describes an older generation: it says ${type} ${r.status}, while the current spec gives ${p.status} (${p.reason}).`
        : `Gateway ${gwNode.name} reports ${type} ${r.status}${r.reason ? ` (${r.reason})` : ""} for HTTPRoute ${routeNode.name}, but by the Gateway API it must be ${p.status} (${p.reason}: ${p.message}). This looks like an implementation quirk, or an object the gateway sees that Routeboard does not.`,
      next: stale ? "Wait for the controller to catch up; if it does not, read its logs." : `The rule: ${p.rule}`,
    });
  }
}
