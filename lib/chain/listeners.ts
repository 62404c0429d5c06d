// Which listener of a Gateway an HTTPRoute attaches to: the rules live in lib/gateway/listeners
// (shared with predict/); this adapts them to the chain's object index. Used to explain a
// controller's verdict in words, and to predict one where no controller has written status.
import {
  attach,
  describeAllowedNamespaces,
  describeKinds,
  describeListener,
  GATEWAY_GROUP,
  hostnamesIntersect,
  namespaceAllowed as allowedFrom,
  routeMatchesListenerHost,
  type AttachVerdict as GatewayAttachVerdict,
  type Listener,
  type NamespaceLabels,
} from "../gateway/listeners";
import type { ParentReference } from "../gateway/route-types";
import type { Gateway, HTTPRoute } from "../gateway/types.generated";
import type { KubeObject } from "../k8s/meta";
import type { ObjectIndex } from "./objects";

export type { Listener };
export type AttachVerdict = GatewayAttachVerdict<Listener>;
export { describeAllowedNamespaces, describeKinds, describeListener, hostnamesIntersect, routeMatchesListenerHost };

function labelsFrom(index: ObjectIndex): NamespaceLabels {
  return (ns) => index.get("Namespace", undefined, ns)?.metadata.labels;
}

export function namespaceAllowed(listener: Listener, gatewayNs: string, routeNs: string, index: ObjectIndex): boolean {
  return allowedFrom(listener, gatewayNs, routeNs, labelsFrom(index));
}

/** The listeners the route attaches to through one parentRef, or why none. */
export function attachListeners(route: HTTPRoute, ref: ParentReference, gatewayObj: KubeObject, index: ObjectIndex): AttachVerdict {
  const gateway = gatewayObj as unknown as Gateway;
  return attach<Listener>({
    kind: { group: GATEWAY_GROUP, kind: "HTTPRoute" },
    namespace: route.metadata.namespace ?? "default",
    hostnames: route.spec?.hostnames ?? [],
    ref,
    listeners: gateway.spec?.listeners ?? [],
    ownerNamespace: gateway.metadata.namespace ?? "default",
    labels: labelsFrom(index),
  });
}
