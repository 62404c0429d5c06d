"use client";
import { useCallback, useEffect, useState } from "react";
import { routeSubmission } from "@/lib/canvas/manifest";
import type { HTTPRoute, ReferenceGrant } from "@/lib/gateway/types.generated";
import { callAction, getObject } from "@/lib/query/api";
import type { StoreError } from "@/lib/store";
import { submitGrants, submitRoute } from "./actions";

export type ApplyState =
  | { step: "editing" }
  | { step: "dry-running" }
  | { step: "dry-run-ok"; forSpec: string }
  | { step: "refused"; error: StoreError; by: "dry-run" | "apply"; object?: string }
  | { step: "applying" }
  | { step: "applied"; resourceVersion: string; forSpec: string }
  | { step: "conflict"; error: Extract<StoreError, { type: "Conflict" }>; theirs?: HTTPRoute };

const grantsLabel = (grants: readonly ReferenceGrant[]) => grants.map((g) => `ReferenceGrant ${g.metadata.namespace}/${g.metadata.name}`).join(", ");

/**
 * Preview → server-side dry-run → apply. The dry-run verdict holds for the spec it judged: any
 * edit returns to "editing". A Conflict stops here with the cluster's current object, for the
 * user to rebase onto or to overwrite explicitly (with the confirmation the server issued for
 * it). `grants` (the ReferenceGrants the route needs) are dry-run with it and applied before it,
 * so the route never lands with its grants refused.
 */
export function useApplyFlow(route: HTTPRoute, baseResourceVersion: string, onApplied: (fresh: HTTPRoute) => void, grants: readonly ReferenceGrant[] = []) {
  const [state, setState] = useState<ApplyState>({ step: "editing" });
  const spec = JSON.stringify(route.spec);
  useEffect(() => {
    setState((s) => ((s.step === "dry-run-ok" || s.step === "applied") && s.forSpec !== spec) || s.step === "refused" ? { step: "editing" } : s);
  }, [spec]);
  // A verdict on the route with other grants beside it is not a verdict on this set.
  const grantsKey = JSON.stringify(grants);
  useEffect(() => {
    setState((s) => (s.step === "dry-run-ok" || s.step === "refused" ? { step: "editing" } : s));
  }, [grantsKey]);

  const conflict = useCallback(async (error: Extract<StoreError, { type: "Conflict" }>) => {
    const now = await getObject({ kind: "HTTPRoute", namespace: route.metadata.namespace ?? "", name: route.metadata.name ?? "" });
    setState({ step: "conflict", error, ...(now.ok && { theirs: now.value as unknown as HTTPRoute }) });
  }, [route.metadata.namespace, route.metadata.name]);

  const run = useCallback(async (dryRun: boolean, opts: { confirm?: string; resourceVersion?: string } = {}) => {
    setState({ step: dryRun ? "dry-running" : "applying" });
    const by = dryRun ? "dry-run" : "apply";
    const sub = routeSubmission(route, opts.resourceVersion ?? baseResourceVersion);
    // The server works out the same grants from the route (it writes no others).
    if (grants.length > 0) {
      const g = await callAction(() => submitGrants(sub, { dryRun }));
      if (!g.ok) return setState({ step: "refused", error: g.error, by, object: grantsLabel(grants) });
    }
    const r = await callAction(() => submitRoute(sub, { dryRun, ...(opts.confirm && { confirm: opts.confirm }) }));
    if (!r.ok) return r.error.type === "Conflict" ? conflict(r.error) : setState({ step: "refused", error: r.error, by });
    if (dryRun) return setState({ step: "dry-run-ok", forSpec: spec });
    const fresh = r.value as unknown as HTTPRoute;
    // The canvas takes the stored object (with the server's defaults): "applied" holds for it.
    setState({ step: "applied", resourceVersion: fresh.metadata.resourceVersion ?? "", forSpec: JSON.stringify(fresh.spec) });
    onApplied(fresh);
  }, [route, baseResourceVersion, onApplied, conflict, grants, spec]);

  return {
    state,
    dryRun: () => run(true),
    /** Apply; after a conflict, with the server's confirmation and the version the user looked at. */
    apply: (opts: { confirm?: string; resourceVersion?: string } = {}) => run(false, opts),
    backToEditing: () => setState({ step: "editing" }),
  };
}
