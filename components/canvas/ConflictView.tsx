"use client";
import { YamlDiff } from "@/components/yaml/YamlDiff";
import { STALE, takeOverWords } from "@/lib/apply";
import { forDisplay } from "@/lib/canvas";
import type { HTTPRoute } from "@/lib/gateway";
import type { StoreError } from "@/lib/store";
import { printManifest } from "@/lib/yaml";

/** Someone else changed the route: show what, and let the user decide. Nothing was written. */
export function ConflictView(props: {
  error: Extract<StoreError, { type: "Conflict" }>;
  base: HTTPRoute;
  ours: HTTPRoute;
  theirs?: HTTPRoute;
  onRebase: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
}) {
  const { error, base, ours, theirs } = props;
  const y = (r: HTTPRoute) => printManifest(forDisplay(r));
  // The store reports a stale copy as stale even when another manager owns the changed fields.
  const stale = error.stale;
  return (
    <section role="alertdialog" aria-labelledby="conflict-title" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-xs" data-conflict>
      <h2 id="conflict-title" className="text-sm font-semibold text-red-900">
        {stale ? STALE.title("the route") : "Other field managers own fields you changed"}
      </h2>
      <p>
        Nothing was applied.{" "}
        {stale
          ? "Here is what changed in the cluster:"
          : `${error.conflicts.map((c) => `${c.field} (owned by ${c.manager})`).join(", ")}. Applying takes these fields over.`}
      </p>
      {theirs && stale && <YamlDiff before={y(base)} after={y(theirs)} label="Changes made in the cluster since you loaded the route" />}
      {theirs && (
        <details>
          <summary className="cursor-pointer">Your version against the cluster's</summary>
          <YamlDiff before={y(theirs)} after={y(ours)} label="Your changes against the cluster's current route" />
        </details>
      )}
      <div className="flex flex-wrap gap-2">
        {theirs && stale && (
          <button type="button" className="rounded bg-sky-700 px-2 py-1 font-medium text-white" onClick={props.onRebase}>
            {STALE.rebase}
          </button>
        )}
        <button type="button" className="rounded bg-red-700 px-2 py-1 font-medium text-white" onClick={props.onOverwrite}>
          {stale ? STALE.overwrite : takeOverWords("these fields")}
        </button>
        <button type="button" className="rounded border border-slate-300 bg-white px-2 py-1" onClick={props.onCancel}>
          Keep editing
        </button>
      </div>
    </section>
  );
}
