"use client";
import { useMemo } from "react";
import { LiveNotices } from "@/components/chain/LiveNotices";
import { useLiveObjects } from "@/components/chain/useLiveObjects";
import { FilterInput } from "@/components/ui/FilterInput";
import { LiveStatus } from "@/components/ui/LiveStatus";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { useUrlQuery } from "@/components/ui/useUrlQuery";
import type { IndexedKind } from "@/lib/chain";
import { DEFAULT_INGRESS_CLASS } from "@/lib/knative";
import { planMigration, type MigrationPlan } from "@/lib/migration";
import { useKnativeSettings } from "@/lib/query";
import { ServicePlanRow } from "./ServicePlanRow";

const KINDS: readonly IndexedKind[] = [
  "KnativeService",
  "KIngress",
  "VirtualService",
  "HTTPRoute",
  "Gateway",
  "GatewayClass",
  "ReferenceGrant",
  "Service",
  "Namespace",
];

function Summary({ plan }: { plan: MigrationPlan }) {
  const { byLayer, ready, blockers } = plan.summary;
  return (
    <section aria-label="Summary" className="grid gap-3 sm:grid-cols-4">
      <p className="rounded border border-slate-200 bg-white p-3 text-sm" data-summary="istio">
        <span className="block text-2xl font-semibold">{byLayer.istio}</span> on Istio (net-istio)
      </p>
      <p className="rounded border border-slate-200 bg-white p-3 text-sm" data-summary="gateway-api">
        <span className="block text-2xl font-semibold">{byLayer["gateway-api"]}</span> on the Gateway API
      </p>
      <p className="rounded border border-emerald-200 bg-emerald-50 p-3 text-sm" data-summary="ready">
        <span className="block text-2xl font-semibold">{ready}</span> ready to move
      </p>
      <div className="rounded border border-slate-200 bg-white p-3 text-sm" data-summary="blockers">
        <span className="font-medium">What blocks the rest</span>
        {blockers.length === 0 ? (
          <p className="text-slate-500">Nothing.</p>
        ) : (
          <ul className="list-inside list-disc">
            {blockers.map((b) => (
              <li key={b.what}>
                {b.what}: {b.services}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** /migrate: every Knative Service, the layer it is on, and what moving it to the Gateway API takes. */
export function MigrationPlanner() {
  const live = useLiveObjects();
  const { settings, error } = useKnativeSettings();
  const [query, setQuery] = useUrlQuery();
  const plan = useMemo(() => {
    if (!live.index || (!settings && !error)) return undefined;
    const index = live.index;
    return planMigration(
      KINDS.flatMap((k) => index.all(k)),
      {
        clusterClass: settings?.network.config.ingressClass ?? DEFAULT_INGRESS_CLASS,
        gateway: settings?.gateway.config ?? {},
        ...(settings?.network.config.clusterDomain && { clusterDomain: settings.network.config.clusterDomain }),
      },
    );
  }, [live.index, settings, error]);
  const q = query.trim().toLowerCase();
  const shown = plan?.services.filter((s) => !q || `${s.namespace}/${s.name}`.includes(q) || s.layer.includes(q)) ?? [];
  return (
    <section aria-labelledby="migrate-title" className="space-y-4">
      <PageHeader id="migrate-title" title="Migrate to the Gateway API" actions={<LiveStatus connection={live.connection} state={live.state} />}>
        <p className="text-sm text-slate-600">
          Each Knative Service, the network layer it is on, and what moving it from net-istio to net-gateway-api takes: the HTTPRoutes it would get under
          config-gateway, whether the cluster is ready for them, and what a hand-written VirtualService on its hosts does that they will not.
        </p>
      </PageHeader>
      <LiveNotices live={live} />
      {error && (
        <Notice tone="warn" title="Knative's configuration could not be read">
          {error}: Knative&apos;s and net-gateway-api&apos;s defaults are assumed.
        </Notice>
      )}
      {settings?.notes.map((n) => (
        <Notice key={n} tone="warn" title="About Knative's configuration">
          {n}
        </Notice>
      ))}
      {!plan ? (
        <Notice title="Loading…">Reading Knative Services, their KIngresses, VirtualServices and the Gateway API objects.</Notice>
      ) : plan.services.length === 0 ? (
        <Notice title="No Knative Services">There is nothing to migrate: this cluster (or folder) has no Knative Services.</Notice>
      ) : (
        <>
          <Summary plan={plan} />
          <FilterInput
            id="migrate-filter"
            label="Filter Services"
            value={query}
            onChange={setQuery}
            placeholder="namespace/name or layer (istio, gateway-api)"
          />
          {shown.length === 0 ? (
            <p className="text-sm text-slate-600">No Service matches “{query}”.</p>
          ) : (
            <ul aria-label="Knative Services" className="space-y-2">
              {shown.map((s) => (
                <ServicePlanRow key={`${s.namespace}/${s.name}`} plan={s} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
