// Names Knative and net-gateway-api put on objects and requests (knative.dev/serving,
// knative.dev/networking). Kept in one place so tests and conversions agree.

export const ROUTE_LABEL = "serving.knative.dev/route";
export const ROUTE_NAMESPACE_LABEL = "serving.knative.dev/routeNamespace";
export const SERVICE_LABEL = "serving.knative.dev/service";
export const CONFIGURATION_LABEL = "serving.knative.dev/configuration";
export const VISIBILITY_LABEL = "networking.knative.dev/visibility";
export const VISIBILITY_CLUSTER_LOCAL = "cluster-local";
export const INGRESS_LABEL = "networking.internal.knative.dev/ingress";
/** net-gateway-api's label naming the tag an HTTPRoute serves (resources.TagLabelKey, knative-v1.22+). */
export const TAG_LABEL = "networking.knative.dev/tag";

export const INGRESS_CLASS_ANNOTATION = "networking.knative.dev/ingress.class";
/** The other casing Knative reads (networking IngressClassAnnotation); not copied to the KIngress. */
export const INGRESS_CLASS_ALT_ANNOTATION = "networking.knative.dev/ingress-class";
/** The other casing of networking.knative.dev/certificate.class; not copied to the KIngress. */
export const CERTIFICATE_CLASS_ALT_ANNOTATION = "networking.knative.dev/certificate-class";
/** networking HTTPProtocolAnnotation: a Route's own http-protocol, in priority order. */
export const HTTP_OPTION_ANNOTATION = "networking.knative.dev/httpOption";
export const HTTP_PROTOCOL_ANNOTATION = "networking.knative.dev/http-protocol";
/** JSON of tag → hosts that MakeIngress writes since knative-v1.22. */
export const TAG_TO_HOST_ANNOTATION = "networking.internal.knative.dev/tag-to-host";
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
/** The Gateway API feature that makes net-gateway-api write `timeouts.request: 0s` (features.SupportHTTPRouteRequestTimeout). */
export const HTTPROUTE_REQUEST_TIMEOUT_FEATURE = "HTTPRouteRequestTimeout";

/** Ports of a Revision's public Service (knative.dev/networking ServicePort). */
export const HTTP1_PORT = 80;
export const H2C_PORT = 81;
/** networking.ServiceHTTPSPort: every split's port when system-internal-tls is enabled. */
export const HTTPS_PORT = 443;

/** The ingress class net-istio answers to (networking config IstioIngressClassName). */
export const ISTIO_INGRESS_CLASS = "istio.ingress.networking.knative.dev";
/** Labels and annotation net-istio puts on the TLS Secret copies in a gateway's namespace (networking v1alpha1). */
export const ORIGIN_SECRET_NAME_LABEL = "networking.internal.knative.dev/originSecretName";
export const ORIGIN_SECRET_NAMESPACE_LABEL = "networking.internal.knative.dev/originSecretNamespace";
export const CERTIFICATE_UID_LABEL = "networking.internal.knative.dev/certificate-uid";
