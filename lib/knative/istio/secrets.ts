// The TLS side of net-istio's reconcile: which Secrets a KIngress's TLS entries name, which of
// them hold wildcard certificates, and the copies made in the gateways' namespaces. Mirrors
// pkg/reconciler/ingress/resources/secret.go and GetIngressTLSForVisibility (networking v1alpha1).
import { CERTIFICATE_UID_LABEL, ORIGIN_SECRET_NAME_LABEL, ORIGIN_SECRET_NAMESPACE_LABEL } from "../constants";
import type { KIngressRule, KIngressSpec, KIngressTLS } from "../types";
import { getSecret, NetIstioError, SECRET_TYPE_TLS, type IstioClusterInputs, type TLSSecretInput } from "./cluster";
import type { IstioGatewayConfig } from "./config-istio";
import { isLongSecretName, originSecretNameLabel, targetSecretName, targetWildcardSecretName } from "./names";
import type { SecretCopy } from "./types";

/** A Go map[string]*corev1.Secret keyed `namespace/name`. */
export type SecretsByKey = Map<string, TLSSecretInput>;

/** The namespace and name of a gateway's Service (parseIngressGatewayConfig). */
export interface ServiceRef {
  namespace: string;
  name: string;
}

/** secretKey. */
export function secretKey(tls: KIngressTLS): string {
  return `${tls.secretNamespace ?? ""}/${tls.secretName ?? ""}`;
}

/**
 * Ingress.GetIngressTLSForVisibility: for each rule of the visibility, every TLS entry listing all
 * of its hosts, so an entry appears once per rule it covers. A rule without hosts ends the search.
 */
export function ingressTLSForVisibility(spec: KIngressSpec, visibility: string): KIngressTLS[] {
  const out: KIngressTLS[] = [];
  const tlsList = spec.tls ?? [];
  if (tlsList.length === 0) return out;
  for (const rule of spec.rules ?? []) {
    if (rule.visibility !== visibility) continue;
    const hosts = rule.hosts ?? [];
    if (hosts.length === 0) return out;
    out.push(...tlsList.filter((tls) => coversRule(tls, rule)));
  }
  return out;
}

function coversRule(tls: KIngressTLS, rule: KIngressRule): boolean {
  return (rule.hosts ?? []).every((h) => (tls.hosts ?? []).includes(h));
}

/** GetSecrets: each Secret the visibility's TLS entries name, once. */
export function getSecrets(tlsList: readonly KIngressTLS[], cluster: IstioClusterInputs | undefined): SecretsByKey {
  const out: SecretsByKey = new Map();
  for (const tls of tlsList) {
    const key = secretKey(tls);
    if (!out.has(key)) out.set(key, getSecret(cluster, tls.secretNamespace ?? "", tls.secretName ?? ""));
  }
  return out;
}

/** CategorizeSecrets: a Secret is a wildcard one when a DNS name of its certificate starts with `*.`. */
export function categorizeSecrets(secrets: SecretsByKey): { nonWildcard: SecretsByKey; wildcard: SecretsByKey } {
  const nonWildcard: SecretsByKey = new Map();
  const wildcard: SecretsByKey = new Map();
  for (const [k, s] of secrets) (isWildcardSecret(s) ? wildcard : nonWildcard).set(k, s);
  return { nonWildcard, wildcard };
}

// isWildcardSecret / isWildcardHost: a name without a dot is an error, but only if reached
// before a wildcard name.
function isWildcardSecret(secret: TLSSecretInput): boolean {
  for (const host of hostsFromCertSecret(secret)) {
    const labels = host.split(".");
    if (labels.length <= 1) throw new NetIstioError(`incorrect domain format, got domain ${host}`);
    if (labels[0] === "*") return true;
  }
  return false;
}

/** GetHostsFromCertSecret: the certificate's DNS names; one without any is an error. */
export function hostsFromCertSecret(secret: TLSSecretInput): readonly string[] {
  if (secret.dnsNames.length === 0) throw new NetIstioError(`certificate should have DNS names, but it has 0`);
  return secret.dnsNames;
}

/** GetNonWildcardIngressTLS: the entries whose Secret is not a wildcard one (duplicates kept). */
export function nonWildcardIngressTLS(tlsList: readonly KIngressTLS[], nonWildcard: SecretsByKey): KIngressTLS[] {
  return tlsList.filter((tls) => nonWildcard.has(secretKey(tls)));
}

/** parseIngressGatewayConfig: `<name>.<namespace>.<rest>` of a gateway's service host. */
export function gatewayServiceRefs(gateways: readonly IstioGatewayConfig[]): ServiceRef[] {
  return gateways.map((g) => {
    const parts = g.service.split(".");
    if (parts.length < 3) throw new NetIstioError(`unexpected service URL form: ${g.service}`);
    return { name: parts[0] ?? "", namespace: parts[1] ?? "" };
  });
}

/** MakeSecrets: a copy of each Secret in each gateway Service's namespace but its own, named `<ingress>-<uid>`. */
export function makeSecrets(origins: SecretsByKey, ingressName: string, services: readonly ServiceRef[]): SecretCopy[] {
  return copies(origins, services, (s) => targetSecretName(ingressName, s.uid));
}

/** MakeWildcardSecrets: the same for wildcard Secrets, named `<ns>--<name>-wildcard` (shared by KIngresses). */
export function makeWildcardSecrets(origins: SecretsByKey, services: readonly ServiceRef[]): SecretCopy[] {
  return copies(origins, services, (s) => targetWildcardSecretName(s.name, s.namespace));
}

function copies(origins: SecretsByKey, services: readonly ServiceRef[], nameOf: (s: TLSSecretInput) => string): SecretCopy[] {
  const out: SecretCopy[] = [];
  for (const origin of origins.values()) {
    for (const svc of services) if (svc.namespace !== origin.namespace) out.push(makeSecret(origin, nameOf(origin), svc.namespace));
  }
  return out;
}

// makeSecret, MakeTargetSecretLabels, MakeTargetSecretAnnotations: the certificate-uid label is
// propagated even when the origin has none (then empty); a name too long for a label value is
// kept whole in an annotation.
function makeSecret(origin: TLSSecretInput, name: string, namespace: string): SecretCopy {
  const labels = {
    [ORIGIN_SECRET_NAMESPACE_LABEL]: origin.namespace,
    [ORIGIN_SECRET_NAME_LABEL]: originSecretNameLabel(origin.name),
    [CERTIFICATE_UID_LABEL]: origin.labels?.[CERTIFICATE_UID_LABEL] ?? "",
  };
  const type = origin.type ?? SECRET_TYPE_TLS;
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: {
      name,
      namespace,
      labels,
      ...(isLongSecretName(origin.name) && { annotations: { [ORIGIN_SECRET_NAME_LABEL]: origin.name } }),
    },
    ...(type !== "" && { type }),
  };
}
