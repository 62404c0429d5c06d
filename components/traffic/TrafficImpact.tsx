"use client";
import { useMemo } from "react";
import { ImpactView } from "@/components/impact/ImpactView";
import { useImpact } from "@/components/impact/useImpact";
import { testerObjects } from "@/lib/canvas";
import { withRoutes } from "@/lib/gateway";
import type { HTTPRoute } from "@/lib/gateway";
import type { KubeObject } from "@/lib/k8s";
import { INGRESS_LABEL, SERVICE_LABEL } from "@/lib/knative";
import type { KnativeService } from "@/lib/knative";
import { useLiveKinds } from "@/lib/query";

const LIVE = ["HTTPRoute", "Service", "Gateway", "ReferenceGrant", "GatewayClass", "Namespace"] as const;

/**
 * Impact of a traffic change on the Gateway API side: the live objects with this Service's
 * HTTPRoutes as net-gateway-api makes them today, against the same with those it will make
 * for the draft. Other routes on the same listeners are compared too.
 */
export function TrafficImpact({ ksvc, before, after }: { ksvc: KnativeService; before: readonly HTTPRoute[]; after: readonly HTTPRoute[] }) {
  const { snapshots } = useLiveKinds(LIVE);
  const ns = ksvc.metadata.namespace ?? "default";
  const name = ksvc.metadata.name ?? "";
  const input = useMemo(() => {
    const live = testerObjects(snapshots);
    if (live.loading) return { loading: true as const };
    const names = new Set([...before, ...after].map((r) => r.metadata.name ?? ""));
    // The Service's own HTTPRoutes: by name, and by net-gateway-api's labels for a tag that goes away.
    const ours = (o: KubeObject) =>
      o.metadata.namespace === ns &&
      (names.has(o.metadata.name ?? "") || (o.metadata.labels?.[SERVICE_LABEL] === name && o.metadata.labels?.[INGRESS_LABEL] !== undefined));
    const asObjects = (rs: readonly HTTPRoute[]) =>
      rs.map((r) => ({ ...(r as unknown as KubeObject), apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute" }));
    return {
      loading: false as const,
      value: {
        before: withRoutes(live.objects, ours, asObjects(before)),
        after: withRoutes(live.objects, ours, asObjects(after)),
        edited: [...names].sort().map((n) => ({ namespace: ns, name: n })),
        options: live.options,
      },
    };
  }, [snapshots, before, after, ns, name]);
  const { impact, pending } = useImpact(input.loading ? undefined : input.value);
  return <ImpactView {...(impact && { impact })} pending={pending || input.loading} what="this traffic change" />;
}
