"use client";
import type { ReferenceGrant } from "@/lib/gateway";

/**
 * The ReferenceGrants the route needs for its Services in other namespaces, with the choice to
 * create them in the same apply. Without them the Gateway refuses those backends (ResolvedRefs:
 * RefNotPermitted) and answers 500 for their share of the traffic.
 */
export function GrantsNotice({
  grants,
  create,
  onCreate,
  readOnly,
}: {
  grants: readonly ReferenceGrant[];
  create: boolean;
  onCreate: (v: boolean) => void;
  readOnly: boolean;
}) {
  if (grants.length === 0) return null;
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-950" data-grants-needed={grants.length}>
      <p className="font-medium">
        {grants.length === 1 ? "A Service in another namespace needs a ReferenceGrant" : `${grants.length} Services in other namespaces need ReferenceGrants`}{" "}
        before the Gateway forwards to {grants.length === 1 ? "it (until then its" : "them (until then their"} share of the traffic gets errors):
      </p>
      <ul className="mt-1 list-inside list-disc">
        {grants.map((g) => (
          <li key={`${g.metadata.namespace}/${g.metadata.name}`} className="font-mono">
            {g.metadata.namespace}/{g.metadata.name}: HTTPRoutes in {g.spec.from[0]?.namespace} may use Service {g.spec.to[0]?.name}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <label className="mt-1 flex items-center gap-1">
          <input type="checkbox" checked={create} onChange={(e) => onCreate(e.target.checked)} />
          Create {grants.length === 1 ? "it" : "them"} with this apply (dry-run first, then applied before the route)
        </label>
      )}
    </div>
  );
}
