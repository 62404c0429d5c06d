// What net-istio's reconciler reads from the cluster besides the KIngress, when TLS or
// `httpOption: Redirected` make it build its own Gateways: the gateway Services (svcLister; only
// their selector is used) and the TLS Secrets the KIngress names (secretLister; their uid, labels
// and the certificate's DNS names). Routeboard takes them as plain inputs.

export interface GatewayServiceInput {
  namespace: string;
  name: string;
  /** The Service's spec.selector: the pods the per-KIngress Gateway selects. */
  selector?: Record<string, string>;
}

export interface TLSSecretInput {
  namespace: string;
  name: string;
  uid: string;
  labels?: Record<string, string>;
  /** The DNS names of the certificate in its `tls.crt` (x509 SubjectAltName); a `*.` name makes it a wildcard secret. */
  dnsNames: readonly string[];
  /**
   * The Secret's type, copied to each copy. Default kubernetes.io/tls (corev1.SecretTypeTLS), the
   * type of every certificate Secret Knative and cert-manager write, and of the reference cases.
   */
  type?: string;
}

export interface IstioClusterInputs {
  services?: readonly GatewayServiceInput[];
  secrets?: readonly TLSSecretInput[];
}

export const SECRET_TYPE_TLS = "kubernetes.io/tls";

/**
 * A reconcile net-istio gives up on (an error from ReconcileKind): nothing is predicted then,
 * since the controller stops at its first error and retries later.
 */
export class NetIstioError extends Error {
  override name = "NetIstioError";
}

/** svcLister.Services(ns).Get(name). */
export function getService(cluster: IstioClusterInputs | undefined, namespace: string, name: string): GatewayServiceInput {
  const svc = cluster?.services?.find((s) => s.namespace === namespace && s.name === name);
  if (!svc) throw new NetIstioError(`service "${name}" not found (namespace ${namespace}): the gateway Service must be given in cluster.services`);
  return svc;
}

/** secretLister.Secrets(ns).Get(name). */
export function getSecret(cluster: IstioClusterInputs | undefined, namespace: string, name: string): TLSSecretInput {
  const secret = cluster?.secrets?.find((s) => s.namespace === namespace && s.name === name);
  if (!secret) throw new NetIstioError(`secret "${name}" not found (namespace ${namespace}): the TLS Secret must be given in cluster.secrets`);
  return secret;
}
