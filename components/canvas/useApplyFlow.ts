"use client";
import { useCallback, useEffect } from "react";
import { useApply } from "@/components/apply/useApply";
import { routeSubmission } from "@/lib/canvas";
import type { HTTPRoute, ReferenceGrant } from "@/lib/gateway";
import { fromHTTPRoutes, toHTTPRoutes } from "@/lib/graph";
import { callAction, getObject } from "@/lib/query";
import { submitGrants, submitRoute } from "./actions";

const grantsLabel = (grants: readonly ReferenceGrant[]) => grants.map((g) => `ReferenceGrant ${g.metadata.namespace}/${g.metadata.name}`).join(", ");
const specKey = (r: object) => JSON.stringify((r as { spec?: unknown }).spec);
/** The key of the stored route as the canvas will hold it (through the graph, as draft.reset does). */
const storedKey = (o: object) => specKey(toHTTPRoutes(fromHTTPRoutes([o as HTTPRoute]))[0] ?? o);

/**
 * The canvas's pass through the one apply flow (lib/apply): the user asks for a dry-run, then
 * applies what it passed. A Conflict stops with the cluster's current object, for the user to
 * rebase onto or to take over (with the confirmation the server issued for it). `grants` (the
 * ReferenceGrants the route needs) are dry-run with it and applied before it, so the route
 * never lands with its grants refused.
 */
export function useApplyFlow(route: HTTPRoute, baseResourceVersion: string, onApplied: (fresh: HTTPRoute) => void, grants: readonly ReferenceGrant[] = []) {
  const flow = useApply(specKey(route));
  const { dispatch } = flow;
  // A verdict on the route with other grants beside it is not a verdict on this set.
  const grantsKey = JSON.stringify(grants);
  useEffect(() => dispatch({ type: "invalidated" }), [grantsKey, dispatch]);

  const run = useCallback(
    async (dryRun: boolean, opts: { confirm?: string; resourceVersion?: string } = {}) => {
      const sub = routeSubmission(route, opts.resourceVersion ?? baseResourceVersion);
      const submit = async (dry: boolean) => {
        // The server works out the same grants from the route (it writes no others).
        if (grants.length > 0) {
          const g = await callAction(() => submitGrants(sub, { dryRun: dry }));
          if (!g.ok) return { ok: false as const, error: g.error, object: grantsLabel(grants) };
        }
        return callAction(() => submitRoute(sub, { dryRun: dry, ...(opts.confirm && { confirm: opts.confirm }) }));
      };
      // The canvas takes the stored object (with the server's defaults): "applied" holds for it.
      const end = await flow.run(submit, dryRun ? "dry-run" : "apply", storedKey);
      if (end.ok && !dryRun) onApplied(end.value as unknown as HTTPRoute);
      if (!end.ok && end.error.type === "Conflict") {
        const now = await getObject({ kind: "HTTPRoute", namespace: route.metadata.namespace ?? "", name: route.metadata.name ?? "" });
        if (now.ok) dispatch({ type: "theirs", theirs: now.value });
      }
    },
    [route, baseResourceVersion, onApplied, grants, flow, dispatch],
  );

  return {
    state: flow.state,
    dryRun: () => run(true),
    /** Apply; after a conflict, with the server's confirmation and the version the user looked at. */
    apply: (opts: { confirm?: string; resourceVersion?: string } = {}) => run(false, opts),
    /** Try the stage that got no answer again. */
    retry: () => run(flow.state.step === "unreachable" && flow.state.stage === "dry-run"),
    backToEditing: flow.reset,
  };
}
