// KIngress → what net-istio creates for it on a first reconcile (nothing exists yet): the TLS
// Secret copies, the Istio Gateways, the VirtualServices. A step-for-step port of reconcileIngress
// and reconcileMeshOnlyIngress (pkg/reconciler/ingress/ingress.go, net-istio bdbf4dac), proven
// on net-istio's real output in ../testdata/net-istio-bdbf4dac.
import { ISTIO_INGRESS_CLASS, INGRESS_CLASS_ANNOTATION } from "../constants";
import { compareUTF8 } from "../go-values";
import { DEFAULT_CLUSTER_DOMAIN } from "../network-config";
import { computeIngressHash, defaultIngressSpec, insertProbe } from "../probe";
import type { KIngress } from "../types.generated";
import type { KIngressSpec, KIngressTLS } from "../types";
import { NetIstioError, type GatewayServiceInput, type IstioClusterInputs } from "./cluster";
import {
  DEFAULT_SYSTEM_NAMESPACE,
  gatewaysEnabled,
  gatewaysForIngress,
  qualifiedName,
  resolveIstioConfig,
  type IngressGateways,
  type IstioConfig,
  type IstioNames,
} from "./config-istio";
import {
  gatewayServices,
  makeExternalIngressGateways,
  makeHTTPServer,
  makeIngressTLSGateways,
  makeWildcardTLSGateways,
  qualifiedGatewayNames,
} from "./gateways";
import { sortedSet } from "./hosts";
import { categorizeSecrets, gatewayServiceRefs, getSecrets, ingressTLSForVisibility, makeSecrets, makeWildcardSecrets, nonWildcardIngressTLS } from "./secrets";
import type { IstioGateway, SecretCopy, VirtualService } from "./types";
import { makeVirtualServices, type VirtualServiceNames, type VisibilityGateways } from "./virtual-services";

export interface KIngressToVirtualServicesConfig extends IstioConfig, IstioNames {
  /** The gateway Services and TLS Secrets net-istio reads; needed only with TLS or `httpOption: Redirected`. */
  cluster?: IstioClusterInputs;
  /** config-network `cluster-local-domain-tls: Enabled` (default disabled; not in the reference cases). */
  clusterLocalDomainTLS?: boolean;
  /** The K-Network-Hash; by default computed as knative.dev/networking ingress.InsertProbe does. */
  probeHash?: string;
}

/** What net-istio creates, each list in creation order; the empty ones absent as in the reference output. */
export interface NetIstioObjects {
  /** The K-Network-Hash of the KIngress. */
  hash: string;
  virtualServices: VirtualService[];
  gateways: IstioGateway[];
  /** TLS Secret copies, in namespace/name order (Go ranges over a map); their `data` is the origin's. */
  secrets?: SecretCopy[];
  /** VirtualServices net-istio wants but does not create: the KIngress lacks net-istio's ingress class annotation. */
  skippedVirtualServices?: string[];
}

interface Reconciled {
  gateways: IstioGateway[];
  secrets: SecretCopy[];
  gatewayNames: VisibilityGateways;
}

/**
 * The objects net-istio creates for `kingress` under `config` (config-istio as
 * istioConfigFromConfigMap reads it, plus what it reads from the cluster). Throws NetIstioError
 * where net-istio's reconcile fails (a TLS Secret or gateway Service missing, a rule without http).
 */
export function kingressToVirtualServices(kingress: KIngress, config: KIngressToVirtualServicesConfig = {}): NetIstioObjects {
  const names: VirtualServiceNames = {
    systemNamespace: config.systemNamespace ?? DEFAULT_SYSTEM_NAMESPACE,
    clusterDomain: config.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN,
  };
  const ing = setDefaults(kingress);
  const spec = ing.spec ?? {};
  const hash = config.probeHash ?? computeIngressHash(ing, spec);
  // MakeVirtualServices probes a copy: the Gateways and Secrets see the KIngress unprobed.
  const probed: KIngress = { ...ing, spec: insertProbe(spec, hash) };
  const istio = resolveIstioConfig(config, names);
  const reconciled: Reconciled = gatewaysEnabled(istio)
    ? reconcileGateways(ing, gatewaysForIngress(istio, ing.metadata.labels ?? {}), config)
    : { gateways: [], secrets: [], gatewayNames: { ExternalIP: [], ClusterLocal: [] } };
  const desired = makeVirtualServices(probed, reconciled.gatewayNames, names);
  return result(hash, desired, reconciled);
}

// Ingress.SetDefaults. Go dereferences a rule's nil `http` there, and InsertProbe refuses it.
function setDefaults(kingress: KIngress): KIngress {
  const spec: KIngressSpec = kingress.spec ?? {};
  if ((spec.rules ?? []).some((r) => !r.http)) throw new NetIstioError(`rule is missing HTTP block`);
  return { ...kingress, spec: defaultIngressSpec(spec) };
}

// reconcileVirtualServices' class filter: only VirtualServices carrying net-istio's ingress class
// annotation (copied from the KIngress) are created.
function result(hash: string, desired: VirtualService[], reconciled: Reconciled): NetIstioObjects {
  const hasClass = (vs: VirtualService) => vs.metadata.annotations?.[INGRESS_CLASS_ANNOTATION] === ISTIO_INGRESS_CLASS;
  const skipped = desired.filter((vs) => !hasClass(vs)).map((vs) => vs.metadata.name ?? "");
  return {
    hash,
    virtualServices: desired.filter(hasClass),
    gateways: reconciled.gateways,
    ...(reconciled.secrets.length > 0 && { secrets: reconciled.secrets }),
    ...(skipped.length > 0 && { skippedVirtualServices: skipped }),
  };
}

/**
 * reconcileIngress with gateways enabled: external TLS (Secret copies, per-KIngress TLS Gateways,
 * wildcard Gateways), cluster-local TLS when enabled, the HTTP server, and the gateway names the
 * ingress VirtualService binds to per visibility.
 */
function reconcileGateways(ing: KIngress, gws: IngressGateways, config: KIngressToVirtualServicesConfig): Reconciled {
  const spec = ing.spec ?? {};
  const external = new Set<string>();
  const local = new Set(gws.local.map(qualifiedName));
  const externalTLS = ingressTLSForVisibility(spec, "ExternalIP");
  const isPublic = (spec.rules ?? []).some((r) => r.visibility === "ExternalIP");
  // getGatewayServices, asked only where Go asks: each step reads the external gateways' Services.
  const services = () => gatewayServices(gatewayServiceRefs(gws.external), config.cluster);

  let tls: TLSObjects = { secrets: [], ingressGateways: [], wildcardGateways: [] };
  if (isPublic && externalTLS.length > 0) tls = externalTLSObjects(ing, externalTLS, gws, config.cluster, services);
  for (const name of qualifiedGatewayNames(tls.wildcardGateways)) external.add(name);

  let localGateways: IstioGateway[] = [];
  const localTLS = ingressTLSForVisibility(spec, "ClusterLocal");
  if (config.clusterLocalDomainTLS && localTLS.length > 0) {
    const origins = getSecrets(localTLS, config.cluster);
    tls.secrets.push(...makeSecrets(origins, ing.metadata.name ?? "", gatewayServiceRefs(gws.external)));
    localGateways = makeIngressTLSGateways(ing, "ClusterLocal", localTLS, origins, services());
  }

  let externalGateways = tls.ingressGateways;
  if (isPublic && (spec.httpOption === "Redirected" || externalTLS.length > 0)) {
    const server = makeHTTPServer(spec.httpOption ?? "", publicHosts(spec));
    externalGateways =
      externalGateways.length === 0
        ? makeExternalIngressGateways(ing, [server], services())
        : externalGateways.map((g) => ({ ...g, spec: { ...g.spec, servers: [...(g.spec.servers ?? []), server] } }));
  } else {
    // Otherwise the KIngress rides on the shared external gateways for plain HTTP.
    for (const g of gws.external) external.add(qualifiedName(g));
  }
  for (const name of qualifiedGatewayNames(externalGateways)) external.add(name);
  for (const name of qualifiedGatewayNames(localGateways)) local.add(name);
  return {
    gateways: [...tls.wildcardGateways, ...externalGateways, ...localGateways],
    secrets: sortSecrets(tls.secrets),
    gatewayNames: { ExternalIP: sortedSet(external), ClusterLocal: sortedSet(local) },
  };
}

interface TLSObjects {
  secrets: SecretCopy[];
  ingressGateways: IstioGateway[];
  wildcardGateways: IstioGateway[];
}

// The shouldReconcileExternalDomainTLS branch: copies of the non-wildcard and wildcard Secrets,
// a TLS Gateway per gateway Service for the non-wildcard entries, and the shared wildcard Gateways.
function externalTLSObjects(
  ing: KIngress,
  externalTLS: readonly KIngressTLS[],
  gws: IngressGateways,
  cluster: IstioClusterInputs | undefined,
  services: () => GatewayServiceInput[],
): TLSObjects {
  const { nonWildcard, wildcard } = categorizeSecrets(getSecrets(externalTLS, cluster));
  const refs = gatewayServiceRefs(gws.external);
  const secrets = [...makeSecrets(nonWildcard, ing.metadata.name ?? "", refs), ...makeWildcardSecrets(wildcard, refs)];
  const nonWildcardTLS = nonWildcardIngressTLS(externalTLS, nonWildcard);
  return {
    secrets,
    ingressGateways: nonWildcardTLS.length === 0 ? [] : makeIngressTLSGateways(ing, "ExternalIP", nonWildcardTLS, nonWildcard, services()),
    wildcardGateways: wildcard.size === 0 ? [] : makeWildcardTLSGateways(wildcard, services()),
  };
}

// getPublicHosts: the hosts of the external rules, as a sorted set.
function publicHosts(spec: KIngressSpec): string[] {
  return sortedSet((spec.rules ?? []).filter((r) => r.visibility === "ExternalIP").flatMap((r) => r.hosts ?? []));
}

// The copies come from Go map iterations, so they have no order of their own; the reference
// output lists them by `namespace/name`.
function sortSecrets(secrets: SecretCopy[]): SecretCopy[] {
  const key = (s: SecretCopy) => `${s.metadata.namespace ?? ""}/${s.metadata.name ?? ""}`;
  return [...secrets].sort((a, b) => compareUTF8(key(a), key(b)));
}
