export type {
  TrafficTarget,
  IngressVisibility,
  KIngressSpec,
  KIngressRule,
  KIngressPath,
  KIngressSplit,
  KIngressTLS,
  HTTPRouteSpec,
  HTTPRouteRule,
  HTTPRouteMatch,
  HTTPRouteFilter,
  HTTPBackendRef,
  HTTPHeader,
  ParentRef,
} from "./types";
export type { KnativeService, Configuration, Revision, Route, KIngress } from "./types.generated";
export { defaultTraffic, defaultTarget } from "./traffic-defaults";
export { validateTraffic } from "./traffic-validation";
export type { TrafficError, ValidateTrafficOptions } from "./traffic-validation";
export { buildTrafficConfig } from "./traffic-config";
export type { RevisionTarget, TrafficProblem, TrafficConfig, TrafficResolution } from "./traffic-config";
export { routeFromService } from "./service-route";
export { routeToKIngress, makeIngress, getVisibility, ingressClassForRoute } from "./route-to-kingress";
export type { RouteToKIngressConfig, RouteToKIngressResult, MakeIngressOptions } from "./route-to-kingress";
export type { HTTP01Challenge, IngressTraffic } from "./ingress-spec";
export { buildRollout, serializeRollout } from "./rollout";
export type { Rollout, ConfigurationRollout, RevisionRollout } from "./rollout";
export { networkConfigFromConfigMaps } from "./config-maps";
export type { ConfigSource, ConfigMapProblem, KnativeConfigMaps, NetworkConfigFromConfigMaps } from "./config-maps";
export { kingressToHTTPRoutes, longestHost } from "./kingress-to-httproutes";
export type { KIngressToHTTPRoutesConfig } from "./kingress-to-httproutes";
export { computeIngressHash, insertProbe, defaultIngressSpec } from "./probe";
export { DEFAULT_EXTERNAL_GATEWAY, DEFAULT_LOCAL_GATEWAY, gatewayFor } from "./gateway-config";
export type { GatewayEntry, GatewayPluginConfig } from "./gateway-config";
export {
  DEFAULT_DOMAIN,
  DEFAULT_DOMAIN_TEMPLATE,
  DEFAULT_TAG_TEMPLATE,
  DEFAULT_CLUSTER_DOMAIN,
  DEFAULT_INGRESS_CLASS,
  resolveNetworkConfig,
} from "./network-config";
export type { NetworkConfig, ResolvedNetworkConfig, HTTPProtocol } from "./network-config";
export { lookupDomainForLabels, routeDomains, expandedHosts, getDomainsForVisibility, routeVisibility, DomainNameError } from "./domains";
export { compileKnativePath, compileKnativePaths } from "./path-routing";
export { referenceGrantFor } from "../gateway/reference-grants";
export type { KnativePathRule, KnativePathRoutingConfig, CompiledKnativePath } from "./path-routing";
export { isDNS1035Label, isQualifiedName } from "../k8s/names";
export {
  ROUTE_LABEL,
  ROUTE_NAMESPACE_LABEL,
  SERVICE_LABEL,
  CONFIGURATION_LABEL,
  VISIBILITY_LABEL,
  INGRESS_LABEL,
  INGRESS_CLASS_ANNOTATION,
  ROLLOUT_ANNOTATION,
  REVISION_HEADER,
  NAMESPACE_HEADER,
  TAG_HEADER,
  HASH_HEADER,
  TAG_TO_HOST_ANNOTATION,
  GATEWAY_API_INGRESS_CLASS,
} from "./constants";
export { kingressProbeHash } from "./kingress-to-httproutes";
export { tagForHost } from "./tag-to-host";
export { TAG_LABEL, HTTPROUTE_REQUEST_TIMEOUT_FEATURE } from "./constants";
export { knativeSettings, knativeSettingsFromObjects, stringData, KNATIVE_NAMESPACE, SETTINGS_CONFIG_MAPS } from "./settings";
export type { KnativeSettings, ConfigMapRead, SettingsConfigMap } from "./settings";
export { gatewayConfigFromConfigMap } from "./config-gateway";
export type { GatewayConfigReading } from "./config-gateway";
export { chainGatewayFrom, chainIstioFrom } from "./chain-options";
export { kingressToVirtualServices } from "./istio/kingress-to-virtualservices";
export type { KIngressToVirtualServicesConfig, NetIstioObjects } from "./istio/kingress-to-virtualservices";
export { istioConfigFromConfigMap, defaultIstioConfig, gatewaysForIngress, gatewaysEnabled, CONFIG_ISTIO } from "./istio/config-istio";
export type { IstioConfig, IstioConfigReading, IstioGatewayConfig, IstioNames } from "./istio/config-istio";
export { NetIstioError } from "./istio/cluster";
export type { IstioClusterInputs, GatewayServiceInput, TLSSecretInput } from "./istio/cluster";
export type { VirtualService, IstioGateway, SecretCopy } from "./istio/types";
export { ISTIO_INGRESS_CLASS } from "./constants";
