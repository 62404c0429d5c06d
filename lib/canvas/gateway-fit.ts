// Whether a route hostname fits a listener of a parent Gateway (Gateway API hostname
// intersection: a listener without hostname takes every host; `*.x` takes one or more labels).
import type { Gateway } from "../gateway/types.generated";
import type { ParentNode } from "../graph";

export type Fit = "fits" | "no-listener" | "gateway-missing";

export function hostnamesIntersect(listener: string | undefined, route: string): boolean {
  if (!listener) return true;
  const l = listener.toLowerCase();
  const r = route.toLowerCase();
  if (l === r) return true;
  const suffix = (w: string) => w.slice(1); // "*.example.com" → ".example.com"
  if (l.startsWith("*.") && r.startsWith("*.")) return r.endsWith(suffix(l)) || l.endsWith(suffix(r));
  if (l.startsWith("*.")) return r.endsWith(suffix(l)) && r.length > l.length - 1;
  if (r.startsWith("*.")) return l.endsWith(suffix(r)) && l.length > r.length - 1;
  return false;
}

export function gatewayFor(parent: ParentNode, gateways: readonly Gateway[]): Gateway | undefined {
  if (parent.parentKind !== "Gateway") return undefined;
  return gateways.find((g) => g.metadata?.name === parent.name && (g.metadata?.namespace ?? "") === parent.namespace);
}

/** Does `hostname` fit a listener of the Gateway `parent` names (its sectionName/port, if set)? */
export function listenerFit(hostname: string, parent: ParentNode, gateways: readonly Gateway[]): Fit {
  const gw = gatewayFor(parent, gateways);
  if (!gw) return "gateway-missing";
  const listeners = gw.spec.listeners.filter(
    (l) => (parent.sectionName === undefined || l.name === parent.sectionName) && (parent.port === undefined || l.port === parent.port),
  );
  return listeners.some((l) => hostnamesIntersect(l.hostname ?? undefined, hostname)) ? "fits" : "no-listener";
}
