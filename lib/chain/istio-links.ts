// The Istio half of a chain, for a KIngress of net-istio's class: KIngress → VirtualServices (the
// ingress one and the mesh one, found by the networking.internal.knative.dev/ingress label and the
// ownerReference net-istio sets) → Istio Gateways (spec.gateways) → the gateway Service config-istio
// names for each; and the Services the VirtualServices route to. What net-istio should have written
// comes from lib/knative/istio, which reproduces its output exactly.
import { INGRESS_LABEL } from "../knative/constants";
import { kingressToVirtualServices } from "../knative/istio/kingress-to-virtualservices";
import type { GatewayServiceInput } from "../knative/istio/cluster";
import type { IstioConfig, IstioGatewayConfig } from "../knative/istio/config-istio";
import { gatewayServiceRefs } from "../knative/istio/secrets";
import type { VirtualService } from "../knative/istio/types";
import type { KIngress } from "../knative/types.generated";
import type { KubeObject } from "../k8s/meta";
import type { ChainBuilder } from "./builder";
import { because, findCondition } from "./conditions";
import { hostCovered, serviceOfHost, splitGatewayName, type IstioServer } from "./istio-hosts";
import { childrenOf, type ObjectIndex } from "./objects";
import type { ChainNode } from "./types";

const DEPTH = { VirtualService: 5, IstioGateway: 6, Backend: 6, GatewayService: 7 } as const;
const MESH = "mesh";
const CONTROLLER = "net-istio (knative-serving/net-istio-controller)";

interface VirtualServiceObject {
  metadata: KubeObject["metadata"];
  spec?: VirtualService["spec"];
}
const vsSpec = (o: KubeObject) => (o as unknown as VirtualServiceObject).spec ?? {};

/** Owned by the KIngress as net-istio owns what it writes: a controller ownerReference to its uid. */
function ownedBy(vs: KubeObject, kingress: KubeObject): boolean {
  const uid = kingress.metadata.uid;
  const refs = vs.metadata.ownerReferences ?? [];
  if (uid && refs.some((r) => r.uid)) return refs.some((r) => r.uid === uid && r.controller === true);
  // A dump without uids: the owner's name, or the label net-istio sets, is the evidence there is.
  return (
    refs.some((r) => r.kind === "Ingress" && r.name === kingress.metadata.name) ||
    (refs.length === 0 && vs.metadata.labels?.[INGRESS_LABEL] === kingress.metadata.name)
  );
}

/** The Services net-istio reads to find its gateways' pods (their selectors). */
export function gatewayServicesOf(index: ObjectIndex): GatewayServiceInput[] {
  return index.all("Service").map((s) => ({
    namespace: s.metadata.namespace ?? "default",
    name: s.metadata.name ?? "",
    selector: (s as { spec?: { selector?: Record<string, string> } }).spec?.selector ?? {},
  }));
}

/** What net-istio writes for the KIngress under config-istio; undefined where it cannot be told (TLS needs Secrets Routeboard does not read). */
function expectedVirtualServices(kingress: KubeObject, index: ObjectIndex, istio: Required<IstioConfig>): VirtualService[] | undefined {
  try {
    return kingressToVirtualServices(kingress as unknown as KIngress, { ...istio, cluster: { services: gatewayServicesOf(index) } }).virtualServices;
  } catch {
    return undefined;
  }
}

/** The KIngress's own status, in net-istio's words (knative.dev/networking IngressStatus). */
function statusFindings(b: ChainBuilder, node: ChainNode, routeName: string): void {
  const name = node.name;
  if (node.predicted) return;
  if (node.conditions.length === 0) {
    b.finding({
      code: "IngressNotConfigured",
      severity: "error",
      nodeId: node.id,
      title: `KIngress ${name} has no status: net-istio has not reconciled it, so Route ${routeName} stays IngressNotConfigured.`,
      next: `Check that ${CONTROLLER} is running and read its logs.`,
    });
    return;
  }
  const network = findCondition(node.conditions, "NetworkConfigured");
  const lb = findCondition(node.conditions, "LoadBalancerReady");
  const ready = findCondition(node.conditions, "Ready");
  if (network?.status === "False" && network.reason !== "NotOwned") {
    b.finding({
      code: "NotReady",
      severity: "error",
      nodeId: node.id,
      title: `net-istio could not configure KIngress ${name}: ${because(network)}.`,
      next: `Read ${CONTROLLER}'s logs for this KIngress.`,
    });
  }
  if (lb?.status === "False") {
    b.finding({
      code: "NotReady",
      severity: "error",
      nodeId: node.id,
      title: `net-istio could not write the VirtualServices of KIngress ${name} (${because(lb)}).`,
      next: "The message is the API server's answer to net-istio: fix what it names (often a webhook or a VirtualService of the same name), then net-istio retries on its own.",
    });
  } else if (lb && lb.status !== "True") {
    b.finding({
      code: "LoadBalancerNotReady",
      severity: "warning",
      nodeId: node.id,
      title: `KIngress ${name} waits for the Istio gateways to serve its configuration (LoadBalancerReady ${lb.status}${lb.reason ? `, ${lb.reason}` : ""}): net-istio probes the gateway pods until they answer with this KIngress's hash.`,
      next: "Check that the gateway pods (istio-system) are running and that istiod pushes to them (istioctl proxy-status); a mesh without sidecars on the gateway never gets ready.",
    });
  }
  if (ready && ready.status === "False" && lb?.status !== "False" && network?.status !== "False") {
    b.finding({
      code: "NotReady",
      severity: "error",
      nodeId: node.id,
      title: `KIngress ${name} is not Ready: ${because(ready)}.`,
      next: "Follow the chain to its VirtualServices.",
      symptom: true,
    });
  }
}

/** Istio's VirtualServices, Gateways and gateway Services of an Istio-class KIngress. */
export function addIstioKIngress(b: ChainBuilder, index: ObjectIndex, node: ChainNode, kingress: KubeObject, routeName: string): void {
  const ns = kingress.metadata.namespace ?? "default";
  const name = kingress.metadata.name ?? "";
  statusFindings(b, node, routeName);
  const labelled = childrenOf(index, "VirtualService", kingress, { [INGRESS_LABEL]: name });
  const expected = b.options.istio ? expectedVirtualServices(kingress, index, b.options.istio) : undefined;
  const names = expected ? expected.map((v) => v.metadata.name ?? "") : labelled.map((v) => v.metadata.name ?? "");
  if (names.length === 0) {
    b.finding({
      code: "VirtualServiceMissing",
      severity: "error",
      nodeId: node.id,
      title: `KIngress ${name} has no VirtualServices: net-istio has not programmed Istio for it, so no request reaches the Service.`,
      next: `Check that ${CONTROLLER} is running and that Istio's CRDs are installed, then read its logs.`,
    });
  }
  for (const vsName of names) {
    const want = expected?.find((v) => v.metadata.name === vsName);
    const obj = labelled.find((v) => v.metadata.name === vsName) ?? index.get("VirtualService", ns, vsName);
    const vs = b.node("VirtualService", ns, vsName, DEPTH.VirtualService, obj);
    const edge = b.edge(node, vs);
    const spec = obj ? vsSpec(obj) : (want?.spec ?? {});
    vs.facts.push(
      ...((spec.gateways ?? []).includes(MESH) ? ["mesh (sidecars)"] : []),
      (spec.hosts ?? []).slice(0, 2).join(", ") + ((spec.hosts?.length ?? 0) > 2 ? ` +${(spec.hosts?.length ?? 0) - 2}` : ""),
    );
    if (!obj) {
      b.finding({
        code: "VirtualServiceMissing",
        severity: "error",
        nodeId: vs.id,
        edgeId: edge.id,
        title: `KIngress ${name} should have VirtualService ${vsName} (for ${(want?.spec.hosts ?? []).join(", ") || "its hosts"}), which does not exist: Istio does not route those hosts.`,
        next: `Read ${CONTROLLER}'s logs for errors creating it.`,
      });
      continue;
    }
    if (!ownedBy(obj, kingress)) {
      vs.health = "error";
      b.finding({
        code: "VirtualServiceNotOwned",
        severity: "error",
        nodeId: vs.id,
        edgeId: edge.id,
        title: `VirtualService ${ns}/${vsName} exists but does not belong to KIngress ${name}: net-istio will not overwrite it, and the KIngress stays not Ready (NotOwned). Istio routes these hosts by whatever it says.`,
        next: `If it was written by hand, give it another name or delete it (kubectl delete virtualservice -n ${ns} ${vsName}); net-istio then creates its own within seconds.`,
      });
      continue;
    }
    if (want) outdated(b, vs, obj, want);
    addIstioGateways(b, index, vs, obj);
    addDestinations(b, index, vs, obj);
  }
}

/** An owned VirtualService that binds other gateways or hosts than net-istio would write now. */
function outdated(b: ChainBuilder, vs: ChainNode, obj: KubeObject, want: VirtualService): void {
  const have = vsSpec(obj);
  const same = (x: readonly string[] | undefined, y: readonly string[] | undefined) =>
    JSON.stringify([...(x ?? [])].sort()) === JSON.stringify([...(y ?? [])].sort());
  const diff = [
    !same(have.gateways, want.spec.gateways) &&
      `gateways ${(have.gateways ?? []).join(", ") || "none"} (config-istio says ${(want.spec.gateways ?? []).join(", ")})`,
    !same(have.hosts, want.spec.hosts) && `hosts ${(have.hosts ?? []).join(", ") || "none"} (the KIngress says ${(want.spec.hosts ?? []).join(", ")})`,
  ].filter(Boolean);
  if (diff.length === 0) return;
  b.finding({
    code: "VirtualServiceOutdated",
    severity: "warning",
    nodeId: vs.id,
    title: `VirtualService ${vs.name} binds ${diff.join(" and ")}: net-istio has not caught up with its configuration, or it was changed by hand.`,
    next: "net-istio rewrites it on its next reconcile of the KIngress; if it does not, read its logs or restart the controller.",
  });
}

/** The hosts a VirtualService serves through one gateway: its hosts that a match bound to that gateway (or to all) names. */
function hostsThrough(spec: VirtualService["spec"], gateway: string): string[] {
  const hosts = spec.hosts ?? [];
  const matches = (spec.http ?? []).flatMap((r) => r.match ?? [{}]);
  const through = matches.filter((m) => !m.gateways || m.gateways.includes(gateway));
  if (through.some((m) => !m.authority)) return hosts;
  const named = new Set(
    through.map((m) => (m.authority && ("prefix" in m.authority ? m.authority.prefix : "exact" in m.authority ? m.authority.exact : "")) || ""),
  );
  return hosts.filter((h) => named.has(h));
}

function addIstioGateways(b: ChainBuilder, index: ObjectIndex, vs: ChainNode, obj: KubeObject): void {
  const spec = vsSpec(obj);
  for (const qualified of (spec.gateways ?? []).filter((g) => g !== MESH)) {
    const { namespace, name } = splitGatewayName(qualified, vs.namespace ?? "default");
    const gwObj = index.get("IstioGateway", namespace, name);
    const gw = b.node("IstioGateway", namespace, name, DEPTH.IstioGateway, gwObj);
    const edge = b.edge(vs, gw);
    const configured = [...(b.options.istio?.ingressGateways ?? []), ...(b.options.istio?.localGateways ?? [])].find(
      (g) => g.namespace === namespace && g.name === name,
    );
    if (!gwObj) {
      b.finding({
        code: "IstioGatewayMissing",
        severity: "error",
        nodeId: gw.id,
        edgeId: edge.id,
        title: `VirtualService ${vs.name} is bound to Istio Gateway ${namespace}/${name}, which does not exist: Istio ignores the binding, so its hosts get no route through it.`,
        next: configured
          ? `Create the Gateway (net-istio's release ships ${name} in ${namespace}), or point config-istio at the Gateway you use.`
          : `config-istio does not name ${namespace}/${name} (any more): check config-istio in knative-serving.`,
      });
      continue;
    }
    const gwSpec = (gwObj as unknown as { spec?: { servers?: IstioServer[]; selector?: Record<string, string> } }).spec ?? {};
    const hosts = hostsThrough(spec, qualified);
    const uncovered = hosts.filter((h) => !hostCovered(gwSpec.servers ?? [], h, vs.namespace ?? "default", namespace));
    if (uncovered.length > 0) {
      const all = uncovered.length === hosts.length;
      b.finding({
        code: "IstioGatewayHostsUncovered",
        severity: all ? "error" : "warning",
        nodeId: gw.id,
        edgeId: edge.id,
        title: `Istio Gateway ${namespace}/${name} has no server for ${uncovered.join(", ")} (its servers take ${(gwSpec.servers ?? []).flatMap((s) => s.hosts ?? []).join(", ") || "no hosts"}): Istio does not route ${all ? "any host of" : "these hosts of"} VirtualService ${vs.name} through it.`,
        next: `Add the hosts to a server of the Gateway (or "*"), or use a Knative domain the Gateway already serves.`,
      });
    }
    if (configured) addGatewayService(b, index, gw, gwSpec.selector, configured);
  }
}

function addGatewayService(
  b: ChainBuilder,
  index: ObjectIndex,
  gw: ChainNode,
  selector: Readonly<Record<string, string>> | undefined,
  configured: IstioGatewayConfig,
): void {
  // As net-istio reads config-istio's `service` (name.namespace.…); a form it refuses has no node.
  let ref: { name: string; namespace: string } | undefined;
  try {
    ref = gatewayServiceRefs([configured])[0];
  } catch {
    return;
  }
  if (!ref) return;
  const obj = index.get("Service", ref.namespace, ref.name);
  const node = b.node("GatewayService", ref.namespace, ref.name, DEPTH.GatewayService, obj);
  const edge = b.edge(gw, node);
  if (!obj) {
    b.finding({
      code: "GatewayServiceMissing",
      severity: "error",
      nodeId: node.id,
      edgeId: edge.id,
      title: `config-istio says Istio Gateway ${gw.namespace}/${gw.name} is reached through Service ${ref.namespace}/${ref.name}, which does not exist: net-istio cannot probe it and no traffic gets in.`,
      next: "Install Istio's ingress gateway (its Service is istio-system/istio-ingressgateway by default), or fix the service of this gateway in config-istio.",
    });
    return;
  }
  const svcSelector = (obj as { spec?: { selector?: Record<string, string> } }).spec?.selector ?? {};
  const clash = Object.entries(selector ?? {}).filter(([k, v]) => svcSelector[k] !== undefined && svcSelector[k] !== v);
  if (clash.length > 0) {
    b.finding({
      code: "GatewayServiceSelectorMismatch",
      severity: "warning",
      nodeId: node.id,
      edgeId: edge.id,
      title: `Istio Gateway ${gw.namespace}/${gw.name} configures the pods with ${clash.map(([k, v]) => `${k}=${v}`).join(", ")}, but Service ${ref.namespace}/${ref.name} sends traffic to pods with ${clash.map(([k]) => `${k}=${svcSelector[k]}`).join(", ")}: the pods behind the Service do not get this Gateway's configuration.`,
      next: "Make the Gateway's selector match the gateway pods behind the Service (kubectl get pods -n istio-system --show-labels).",
    });
  }
}

/** The Services a VirtualService routes to (Knative's Revision Services), with their share. */
function addDestinations(b: ChainBuilder, index: ObjectIndex, vs: ChainNode, obj: KubeObject): void {
  const seen = new Set<string>();
  for (const d of (vsSpec(obj).http ?? []).flatMap((r) => r.route ?? [])) {
    const ref = d.destination?.host ? serviceOfHost(d.destination.host) : undefined;
    if (!ref || seen.has(`${ref.namespace}/${ref.name}`)) continue;
    seen.add(`${ref.namespace}/${ref.name}`);
    const svc = index.get("Service", ref.namespace, ref.name);
    const node = b.node("Service", ref.namespace, ref.name, DEPTH.Backend, svc);
    const edge = b.edge(vs, node, d.destination?.port?.number ? `port ${d.destination.port.number}` : undefined);
    if (!svc) {
      b.finding({
        code: "BackendNotFound",
        severity: "error",
        nodeId: node.id,
        edgeId: edge.id,
        title: `VirtualService ${vs.name} sends traffic to Service ${ref.namespace}/${ref.name}, which does not exist: Istio answers 503 for its share.`,
        next: "For Knative, the Revision's Service is created with the Revision: check the Revision in this chain.",
      });
    }
  }
}
