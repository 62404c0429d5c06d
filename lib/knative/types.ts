// Element aliases over the generated CRD types, so the rest of lib/knative names what it handles.
import type { KIngress, Route } from "./types.generated";
import type { HTTPRoute } from "../gateway/types.generated";

export type TrafficTarget = NonNullable<NonNullable<Route["spec"]>["traffic"]>[number];

export type KIngressSpec = NonNullable<KIngress["spec"]>;
export type KIngressRule = NonNullable<KIngressSpec["rules"]>[number];
export type KIngressPath = NonNullable<KIngressRule["http"]>["paths"][number];
export type KIngressSplit = KIngressPath["splits"][number];
export type KIngressTLS = NonNullable<KIngressSpec["tls"]>[number];

export type HTTPRouteSpec = HTTPRoute["spec"];
export type HTTPRouteRule = NonNullable<HTTPRouteSpec["rules"]>[number];
export type HTTPRouteMatch = NonNullable<HTTPRouteRule["matches"]>[number];
export type HTTPRouteFilter = NonNullable<HTTPRouteRule["filters"]>[number];
export type HTTPBackendRef = NonNullable<HTTPRouteRule["backendRefs"]>[number];
export type HTTPHeader = NonNullable<NonNullable<HTTPRouteFilter["requestHeaderModifier"]>["set"]>[number];
export type ParentRef = NonNullable<HTTPRouteSpec["parentRefs"]>[number];

/** KIngress rule visibility, as networking.internal.knative.dev spells it. */
export type IngressVisibility = "ExternalIP" | "ClusterLocal";
