// Which listener of a Gateway an HTTPRoute attaches to, by the Gateway API's rules: the
// parentRef's sectionName/port, the listener's allowedRoutes (kinds and namespaces), and
// hostname intersection. Used to explain a controller's verdict in words, and to predict one
// where no controller has written status.
import type { Gateway, HTTPRoute } from "../gateway/types.generated";
import type { ParentReference } from "../gateway/route-types";
import type { KubeObject } from "../k8s/meta";
import type { ObjectIndex } from "./objects";

export type Listener = Gateway["spec"]["listeners"][number];
type LabelSelector = NonNullable<NonNullable<NonNullable<Listener["allowedRoutes"]>["namespaces"]>["selector"]>;

export type AttachVerdict =
  | { ok: true; listeners: Listener[] }
  | { ok: false; reason: "NoMatchingParent" | "NotAllowedByListeners" | "NoMatchingListenerHostname"; listeners: Listener[] };

/** A listener hostname matches a route hostname (both may be wildcards `*.suffix`). */
export function hostnamesIntersect(listener: string | undefined, route: string): boolean {
  if (!listener) return true;
  if (listener === route) return true;
  const lw = listener.startsWith("*.");
  const rw = route.startsWith("*.");
  // `*.example.com` covers any name with at least one more label, not example.com itself.
  if (lw && !rw) return route.endsWith(listener.slice(1));
  if (rw && !lw) return listener.endsWith(route.slice(1));
  if (lw && rw) return route.endsWith(listener.slice(1)) || listener.endsWith(route.slice(1));
  return false;
}

export function routeMatchesListenerHost(routeHostnames: readonly string[], listener: Listener): boolean {
  if (routeHostnames.length === 0) return true;
  return routeHostnames.some((h) => hostnamesIntersect(listener.hostname, h));
}

function kindAllowed(listener: Listener): boolean {
  const kinds = listener.allowedRoutes?.kinds;
  if (kinds && kinds.length > 0) return kinds.some((k) => k.kind === "HTTPRoute" && (k.group ?? "gateway.networking.k8s.io") === "gateway.networking.k8s.io");
  return listener.protocol === "HTTP" || listener.protocol === "HTTPS";
}

function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!sel) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = e.key in labels;
    const v = labels[e.key];
    const values = e.values ?? [];
    const ok =
      e.operator === "In" ? has && values.includes(v ?? "")
        : e.operator === "NotIn" ? !has || !values.includes(v ?? "")
          : e.operator === "Exists" ? has
            : e.operator === "DoesNotExist" ? !has
              : false;
    if (!ok) return false;
  }
  return true;
}

/** Namespace labels, with the label the API server adds to every namespace since 1.22. */
function namespaceLabels(index: ObjectIndex, ns: string): Record<string, string> {
  const labels = index.get("Namespace", undefined, ns)?.metadata.labels ?? {};
  return { "kubernetes.io/metadata.name": ns, ...labels };
}

export function namespaceAllowed(listener: Listener, gatewayNs: string, routeNs: string, index: ObjectIndex): boolean {
  const from = listener.allowedRoutes?.namespaces?.from ?? "Same";
  if (from === "All") return true;
  if (from === "Same") return routeNs === gatewayNs;
  return selectorMatches(listener.allowedRoutes?.namespaces?.selector, namespaceLabels(index, routeNs));
}

/** The listeners the route attaches to through one parentRef, or why none. */
export function attachListeners(route: HTTPRoute, ref: ParentReference, gatewayObj: KubeObject, index: ObjectIndex): AttachVerdict {
  const gateway = gatewayObj as unknown as Gateway;
  const all = gateway.spec?.listeners ?? [];
  const candidates = all.filter((l) => (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port));
  if (candidates.length === 0) return { ok: false, reason: "NoMatchingParent", listeners: all };
  const routeNs = route.metadata.namespace ?? "default";
  const allowed = candidates.filter((l) => kindAllowed(l) && namespaceAllowed(l, gateway.metadata.namespace ?? "default", routeNs, index));
  if (allowed.length === 0) return { ok: false, reason: "NotAllowedByListeners", listeners: candidates };
  const matching = allowed.filter((l) => routeMatchesListenerHost(route.spec?.hostnames ?? [], l));
  if (matching.length === 0) return { ok: false, reason: "NoMatchingListenerHostname", listeners: allowed };
  return { ok: true, listeners: matching };
}

/** "http (*.example.com, port 80)" for sentences and node facts. */
export function describeListener(l: Listener): string {
  return `${l.name} (${l.hostname ?? "any host"}, ${l.protocol} ${l.port})`;
}

/** How a listener restricts namespaces, in words. */
export function describeAllowedNamespaces(l: Listener): string {
  const from = l.allowedRoutes?.namespaces?.from ?? "Same";
  return from === "All" ? "all namespaces" : from === "Same" ? "its own namespace only" : "namespaces matching a label selector";
}
