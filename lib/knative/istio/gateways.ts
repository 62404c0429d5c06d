// The Istio Gateways net-istio creates for one KIngress when it handles TLS or HTTP redirection
// itself, and the shared wildcard-certificate Gateways. Mirrors
// pkg/reconciler/ingress/resources/gateway.go (net-istio bdbf4dac).
import { INGRESS_LABEL, NETWORKING_API_VERSION } from "../constants";
import { compareUTF8 } from "../go-values";
import { controllerRef } from "../owner-ref";
import type { KIngress } from "../types.generated";
import type { KIngressTLS } from "../types";
import { getService, NetIstioError, type GatewayServiceInput, type IstioClusterInputs } from "./cluster";
import { gatewayName, portNamePrefix, targetSecretName, targetWildcardSecretName, wildcardGatewayName } from "./names";
import { hostsFromCertSecret, secretKey, type SecretsByKey, type ServiceRef } from "./secrets";
import type { GatewaySpec, IstioGateway, Server } from "./types";

const GATEWAY_HTTP_PORT = 80;
const EXTERNAL_GATEWAY_HTTPS_PORT = 443;
const CLUSTER_LOCAL_GATEWAY_HTTPS_PORT = 8444;
const HTTP_SERVER_PORT_NAME = "http-server";

/** getGatewayServices: the Service behind each external gateway, from the cluster. */
export function gatewayServices(refs: readonly ServiceRef[], cluster: IstioClusterInputs | undefined): GatewayServiceInput[] {
  return refs.map((r) => getService(cluster, r.namespace, r.name));
}

/** MakeIngressTLSGateways: per gateway Service, a Gateway holding a TLS server per TLS entry. */
export function makeIngressTLSGateways(
  ing: KIngress,
  visibility: string,
  tlsList: readonly KIngressTLS[],
  origins: SecretsByKey,
  services: readonly GatewayServiceInput[],
): IstioGateway[] {
  if (tlsList.length === 0) return [];
  return services.map((svc) => makeIngressGateway(ing, visibility, makeTLSServers(ing, visibility, tlsList, svc.namespace, origins), svc));
}

/** MakeExternalIngressGateways: per gateway Service, a Gateway with the given servers. */
export function makeExternalIngressGateways(ing: KIngress, servers: readonly Server[], services: readonly GatewayServiceInput[]): IstioGateway[] {
  return services.map((svc) => makeIngressGateway(ing, "ExternalIP", [...servers], svc));
}

/**
 * MakeTLSServers: one HTTPS server per TLS entry, its port named `<ns>/<ingress>:<index>`, sorted by
 * that name (so `:10` before `:2`). The credential is the origin Secret when it already lives in
 * the gateway's namespace, else its copy.
 */
function makeTLSServers(ing: KIngress, visibility: string, tlsList: readonly KIngressTLS[], serviceNamespace: string, origins: SecretsByKey): Server[] {
  const port = httpsPort(visibility);
  const servers = tlsList.map((tls, i): Server => ({
    ...(tls.hosts && tls.hosts.length > 0 && { hosts: [...tls.hosts] }),
    port: { name: `${portNamePrefix(ing.metadata.namespace ?? "", ing.metadata.name ?? "")}:${i}`, number: port, protocol: "HTTPS" },
    tls: { mode: "SIMPLE", ...nonEmpty("credentialName", credentialName(ing, tls, serviceNamespace, origins)) },
  }));
  return servers.sort((a, b) => compareUTF8(a.port?.name ?? "", b.port?.name ?? ""));
}

function httpsPort(visibility: string): number {
  if (visibility === "ExternalIP") return EXTERNAL_GATEWAY_HTTPS_PORT;
  if (visibility === "ClusterLocal") return CLUSTER_LOCAL_GATEWAY_HTTPS_PORT;
  throw new NetIstioError(`invalid ingress visibility: ${visibility}`);
}

function credentialName(ing: KIngress, tls: KIngressTLS, serviceNamespace: string, origins: SecretsByKey): string {
  if ((tls.secretNamespace ?? "") === serviceNamespace) return tls.secretName ?? "";
  const origin = origins.get(secretKey(tls));
  if (!origin) throw new NetIstioError(`unable to get the original secret ${tls.secretNamespace ?? ""}/${tls.secretName ?? ""}`);
  return targetSecretName(ing.metadata.name ?? "", origin.uid);
}

/**
 * MakeHTTPServer: the plain-HTTP server on port 80 for the KIngress's public hosts, redirecting
 * to HTTPS for `Redirected`. Go returns nil for an empty httpOption and still appends it; jsonpb
 * writes that nil element as `{}`, so that is what this returns.
 */
export function makeHTTPServer(httpOption: string, hosts: readonly string[]): Server {
  if (httpOption === "") return {};
  return {
    ...(hosts.length > 0 && { hosts: [...hosts] }),
    port: { name: HTTP_SERVER_PORT_NAME, number: GATEWAY_HTTP_PORT, protocol: "HTTP" },
    ...(httpOption === "Redirected" && { tls: { httpsRedirect: true } }),
  };
}

// makeIngressGateway: in the KIngress's namespace (not defaulted), labelled with its name, owned by it.
function makeIngressGateway(ing: KIngress, visibility: string, servers: Server[], svc: GatewayServiceInput): IstioGateway {
  const { name = "", namespace = "" } = ing.metadata;
  return {
    apiVersion: "networking.istio.io/v1beta1",
    kind: "Gateway",
    metadata: {
      name: gatewayName(name, visibility === "ClusterLocal", svc),
      ...nonEmpty("namespace", namespace),
      labels: { [INGRESS_LABEL]: name },
      ownerReferences: [controllerRef({ apiVersion: NETWORKING_API_VERSION, kind: "Ingress", metadata: ing.metadata })],
    },
    spec: gatewaySpec(servers, svc.selector),
  };
}

/**
 * MakeWildcardTLSGateways: per gateway Service and wildcard Secret, a Gateway in the Secret's
 * namespace, owned by the Secret, serving the certificate's names. Go ranges over a map of
 * Secrets; Routeboard takes them in key order.
 */
export function makeWildcardTLSGateways(wildcard: SecretsByKey, services: readonly GatewayServiceInput[]): IstioGateway[] {
  if (wildcard.size === 0) return [];
  const secrets = [...wildcard.entries()].sort(([a], [b]) => compareUTF8(a, b)).map(([, s]) => s);
  return services.flatMap((svc) =>
    secrets.map((secret): IstioGateway => {
      const hosts = hostsFromCertSecret(secret);
      const credential = secret.namespace === svc.namespace ? secret.name : targetWildcardSecretName(secret.name, secret.namespace);
      const server: Server = {
        hosts: [...hosts],
        port: { name: "https", number: EXTERNAL_GATEWAY_HTTPS_PORT, protocol: "HTTPS" },
        tls: { mode: "SIMPLE", ...nonEmpty("credentialName", credential) },
      };
      return {
        apiVersion: "networking.istio.io/v1beta1",
        kind: "Gateway",
        metadata: {
          name: wildcardGatewayName(secret.name, svc.namespace, svc.name),
          ...nonEmpty("namespace", secret.namespace),
          // metav1.NewControllerRef(secret, v1 Secret).
          ownerReferences: [controllerRef({ apiVersion: "v1", kind: "Secret", metadata: { name: secret.name, uid: secret.uid } })],
        },
        spec: gatewaySpec([server], svc.selector),
      };
    }),
  );
}

function gatewaySpec(servers: Server[], selector: Record<string, string> | undefined): GatewaySpec {
  return {
    ...(servers.length > 0 && { servers }),
    ...(selector && Object.keys(selector).length > 0 && { selector: { ...selector } }),
  };
}

/** GetQualifiedGatewayNames. */
export function qualifiedGatewayNames(gateways: readonly IstioGateway[]): string[] {
  return gateways.map((g) => `${g.metadata.namespace ?? ""}/${g.metadata.name ?? ""}`);
}

// omitempty for a string.
function nonEmpty<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  return value === "" ? {} : ({ [key]: value } as Record<K, string>);
}
