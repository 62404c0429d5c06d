"use client";
import { useState } from "react";
import { YamlView } from "@/components/yaml/YamlView";
import { forDisplay, routeSubmission } from "@/lib/canvas/manifest";
import type { HTTPRoute } from "@/lib/gateway/types.generated";
import { splitRoute } from "@/lib/graph";
import { callAction } from "@/lib/query/api";
import { printManifests } from "@/lib/yaml";
import { submitRoute } from "./actions";

/** The over-limit route split into parts that route the same way, applied in order. */
export function SplitOffer({ route, resourceVersion, onDone }: { route: HTTPRoute; resourceVersion: string; onDone: (first: HTTPRoute) => void }) {
  const { routes, unsplittable } = splitRoute(route);
  const [status, setStatus] = useState("");
  const applyAll = async () => {
    let first: HTTPRoute | undefined;
    for (const [i, part] of routes.entries()) {
      setStatus(`Applying part ${i + 1} of ${routes.length}…`);
      // Parts must be created in order: creation time breaks precedence ties between them.
      const r = await callAction(() => submitRoute(routeSubmission(part, i === 0 ? resourceVersion : ""), { dryRun: false }));
      if (!r.ok) return setStatus(`Part ${i + 1} (${part.metadata.name}) refused: ${r.error.message}. Parts before it were applied.`);
      if (i === 0) first = r.value as unknown as HTTPRoute;
    }
    setStatus(`Applied ${routes.length} routes.`);
    if (first) onDone(first);
  };
  return (
    <div className="space-y-2 text-xs" data-split-offer>
      <p>Split into {routes.length} routes: {routes.map((r) => r.metadata.name).join(", ")}. Every request is routed as before.</p>
      {unsplittable.length > 0 && <p className="text-amber-800">A rule with over 16 backends cannot be split: its weights share traffic within one rule.</p>}
      <YamlView text={printManifests(routes.map(forDisplay))} label="The routes after the split" />
      <button type="button" onClick={applyAll} className="rounded bg-amber-600 px-2 py-1 font-medium text-white">Apply the {routes.length} routes</button>
      <p role="status" aria-live="polite">{status}</p>
    </div>
  );
}
