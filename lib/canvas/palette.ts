// The palette: Services and Knative Services from the cluster, searchable, and the backendRef
// (plus, for a Knative Service, the rule filter) that dropping one onto a rule adds.
import type { HTTPBackendRef, HTTPRouteFilter } from "../gateway/route-types";
import { compileKnativePath } from "../knative";

export interface PaletteItem {
  readonly key: string;
  readonly kind: "Service" | "KnativeService";
  readonly namespace: string;
  readonly name: string;
  readonly port?: number;
}

interface Meta {
  metadata: { name?: string; namespace?: string };
  spec?: unknown;
}

export function paletteItems(services: readonly Meta[], knative: readonly Meta[]): PaletteItem[] {
  const svc = services.map((s): PaletteItem => {
    const ports = (s.spec as { ports?: { port?: number }[] } | undefined)?.ports ?? [];
    const port = ports[0]?.port;
    const ns = s.metadata.namespace ?? "";
    const name = s.metadata.name ?? "";
    return { key: `Service:${ns}/${name}`, kind: "Service", namespace: ns, name, ...(port !== undefined && { port }) };
  });
  const ksvc = knative.map((s): PaletteItem => {
    const ns = s.metadata.namespace ?? "";
    const name = s.metadata.name ?? "";
    return { key: `KnativeService:${ns}/${name}`, kind: "KnativeService", namespace: ns, name };
  });
  return [...svc, ...ksvc].sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
}

/** Items matching every word of `query` (in name, namespace or kind); the route's namespace first. */
export function searchPalette(items: readonly PaletteItem[], query: string, namespace: string): PaletteItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hit = items.filter((i) => words.every((w) => `${i.namespace}/${i.name} ${i.kind}`.toLowerCase().includes(w)));
  return [...hit.filter((i) => i.namespace === namespace), ...hit.filter((i) => i.namespace !== namespace)];
}

export interface Drop {
  readonly ref: HTTPBackendRef;
  /** A filter the rule needs for this backend to work (Knative path routing's Host rewrite). */
  readonly ruleFilter?: HTTPRouteFilter;
  readonly warnings: string[];
}

/** What to add to a rule in `routeNamespace`, matching `path`, when `item` is dropped on it. */
export function dropFor(item: PaletteItem, routeNamespace: string, path: string): Drop {
  if (item.kind === "Service") {
    return {
      ref: {
        name: item.name,
        ...(item.namespace !== routeNamespace && { namespace: item.namespace }),
        ...(item.port !== undefined && { port: item.port }),
      },
      // A Service in another namespace needs a ReferenceGrant there: the apply offers to create it.
      warnings: [],
    };
  }
  const compiled = compileKnativePath({ path, ksvc: { name: item.name, namespace: item.namespace } }, { routeNamespace });
  const ref = compiled.rule.backendRefs?.[0];
  if (!ref) throw new Error("compileKnativePath gave no backend");
  const filter = compiled.rule.filters?.find((f) => f.type === "URLRewrite");
  // The ReferenceGrant the local gateway Service needs is offered at apply, not warned about here.
  const warnings = compiled.referenceGrant ? compiled.warnings.filter((w) => !w.includes("ReferenceGrant")) : compiled.warnings;
  return { ref, ...(filter && { ruleFilter: filter }), warnings };
}
