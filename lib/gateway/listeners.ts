// Which listeners a route attaches to, by the Gateway API's rules (ParentReference docs and
// Listener.allowedRoutes / hostname docs): the parentRef's sectionName and port, the listener's
// allowedRoutes (kinds and namespaces) and hostname intersection. Shared by the chain (to explain
// a controller's verdict) and by predict/ (to predict it).
import type { ParentReference } from "./route-types";
import type { Gateway, ListenerSet } from "./types.generated";

export const GATEWAY_GROUP = "gateway.networking.k8s.io";

export type Listener = Gateway["spec"]["listeners"][number];
export type ListenerEntry = ListenerSet["spec"]["listeners"][number];
/** A Gateway listener or a ListenerSet entry: the fields that decide attachment are the same. */
export type AnyListener = Listener | ListenerEntry;
type LabelSelector = NonNullable<NonNullable<NonNullable<Listener["allowedRoutes"]>["namespaces"]>["selector"]>;

export interface RouteGroupKind {
  readonly group: string;
  readonly kind: string;
}

/** The labels of a namespace, or undefined when the namespace is not among the objects read. */
export type NamespaceLabels = (namespace: string) => Readonly<Record<string, string | undefined>> | undefined;

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

export function routeMatchesListenerHost(routeHostnames: readonly string[], listener: { readonly hostname?: string }): boolean {
  if (routeHostnames.length === 0) return true;
  return routeHostnames.some((h) => hostnamesIntersect(listener.hostname, h));
}

/**
 * The hostnames a route serves on one listener: route hostnames that do not match the listener's
 * are ignored, and a route wildcard wider than the listener's hostname narrows to it ("*.example.com"
 * on listener "abc.foo.example.com" serves abc.foo.example.com only). "any" when neither sets one.
 */
export function effectiveHostnames(routeHostnames: readonly string[], listenerHostname: string | undefined): readonly string[] | "any" {
  if (routeHostnames.length === 0) return listenerHostname ? [listenerHostname] : "any";
  if (!listenerHostname) return [...new Set(routeHostnames)];
  const out = new Set<string>();
  const lw = listenerHostname.startsWith("*.");
  for (const h of routeHostnames) {
    if (!hostnamesIntersect(listenerHostname, h)) continue;
    const hw = h.startsWith("*.");
    if (!hw) out.add(h);
    else if (!lw) out.add(listenerHostname);
    else out.add(h.endsWith(listenerHostname.slice(1)) ? h : listenerHostname);
  }
  return [...out];
}

/** A request host (lower case, no port) matches a hostname pattern. */
export function hostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith("*.")) return pattern === host;
  return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
}

export function selectorMatches(sel: LabelSelector | undefined, labels: Readonly<Record<string, string | undefined>>): boolean {
  if (!sel) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const v = labels[e.key];
    const has = v !== undefined;
    const values = e.values ?? [];
    const ok =
      e.operator === "In"
        ? has && values.includes(v)
        : e.operator === "NotIn"
          ? !has || !values.includes(v)
          : e.operator === "Exists"
            ? has
            : e.operator === "DoesNotExist"
              ? !has
              : false;
    if (!ok) return false;
  }
  return true;
}

/** Namespace labels, with the label the API server adds to every namespace since 1.22. */
export function labelsOfNamespace(lookup: NamespaceLabels, ns: string): Record<string, string | undefined> {
  return { ...lookup(ns), "kubernetes.io/metadata.name": ns };
}

/** Whether a listener's allowedRoutes.namespaces admits routes from `routeNs` (`ownerNs`: the Gateway's or ListenerSet's). */
export function namespaceAllowed(listener: AnyListener, ownerNs: string, routeNs: string, labels: NamespaceLabels): boolean {
  const from = listener.allowedRoutes?.namespaces?.from ?? "Same";
  if (from === "All") return true;
  if (from === "Same") return routeNs === ownerNs;
  if (from === "Selector") return selectorMatches(listener.allowedRoutes?.namespaces?.selector, labelsOfNamespace(labels, routeNs));
  return false;
}

/** The route kinds each protocol carries (Gateway API standard channel). */
const KINDS_BY_PROTOCOL: Record<string, readonly string[]> = {
  HTTP: ["HTTPRoute", "GRPCRoute"],
  HTTPS: ["HTTPRoute", "GRPCRoute"],
  TLS: ["TLSRoute"],
  TCP: ["TCPRoute"],
  UDP: ["UDPRoute"],
};

export const CORE_PROTOCOLS: readonly string[] = Object.keys(KINDS_BY_PROTOCOL);

/**
 * The route kinds a listener supports (status.listeners[].supportedKinds) and the kinds it names
 * that are unknown or do not fit its protocol (ResolvedRefs False, InvalidRouteKinds).
 */
export function listenerKinds(listener: AnyListener): { supported: RouteGroupKind[]; invalid: RouteGroupKind[] } {
  const compatible = KINDS_BY_PROTOCOL[listener.protocol] ?? [];
  const named = listener.allowedRoutes?.kinds ?? [];
  if (named.length === 0) return { supported: compatible.map((kind) => ({ group: GATEWAY_GROUP, kind })), invalid: [] };
  const supported: RouteGroupKind[] = [];
  const invalid: RouteGroupKind[] = [];
  for (const k of named) {
    const gk = { group: k.group ?? GATEWAY_GROUP, kind: k.kind };
    (gk.group === GATEWAY_GROUP && compatible.includes(gk.kind) ? supported : invalid).push(gk);
  }
  return { supported, invalid };
}

export function kindAllowed(listener: AnyListener, kind: RouteGroupKind): boolean {
  return listenerKinds(listener).supported.some((k) => k.group === kind.group && k.kind === kind.kind);
}

export type AttachReason = "NoMatchingParent" | "NotAllowedByListeners" | "NoMatchingListenerHostname";
/** What the failure is about, so that an explanation names the real cause. */
export type AttachCause = "sectionName" | "port" | "kinds" | "namespaces" | "hostnames" | "notAccepted";

export type AttachVerdict<L extends AnyListener = AnyListener> =
  { ok: true; listeners: L[] } | { ok: false; reason: AttachReason; cause: AttachCause; listeners: L[] };

export interface AttachInput<L extends AnyListener> {
  readonly kind: RouteGroupKind;
  readonly namespace: string;
  /** The route's hostnames; undefined for route kinds without hostnames (TCPRoute, UDPRoute). */
  readonly hostnames: readonly string[] | undefined;
  readonly ref: Pick<ParentReference, "sectionName" | "port">;
  /** The listeners of the parent (a Gateway's own, or one ListenerSet's). */
  readonly listeners: readonly L[];
  /** Namespace of the object that declares the listeners: "Same" means this one. */
  readonly ownerNamespace: string;
  readonly labels: NamespaceLabels;
  /** Listeners the implementation accepted; others take no routes. Default: all. */
  readonly usable?: (l: L) => boolean;
}

/** The listeners a route attaches to through one parentRef, or why none. */
export function attach<L extends AnyListener>(input: AttachInput<L>): AttachVerdict<L> {
  const { ref, listeners } = input;
  const bySection = listeners.filter((l) => ref.sectionName === undefined || l.name === ref.sectionName);
  if (bySection.length === 0) return { ok: false, reason: "NoMatchingParent", cause: "sectionName", listeners: [...listeners] };
  const candidates = bySection.filter((l) => ref.port === undefined || l.port === ref.port);
  if (candidates.length === 0) return { ok: false, reason: "NoMatchingParent", cause: "port", listeners: bySection };
  const usable = candidates.filter((l) => input.usable?.(l) ?? true);
  if (usable.length === 0) return { ok: false, reason: "NotAllowedByListeners", cause: "notAccepted", listeners: candidates };
  const byKind = usable.filter((l) => kindAllowed(l, input.kind));
  if (byKind.length === 0) return { ok: false, reason: "NotAllowedByListeners", cause: "kinds", listeners: usable };
  const allowed = byKind.filter((l) => namespaceAllowed(l, input.ownerNamespace, input.namespace, input.labels));
  if (allowed.length === 0) return { ok: false, reason: "NotAllowedByListeners", cause: "namespaces", listeners: byKind };
  if (input.hostnames === undefined) return { ok: true, listeners: allowed };
  const hostnames = input.hostnames;
  const matching = allowed.filter((l) => routeMatchesListenerHost(hostnames, l));
  if (matching.length === 0) return { ok: false, reason: "NoMatchingListenerHostname", cause: "hostnames", listeners: allowed };
  return { ok: true, listeners: matching };
}

/** "http (*.example.com, HTTP 80)" for sentences and node facts. */
export function describeListener(l: AnyListener): string {
  return `${l.name} (${l.hostname ?? "any host"}, ${l.protocol} ${l.port})`;
}

/** How a listener restricts namespaces, in words. */
export function describeAllowedNamespaces(l: AnyListener): string {
  const from = l.allowedRoutes?.namespaces?.from ?? "Same";
  return from === "All" ? "all namespaces" : from === "Same" ? "its own namespace only" : "namespaces matching a label selector";
}

/** Which route kinds a listener takes, in words: "HTTPRoute, GRPCRoute". */
export function describeKinds(l: AnyListener): string {
  const { supported } = listenerKinds(l);
  return supported.length === 0 ? "no route kinds" : supported.map((k) => (k.group === GATEWAY_GROUP ? k.kind : `${k.group}/${k.kind}`)).join(", ");
}
