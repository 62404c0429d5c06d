"use client";
import { useCallback, useEffect, useState } from "react";
import { applyObject, dryRunObject, getObject } from "@/components/apply/actions";
import { forApply } from "@/lib/canvas/manifest";
import type { HTTPRoute } from "@/lib/gateway/types.generated";
import type { KubeObject } from "@/lib/k8s/meta";
import type { StoreError } from "@/lib/store";

export type ApplyState =
  | { step: "editing" }
  | { step: "dry-running" }
  | { step: "dry-run-ok"; forSpec: string }
  | { step: "refused"; error: StoreError; by: "dry-run" | "apply"; object?: string }
  | { step: "applying" }
  | { step: "applied"; resourceVersion: string; forSpec: string }
  | { step: "conflict"; error: Extract<StoreError, { type: "Conflict" }>; theirs?: HTTPRoute };

const label = (o: KubeObject) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`;

/**
 * Preview → server-side dry-run → apply. The dry-run verdict holds for the spec it judged: any
 * edit returns to "editing". A Conflict stops here with the cluster's current object, for the
 * user to rebase onto or to overwrite explicitly. `extras` (the ReferenceGrants the route needs)
 * are dry-run with it and applied before it, so the route never lands with its grants refused.
 */
export function useApplyFlow(route: HTTPRoute, baseResourceVersion: string, onApplied: (fresh: HTTPRoute) => void, extras: readonly KubeObject[] = []) {
  const [state, setState] = useState<ApplyState>({ step: "editing" });
  const spec = JSON.stringify(route.spec);
  useEffect(() => {
    setState((s) => ((s.step === "dry-run-ok" || s.step === "applied") && s.forSpec !== spec) || s.step === "refused" ? { step: "editing" } : s);
  }, [spec]);
  // A verdict on the route with other grants beside it is not a verdict on this set.
  const extrasKey = JSON.stringify(extras);
  useEffect(() => {
    setState((s) => (s.step === "dry-run-ok" || s.step === "refused" ? { step: "editing" } : s));
  }, [extrasKey]);

  const conflict = useCallback(async (error: Extract<StoreError, { type: "Conflict" }>) => {
    const now = await getObject({ kind: "HTTPRoute", namespace: route.metadata.namespace ?? "", name: route.metadata.name ?? "" });
    setState({ step: "conflict", error, ...(now.ok && { theirs: now.value as unknown as HTTPRoute }) });
  }, [route.metadata.namespace, route.metadata.name]);

  const dryRun = useCallback(async () => {
    setState({ step: "dry-running" });
    for (const extra of extras) {
      const x = await dryRunObject(extra);
      if (!x.ok) return setState({ step: "refused", error: x.error, by: "dry-run", object: label(extra) });
    }
    const r = await dryRunObject(forApply(route, baseResourceVersion) as unknown as KubeObject);
    if (r.ok) setState({ step: "dry-run-ok", forSpec: spec });
    else if (r.error.type === "Conflict") await conflict(r.error);
    else setState({ step: "refused", error: r.error, by: "dry-run" });
  }, [route, baseResourceVersion, spec, conflict, extras]);

  const apply = useCallback(async (opts: { force?: boolean; resourceVersion?: string } = {}) => {
    setState({ step: "applying" });
    for (const extra of extras) {
      const x = await applyObject(extra);
      if (!x.ok) return setState({ step: "refused", error: x.error, by: "apply", object: label(extra) });
    }
    const r = await applyObject(forApply(route, opts.resourceVersion ?? baseResourceVersion) as unknown as KubeObject, { force: opts.force === true });
    if (r.ok) {
      const fresh = r.value as unknown as HTTPRoute;
      // The canvas takes the stored object (with the server's defaults): "applied" holds for it.
      setState({ step: "applied", resourceVersion: fresh.metadata.resourceVersion ?? "", forSpec: JSON.stringify(fresh.spec) });
      onApplied(fresh);
    } else if (r.error.type === "Conflict") await conflict(r.error);
    else setState({ step: "refused", error: r.error, by: "apply" });
  }, [route, baseResourceVersion, onApplied, conflict, extras]);

  return { state, dryRun, apply, backToEditing: () => setState({ step: "editing" }) };
}
