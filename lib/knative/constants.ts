// Names Knative and net-gateway-api put on objects and requests (knative.dev/serving,
// knative.dev/networking). Kept in one place so tests and conversions agree.

export const ROUTE_LABEL = "serving.knative.dev/route";
export const ROUTE_NAMESPACE_LABEL = "serving.knative.dev/routeNamespace";
export const SERVICE_LABEL = "serving.knative.dev/service";
export const CONFIGURATION_LABEL = "serving.knative.dev/configuration";
export const VISIBILITY_LABEL = "networking.knative.dev/visibility";
export const VISIBILITY_CLUSTER_LOCAL = "cluster-local";
export const INGRESS_LABEL = "networking.internal.knative.dev/ingress";

export const INGRESS_CLASS_ANNOTATION = "networking.knative.dev/ingress.class";
export const ROLLOUT_ANNOTATION = "networking.internal.knative.dev/rollout";
export const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
/** The ingress class net-gateway-api answers to. */
export const GATEWAY_API_INGRESS_CLASS = "gateway-api.ingress.networking.knative.dev";

export const REVISION_HEADER = "Knative-Serving-Revision";
export const NAMESPACE_HEADER = "Knative-Serving-Namespace";
export const TAG_HEADER = "Knative-Serving-Tag";
export const DEFAULT_ROUTE_HEADER = "Knative-Serving-Default-Route";
export const HASH_HEADER = "K-Network-Hash";
export const HASH_HEADER_OVERRIDE = "override";

export const SERVING_API_VERSION = "serving.knative.dev/v1";
export const NETWORKING_API_VERSION = "networking.internal.knative.dev/v1alpha1";
export const GATEWAY_API_GROUP = "gateway.networking.k8s.io";

/** Ports of a Revision's public Service (knative.dev/networking ServicePort). */
export const HTTP1_PORT = 80;
export const H2C_PORT = 81;
