// The VirtualServices people wrote themselves (not net-istio's, which carry the KIngress label)
// on some hosts, each with the HTTPRoute suggested in its place.
import type { ObjectIndex } from "../chain";
import { hostMatches } from "../gateway/listeners";
import type { KubeObject } from "../k8s/meta";
import { INGRESS_LABEL } from "../knative/constants";
import type { GatewayPluginConfig } from "../knative/gateway-config";
import { suggestHTTPRoute, type Suggestion, type VirtualServiceResource } from "./suggest";

export interface HandWritten {
  /** "namespace/name". */
  readonly key: string;
  readonly virtualService: VirtualServiceResource;
  /** The hosts asked about that it serves. */
  readonly hosts: readonly string[];
  readonly suggestion: Suggestion;
}

export interface HandWrittenSettings {
  readonly gateway: GatewayPluginConfig;
  readonly clusterDomain?: string;
}

const either = (a: string, b: string) => hostMatches(a, b) || hostMatches(b, a);
const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? "default"}/${o.metadata.name ?? ""}`;

/**
 * A lookup of the hand-written VirtualServices among the index's objects by host: each one's
 * suggestion is made once, on first ask.
 */
export function handWrittenLookup(index: ObjectIndex, settings: HandWrittenSettings): (hosts: readonly string[]) => HandWritten[] {
  const knativeServices = new Set(index.all("KnativeService").map(keyOf));
  const servicePorts = new Map(
    index.all("Service").map((s) => [keyOf(s), ((s as { spec?: { ports?: { port?: number }[] } }).spec?.ports ?? []).flatMap((p) => (p.port ? [p.port] : []))]),
  );
  const takenNames = new Set(index.all("HTTPRoute").map(keyOf));
  const hand = index.all("VirtualService").filter((o) => !o.metadata.labels?.[INGRESS_LABEL]) as unknown as VirtualServiceResource[];
  const suggestions = new Map<VirtualServiceResource, Suggestion>();
  const suggestionOf = (vs: VirtualServiceResource) => {
    let s = suggestions.get(vs);
    if (!s) {
      s = suggestHTTPRoute(vs, {
        gateway: settings.gateway,
        knativeServices,
        servicePorts,
        takenNames,
        ...(settings.clusterDomain && { clusterDomain: settings.clusterDomain }),
      });
      suggestions.set(vs, s);
    }
    return s;
  };
  return (hosts) => {
    const out: HandWritten[] = [];
    for (const vs of hand) {
      const shared = (vs.spec?.hosts ?? []).filter((h) => hosts.some((k) => either(h, k)));
      if (shared.length > 0) out.push({ key: keyOf(vs as unknown as KubeObject), virtualService: vs, hosts: shared, suggestion: suggestionOf(vs) });
    }
    return out.sort((a, b) => a.key.localeCompare(b.key));
  };
}
