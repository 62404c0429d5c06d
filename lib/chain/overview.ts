// One row per Knative Service and per HTTPRoute with the health of its whole chain, worst
// first: the list a user scans to find what is broken.
import { INGRESS_LABEL, SERVICE_LABEL } from "../knative/constants";
import { healthRank } from "./conditions";
import { indexObjects, type ObjectIndex } from "./objects";
import { isPredicted } from "./predicted-objects";
import { resolveChain } from "./resolve";
import type { ChainObjects, ChainOptions, ChainRoot, Finding, Health } from "./types";

export interface OverviewRow {
  root: ChainRoot;
  /** `kind/namespace/name`, stable across updates. */
  key: string;
  health: Health;
  firstFailing?: Finding;
  findings: number;
  /** For an HTTPRoute made by net-gateway-api: the Knative Service it belongs to. */
  knativeService?: string;
  hostnames: string[];
  /** Not in the objects read: predicted from a workspace folder's Knative Service. */
  predicted?: boolean;
}

function isIndex(x: ChainObjects | ObjectIndex): x is ObjectIndex {
  return !Array.isArray(x);
}

export function chainOverview(objects: ChainObjects | ObjectIndex, options: ChainOptions = {}): OverviewRow[] {
  const index = isIndex(objects) ? objects : indexObjects(objects);
  const rows: OverviewRow[] = [];
  for (const o of index.all("KnativeService")) {
    const root: ChainRoot = { kind: "KnativeService", namespace: o.metadata.namespace ?? "default", name: o.metadata.name ?? "" };
    const chain = resolveChain(index, root, options);
    const url = (o.status as { url?: unknown } | undefined)?.url;
    rows.push({
      root,
      key: `ksvc/${root.namespace}/${root.name}`,
      health: chain.health,
      firstFailing: chain.firstFailing,
      findings: chain.findings.length,
      hostnames: typeof url === "string" ? [url.replace(/^https?:\/\//, "")] : [],
    });
  }
  for (const o of index.all("HTTPRoute")) {
    const root: ChainRoot = { kind: "HTTPRoute", namespace: o.metadata.namespace ?? "default", name: o.metadata.name ?? "" };
    const chain = resolveChain(index, root, options);
    const labels = o.metadata.labels ?? {};
    const hostnames = (o.spec as { hostnames?: string[] } | undefined)?.hostnames ?? [];
    rows.push({
      root,
      key: `httproute/${root.namespace}/${root.name}`,
      health: chain.health,
      firstFailing: chain.firstFailing,
      findings: chain.findings.length,
      knativeService: labels[INGRESS_LABEL] !== undefined ? labels[SERVICE_LABEL] : undefined,
      hostnames,
      ...(isPredicted(o) && { predicted: true }),
    });
  }
  return rows.sort(
    (a, b) =>
      healthRank(b.health) - healthRank(a.health) ||
      a.root.namespace.localeCompare(b.root.namespace) ||
      a.root.name.localeCompare(b.root.name) ||
      a.root.kind.localeCompare(b.root.kind),
  );
}

/** Filter text: words match name, namespace, hostnames or the finding; `ns:x`, `is:error|warning|pending|ok`, `kind:ksvc|httproute`. */
export function matchesFilter(row: OverviewRow, query: string): boolean {
  return query
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => {
      if (w.startsWith("ns:")) return row.root.namespace.toLowerCase() === w.slice(3);
      if (w.startsWith("is:")) return row.health === w.slice(3);
      if (w.startsWith("kind:")) return (row.root.kind === "KnativeService" ? "ksvc" : "httproute") === w.slice(5);
      return [row.root.name, row.root.namespace, ...row.hostnames, row.firstFailing?.code ?? "", row.knativeService ?? ""].some((s) =>
        s.toLowerCase().includes(w),
      );
    });
}
