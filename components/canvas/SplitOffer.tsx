"use client";
import { ApplyErrorNotice } from "@/components/apply/ApplyErrorNotice";
import { useApply } from "@/components/apply/useApply";
import { YamlView } from "@/components/yaml/YamlView";
import { isBusy, PROGRESS, type SubmitResult } from "@/lib/apply";
import { forDisplay, routeSubmission } from "@/lib/canvas";
import type { HTTPRoute } from "@/lib/gateway";
import { splitRoute } from "@/lib/graph";
import { callAction } from "@/lib/query";
import { printManifests } from "@/lib/yaml";
import { submitRoute } from "./actions";

/**
 * The over-limit route split into parts that route the same way. Every part is dry-run first,
 * so a part the API server would refuse stops the split before anything is written; then they
 * are applied in order (creation time breaks precedence ties between them).
 */
export function SplitOffer({ route, resourceVersion, onDone }: { route: HTTPRoute; resourceVersion: string; onDone: (first: HTTPRoute) => void }) {
  const { routes, unsplittable } = splitRoute(route);
  const flow = useApply(JSON.stringify(route.spec));
  const submitAll = async (dryRun: boolean): Promise<SubmitResult> => {
    let first: SubmitResult | undefined;
    for (const [i, part] of routes.entries()) {
      const r = await callAction(() => submitRoute(routeSubmission(part, i === 0 ? resourceVersion : ""), { dryRun }));
      if (!r.ok)
        return {
          ...r,
          object: `part ${i + 1} of ${routes.length}, HTTPRoute ${part.metadata.name}${!dryRun && i > 0 ? " (the parts before it were applied)" : ""}`,
        };
      first ??= r;
    }
    return first ?? { ok: false, error: { type: "Failed", message: "the split has no parts" } };
  };
  const applyAll = async () => {
    const end = await flow.run(submitAll, "dry-run-then-apply");
    if (end.ok) onDone(end.value as unknown as HTTPRoute);
  };
  return (
    <div className="space-y-2 text-xs" data-split-offer>
      <p>
        Split into {routes.length} routes: {routes.map((r) => r.metadata.name).join(", ")}. Every request is routed as before.
      </p>
      {unsplittable.length > 0 && <p className="text-amber-800">A rule with over 16 backends cannot be split: its weights share traffic within one rule.</p>}
      <YamlView text={printManifests(routes.map(forDisplay))} label="The routes after the split" />
      <button
        type="button"
        onClick={() => void applyAll()}
        disabled={isBusy(flow.state)}
        className="rounded bg-amber-600 px-2 py-1 font-medium text-white disabled:opacity-50"
      >
        Apply the {routes.length} routes
      </button>
      <p role="status" aria-live="polite" data-split-status={flow.state.step}>
        {PROGRESS[flow.state.step] ?? (flow.state.step === "applied" ? `Applied ${routes.length} routes.` : "")}
      </p>
      <ApplyErrorNotice state={flow.state} what={`HTTPRoute ${route.metadata.name}`} field="these fields" onRetry={() => void applyAll()} showStale />
    </div>
  );
}
