// The spec rules predictStatus applies, each cited once, and the constructors of its conditions.
// Citations name the API field whose documentation states the rule (gateway-api v1.6, the
// comments of types.generated.ts) or the GEP; "suite:" names the conformance test that checks it.
import type { Certainty, ConditionStatus, PredictedCondition, PredictionWarning } from "./types";

export const RULES = {
  classMissing:
    "Gateway spec.gatewayClassName: only the controller of an existing GatewayClass reconciles the Gateway; until then its status stays the CRD default (Accepted Unknown Pending)",
  classRejected:
    "GatewayClass status Accepted=False: the controller does not take Gateways of a class it rejects (implementation-specific whether it writes their status)",
  invalidParameters:
    "Gateway spec.infrastructure.parametersRef: a referent that cannot be found SHOULD reject the Gateway (Accepted False, InvalidParameters); suite: GatewayInvalidParametersRef",
  unsupportedAddress:
    "Gateway spec.addresses[].type: an address type the implementation does not support → Accepted False, UnsupportedAddress (types other than IPAddress/Hostname are implementation-specific); suite: GatewayStaticAddresses",
  addresses:
    "Gateway spec.addresses[].value: an address may be unusable (Programmed False, AddressNotUsable) or, left empty, unsupported (AddressNotAssigned): implementation-specific; suite: GatewayStaticAddresses, GatewayOptionalAddressValue",
  gatewayListeners:
    "Gateway Accepted: True when at least one listener is accepted; reason ListenersNotValid when any listener is not (GatewayReasonListenersNotValid); suite: GatewayListenerUnsupportedProtocol",
  gatewayProgrammed:
    "Gateway Programmed: the data plane serves some listener; False (Invalid) when the Gateway is not accepted or no listener can be programmed",
  gatewayResolvedRefs:
    "Gateway ResolvedRefs: spec.tls.backend.clientCertificateRef must resolve (InvalidClientCertificateRef, RefNotPermitted), and summarises listeners' ResolvedRefs (ListenersNotResolved); suite: GatewayInvalidTLSBackendConfiguration",
  insecureFallback:
    "Gateway spec.tls.frontend …validation.mode AllowInsecureFallback → InsecureFrontendValidationMode True, ConfigurationChanged; suite: GatewayFrontendClientCertificateValidationInsecureFallback",
  unsupportedProtocol:
    "Listener protocol: HTTP, HTTPS, TLS, TCP, UDP are the core protocols; others → listener Accepted False, UnsupportedProtocol; suite: GatewayListenerUnsupportedProtocol",
  routeKinds:
    "Listener allowedRoutes.kinds: a kind the implementation does not know, or one incompatible with the listener's protocol → ResolvedRefs False, InvalidRouteKinds; supportedKinds lists the valid ones; suite: GatewayInvalidRouteKind",
  certificateRefs:
    'Listener tls.certificateRefs: each must be a Secret (group "") that exists and holds a certificate → otherwise ResolvedRefs False, InvalidCertificateRef; suite: GatewayInvalidTLSConfiguration',
  certificateGrant:
    "Listener tls.certificateRefs: a Secret in another namespace needs a ReferenceGrant there (from Gateway/ListenerSet) → otherwise ResolvedRefs False, RefNotPermitted; suite: GatewaySecretMissingReferenceGrant",
  certificatesUnknown: "Listener tls.certificateRefs: Routeboard does not read Secrets; pass the Secrets that exist to tell whether the reference resolves",
  caCertificateRefs:
    "Gateway spec.tls.frontend validation caCertificateRefs: a ConfigMap with ca.crt that exists (InvalidCACertificateRef), of a supported kind (InvalidCACertificateKind), granted across namespaces (RefNotPermitted); all invalid → listener Accepted False, NoValidCACertificate; suite: GatewayInvalidFrontendClientCertificateValidation",
  conflicts:
    "Gateway spec.listeners (Distinct Listeners): listeners sharing a port must differ in protocol-relevant fields; indistinct ones are Conflicted (HostnameConflict / ProtocolConflict) and not accepted; a TCP listener conflicts with HTTP/HTTPS/TLS listeners on its port",
  listenerSetPrecedence:
    "ListenerSet spec.listeners: conflicts are resolved by precedence: the parent Gateway's listeners, then ListenerSets oldest first, then by namespace/name; the loser is Conflicted; suite: ListenerSetHostnameConflict, ListenerSetProtocolConflict",
  tlsModes:
    "Listener tls.mode on TLS listeners: Passthrough is Core; Terminate, and Terminate beside Passthrough on one port, are Extended (features TLSRouteModeTerminate, TLSRouteModeMixed): with the implementation's features known, a mode it lacks is Accepted False (UnsupportedValue; ProtocolConflict on both listeners for mixed modes); suite: TLSRouteListenerTerminateNotSupported, TLSRouteListenerMixedTerminationNotSupported",
  listenerProgrammed: "Listener Programmed: True for an accepted listener whose TLS references resolve (an invalid route kind only narrows supportedKinds)",
  listenerSetAllowed:
    "Gateway spec.allowedListeners.namespaces (default None): a ListenerSet outside it is Accepted False, NotAllowed; suite: ListenerSetDefaultNotAllowed, ListenerSetAllowedNamespaceSame",
  listenerSetListeners:
    "ListenerSet Accepted: False, ListenersNotValid when none of its listeners is valid; Programmed when some listener is; suite: ListenerSetHostnameConflict, ListenerSetReferenceGrant",
  listenerSetParent: "ListenerSet spec.parentRef: the parent Gateway must exist and be accepted (ParentNotAccepted)",
  attachedRoutes:
    "ListenerStatus.attachedRoutes: the number of routes Accepted on the listener, whatever their ResolvedRefs; suite: GatewayWithAttachedRoutes, HTTPRouteHostnameIntersection",
  parentMissing: "HTTPRoute spec.parentRefs: a parent that does not exist has no controller; no status is written for it",
  parentUnsupported:
    "HTTPRoute spec.parentRefs[].kind: Gateway and ListenerSet are the Gateway-profile parents; other kinds (Service: mesh) are not predicted here",
  noMatchingParent:
    "HTTPRoute spec.parentRefs[].sectionName / port: must select a listener of the parent (a listener named sectionName, on port) → otherwise Accepted False, NoMatchingParent; suite: HTTPRouteInvalidParentRefNotMatchingSectionName",
  notAllowedKinds:
    "Listener allowedRoutes.kinds: the listener must take HTTPRoutes → otherwise Accepted False, NotAllowedByListeners; suite: HTTPRouteDisallowedKind",
  notAllowedNamespaces:
    "Listener allowedRoutes.namespaces (default Same): the route's namespace must be allowed → otherwise Accepted False, NotAllowedByListeners; suite: HTTPRouteInvalidCrossNamespaceParentRef",
  notAllowedNotAccepted: "A listener that is not accepted (unsupported protocol, conflicted) takes no routes → Accepted False, NotAllowedByListeners",
  noMatchingHostname:
    "HTTPRoute spec.hostnames: when both the listener and the route set hostnames, at least one must intersect → otherwise Accepted False, NoMatchingListenerHostname; suite: HTTPRouteHostnameIntersection",
  accepted: "HTTPRoute spec.parentRefs: attached when at least one selected listener accepts the route (ParentReference.sectionName docs)",
  invalidRules:
    'HTTPRouteRule filters / matches: a rule with an unsupported value is dropped; some rules dropped → PartiallyInvalid True (message "Dropped Rule"), all → Accepted False, UnsupportedValue',
  incompatibleFilters: "HTTPRouteRule filters: URLRewrite and RequestRedirect may not be combined (IncompatibleFilters)",
  resolvedRefs: "HTTPRoute ResolvedRefs: every backendRef must resolve; it is independent of attachment; suite: HTTPRouteInvalidCrossNamespaceParentRef",
  backendKind:
    'HTTPBackendRef group/kind: core Service (group "") is the Core backend; an unknown kind → ResolvedRefs False, InvalidKind, 500 for its share; suite: HTTPRouteInvalidBackendRefUnknownKind',
  backendGrant:
    "HTTPBackendRef namespace: a Service in another namespace needs a ReferenceGrant there → otherwise ResolvedRefs False, RefNotPermitted, 500 for its share; suite: HTTPRouteInvalidCrossNamespaceBackendRef, HTTPRoutePartiallyInvalidViaInvalidReferenceGrant",
  backendMissing:
    "HTTPBackendRef name: a Service that does not exist → ResolvedRefs False, BackendNotFound, 500 for its share; suite: HTTPRouteInvalidNonExistentBackendRef",
  backendPort:
    "HTTPBackendRef port: the Service port number (not targetPort); a port the Service does not expose is not a ResolvedRefs reason in the spec, and implementations differ (500, 503 or connection errors)",
  externalName: "HTTPBackendRef kind: implementations SHOULD NOT support ExternalName Services (Support: Implementation-specific)",
  appProtocol:
    "HTTPBackendRef: a Service port appProtocol the implementation cannot speak → ResolvedRefs False, UnsupportedProtocol (which ones are supported is implementation-specific; KEP-3726 names kubernetes.io/h2c, ws, wss)",
  serviceImport: "HTTPBackendRef kind ServiceImport (multicluster.x-k8s.io): Extended support",
  backendTLSTargets:
    "BackendTLSPolicy spec.targetRefs: a Service (and port, for a sectionName) that exists; of policies on the same target and sectionName the oldest, then the first by {namespace}/{name}, takes precedence, the others are Accepted False Conflicted; suite: BackendTLSPolicyConflictResolution",
  backendTLSRefs:
    "BackendTLSPolicy validation.caCertificateRefs: a ConfigMap (InvalidKind otherwise) that exists and holds ca.crt (InvalidCACertificateRef otherwise) → ResolvedRefs; all invalid → Accepted False NoValidCACertificate; connections using an invalid one MUST fail with a 5xx; suite: BackendTLSPolicyInvalidCACertificateRef, BackendTLSPolicyInvalidKind",
  backendTLSCertificate:
    "BackendTLSPolicy validation.hostname / subjectAltNames: the backend's serving certificate must match them and chain to the CA; that certificate is not among the objects, so whether the handshake succeeds is not predicted",
  regex: "HTTPPathMatch / HTTPHeaderMatch / HTTPQueryParamMatch type RegularExpression: implementation-specific dialect and precedence",
} as const;

export type RuleKey = keyof typeof RULES;

export function condition(
  type: string,
  status: ConditionStatus,
  reason: string,
  message: string,
  rule: RuleKey,
  certainty: Certainty = "required",
): PredictedCondition {
  return { type, status, reason, message, rule: RULES[rule], certainty };
}

export function warning(code: string, message: string, rule: RuleKey): PredictionWarning {
  return { code, message, rule: RULES[rule], certainty: "implementation-specific" };
}

/** The condition of a type in a list (predictions and written status alike). */
export function conditionOf<C extends { readonly type: string }>(conditions: readonly C[], type: string): C | undefined {
  return conditions.find((c) => c.type === type);
}
