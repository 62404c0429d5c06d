"use client";
import Link from "next/link";
import { useMemo } from "react";
import { Notice } from "@/components/ui/Notice";
import { LiveStatus } from "@/components/ui/LiveStatus";
import { toFlow } from "@/lib/canvas";
import { testerObjects } from "@/lib/canvas";
import { routingTable } from "@/lib/canvas";
import { virtualServiceNodes } from "@/lib/canvas";
import { indexObjects } from "@/lib/chain";
import { handWrittenLookup } from "@/lib/migration";
import { useKnativeSettings } from "@/lib/query";
import type { Gateway, HTTPRoute } from "@/lib/gateway";
import { fromHTTPRoutes } from "@/lib/graph";
import { useLiveKinds } from "@/lib/query";
import { useStableItems } from "@/components/ui/useStableItems";
import { FlowCanvas } from "./FlowCanvas";
import { RequestTester } from "./RequestTester";
import { RoutingTableView } from "./RoutingTableView";
import { useRequestTester } from "./useRequestTester";

/** Route links shown in the heading; the rest fold away so the canvas keeps its place on screen. */
const SHOWN_LINKS = 6;

const editLink = (r: HTTPRoute) => (
  <Link
    key={`${r.metadata.namespace}/${r.metadata.name}`}
    className="text-xs text-sky-800 underline"
    href={`/routes/${r.metadata.namespace}/${r.metadata.name}`}
  >
    edit {r.metadata.namespace}/{r.metadata.name}
  </Link>
);

/** What matchRequest reads besides routes and Gateways: a request is routed over every route on the Gateway, not only this hostname's. */
const LIVE = ["HTTPRoute", "Gateway", "GatewayClass", "ReferenceGrant", "Service", "Namespace", "VirtualService", "KnativeService"] as const;

/** Every HTTPRoute on one hostname, across namespaces, on one canvas, with who wins what. */
export function HostCanvas({ hostname }: { hostname: string }) {
  const { snapshots, connection } = useLiveKinds(LIVE);
  const [routesSnap, gwSnap, classSnap, grantSnap, svcSnap, nsSnap, vsSnap, ksvcSnap] = snapshots;
  const { settings } = useKnativeSettings();
  const matching = useMemo(
    () =>
      ((routesSnap?.items ?? []) as unknown as HTTPRoute[])
        .filter((r) => (r.spec.hostnames ?? []).includes(hostname))
        .sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`)),
    [routesSnap, hostname],
  );
  // A change to a route on another host keeps this array, so the 2,000-node graph is not rebuilt.
  const routes = useStableItems(matching);
  const graph = useMemo(() => fromHTTPRoutes(routes), [routes]);
  const table = useMemo(() => routingTable(graph), [graph]);
  // Hand-written Istio VirtualServices on this host, beside the HTTPRoutes, each with its suggested HTTPRoute.
  const handWritten = useStableItems(
    useMemo(() => {
      const index = indexObjects([routesSnap, svcSnap, vsSnap, ksvcSnap].flatMap((s) => s?.items ?? []));
      const clusterDomain = settings?.network.config.clusterDomain;
      return handWrittenLookup(index, { gateway: settings?.gateway.config ?? {}, ...(clusterDomain && { clusterDomain }) })([hostname]);
    }, [routesSnap, svcSnap, vsSnap, ksvcSnap, settings, hostname]),
  );
  const flow = useMemo(() => {
    const f = toFlow(graph, {
      gateways: (gwSnap?.items ?? []) as unknown as Gateway[],
      shadowed: table.shadowed,
      shadowedBy: table.shadowedBy,
      readOnly: true,
      showRoute: true,
    });
    const vs = virtualServiceNodes(handWritten, f.nodes.find((n) => n.type === "hostname" && n.data.value === hostname)?.id);
    return { nodes: [...f.nodes, ...vs.nodes], edges: [...f.edges, ...vs.edges] };
  }, [graph, gwSnap, table, handWritten, hostname]);
  const objects = useMemo(
    () => testerObjects([routesSnap, gwSnap, classSnap, grantSnap, svcSnap, nsSnap]),
    [routesSnap, gwSnap, classSnap, grantSnap, svcSnap, nsSnap],
  );
  const tester = useRequestTester(objects, graph, hostname);
  return (
    <section aria-labelledby="host-title" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="host-title" className="text-xl font-semibold">
          Hostname <span className="font-mono">{hostname}</span>
        </h1>
        <LiveStatus connection={connection} state={routesSnap?.state} />
        <span className="text-xs text-slate-600">
          {routes.length} route{routes.length === 1 ? "" : "s"}
          {handWritten.length > 0 && `, ${handWritten.length} hand-written Istio VirtualService${handWritten.length === 1 ? "" : "s"}`}
          {routes.length > 0 && ":"}
        </span>
        {routes.slice(0, SHOWN_LINKS).map(editLink)}
        {routes.length > SHOWN_LINKS && (
          <details className="text-xs">
            <summary className="cursor-pointer text-sky-800">{routes.length - SHOWN_LINKS} more</summary>
            <div className="absolute z-10 mt-1 flex max-h-64 max-w-xl flex-wrap gap-x-3 gap-y-1 overflow-auto rounded-md border border-slate-200 bg-white p-2 shadow">
              {routes.slice(SHOWN_LINKS).map(editLink)}
            </div>
          </details>
        )}
      </div>
      {!routesSnap ? (
        <Notice title="Loading HTTPRoutes…" />
      ) : routes.length === 0 && handWritten.length === 0 ? (
        <Notice title={`No HTTPRoute serves ${hostname}`}>Routes appear here as soon as one lists this hostname.</Notice>
      ) : (
        <div className="flex gap-2" style={{ height: "calc(100vh - 12rem)", minHeight: 420 }}>
          <div className="min-w-0 flex-1 rounded-md border border-slate-200 bg-white" data-canvas>
            <FlowCanvas nodes={flow.nodes} edges={flow.edges} arrangeable highlighted={tester.tested} label={`Canvas of every route on ${hostname}`} />
          </div>
          <aside className="w-96 shrink-0 overflow-auto rounded-md border border-slate-200 bg-white p-2" aria-label="Request tester and effective routing">
            <RequestTester tester={tester} />
            <h2 className="mb-1 mt-3 border-t border-slate-200 pt-2 text-sm font-semibold">Effective routing</h2>
            <RoutingTableView table={table} {...(tester.testedRule !== undefined && { tested: tester.testedRule })} />
          </aside>
        </div>
      )}
    </section>
  );
}
