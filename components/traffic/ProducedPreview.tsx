"use client";
import { useMemo } from "react";
import type { Configuration, KnativeService, Revision, TrafficTarget } from "@/lib/knative";
import { produce, type ProduceConfig } from "@/lib/traffic";
import { trafficApplyBody } from "@/lib/traffic";
import { YamlView } from "@/components/yaml/YamlView";
import { TrafficImpact } from "./TrafficImpact";
import { YamlDiff } from "@/components/yaml/YamlDiff";

/**
 * "What it will produce": the Route Knative writes and the HTTPRoutes net-gateway-api
 * generates (lib/knative), for the draft, as a diff against those of today's Service.
 */
export function ProducedPreview(props: {
  base: KnativeService;
  traffic: TrafficTarget[];
  configurations: Configuration[];
  revisions: Revision[];
  config: ProduceConfig;
  /** The draft differs from the Service's traffic. */ changed: boolean;
}) {
  const { base, traffic, configurations, revisions, config, changed } = props;
  const objects = useMemo(() => ({ configurations, revisions }), [configurations, revisions]);
  const before = useMemo(() => produce(base, base.spec?.traffic ?? [], objects, config), [base, objects, config]);
  const after = useMemo(() => {
    // The rollback annotation travels with the apply, and Knative copies annotations down.
    const annotations = { ...base.metadata.annotations, ...trafficApplyBody(base, traffic).metadata.annotations };
    return produce({ ...base, metadata: { ...base.metadata, annotations } }, traffic, objects, config);
  }, [base, traffic, objects, config]);
  return (
    <div>
      <h2 className="mb-1 font-medium">What it will produce</h2>
      <p className="mb-1 text-xs text-slate-500">Route traffic and the HTTPRoutes net-gateway-api will generate, against today&apos;s.</p>
      {after.otherIngressClass && (
        <p role="status" className="mb-1 text-xs text-amber-800" data-other-ingress-class>
          This Service&apos;s KIngress has the ingress class {after.otherIngressClass}, so net-gateway-api makes no HTTPRoutes for it (see the Knative
          configuration below): only the Route is shown.
        </p>
      )}
      {after.problems.length > 0 && (
        <p role="alert" className="mb-1 text-xs text-amber-800">
          Knative would not route this yet: {after.problems.join(" ")}
        </p>
      )}
      {changed ? (
        <YamlDiff label="Route and HTTPRoutes diff" before={before.yaml} after={after.yaml} />
      ) : (
        // At rest there is nothing to compare: the rollback record an apply would add is no change of routing.
        <p className="text-sm text-slate-600" data-produced-at-rest>
          No change yet: move a slider to see what the Route and HTTPRoutes become.
        </p>
      )}
      {changed && !after.otherIngressClass && (
        <div className="mt-2 rounded-md border border-slate-200 bg-white p-2" data-traffic-impact>
          <TrafficImpact ksvc={base} before={before.httpRoutes} after={after.httpRoutes} />
        </div>
      )}
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-slate-600">All of it, not only the changes</summary>
        <YamlView text={(changed ? after : before).yaml} label="Route and HTTPRoutes it will produce" />
      </details>
    </div>
  );
}
