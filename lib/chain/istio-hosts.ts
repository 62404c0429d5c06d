import { hostMatches } from "../gateway/listeners";

// How Istio names things the chain follows: gateways as "namespace/name", Services as DNS names,
// and which VirtualService hosts a Gateway's servers take (networking.istio.io Server.hosts).

/** The part of an Istio Gateway server the chain reads. */
export interface IstioServer {
  readonly hosts?: readonly string[];
  readonly port?: { readonly number?: number; readonly protocol?: string; readonly name?: string };
}

/** "namespace/name" as VirtualService.spec.gateways names a Gateway; a bare name is in the VirtualService's namespace. */
export function splitGatewayName(qualified: string, vsNamespace: string): { namespace: string; name: string } {
  const slash = qualified.indexOf("/");
  return slash < 0 ? { namespace: vsNamespace, name: qualified } : { namespace: qualified.slice(0, slash), name: qualified.slice(slash + 1) };
}

/** The Service a cluster DNS name points at ("name.namespace.svc.cluster.local", "name.namespace"); undefined for other hosts. */
export function serviceOfHost(host: string): { namespace: string; name: string } | undefined {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  const [name, namespace, svc] = labels;
  if (!name || !namespace) return undefined;
  if (labels.length === 2 || svc === "svc") return { namespace, name };
  return undefined;
}

/** A server host's DNS part takes the host: "*" takes all, "*.example.com" any name under example.com. */
function dnsTakes(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  return p === "*" || hostMatches(p, host.toLowerCase());
}

/**
 * Whether some server of a Gateway (in `gatewayNamespace`) takes `host` of a VirtualService in
 * `vsNamespace`. A server host is "[namespace/]dnsName": no namespace or "*" is any, "." the
 * Gateway's own, "~" none.
 */
export function hostCovered(servers: readonly IstioServer[], host: string, vsNamespace: string, gatewayNamespace: string): boolean {
  return servers.some((s) =>
    (s.hosts ?? []).some((entry) => {
      const slash = entry.indexOf("/");
      const ns = slash < 0 ? "*" : entry.slice(0, slash);
      const dns = slash < 0 ? entry : entry.slice(slash + 1);
      const nsOk = ns === "*" || (ns === "." ? vsNamespace === gatewayNamespace : ns === vsNamespace);
      return nsOk && dnsTakes(dns, host);
    }),
  );
}
