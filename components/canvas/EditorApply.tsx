"use client";
import { memo, useEffect, useRef } from "react";
import { impactSummary, impactWorsens } from "@/components/impact/ImpactView";
import { rebase, selectBlocked, selectDirty, selectGrants, selectNeededGrants, selectRoute } from "@/lib/canvas";
import type { HTTPRoute } from "@/lib/gateway";
import { ApplyBar } from "./ApplyBar";
import { ConflictView } from "./ConflictView";
import { useEditor, useEditorStore } from "./editor-context";
import { useEditorImpact } from "./EditorLive";
import { GrantsNotice } from "./GrantsNotice";
import { useApplyFlow } from "./useApplyFlow";

/** The editor's pass through the apply flow: the grants it needs, a conflict to decide, the apply bar. */
export const EditorApply = memo(function EditorApply({ readOnly }: { readOnly: boolean }) {
  const store = useEditorStore();
  const route = useEditor(selectRoute);
  const base = useEditor((s) => s.base);
  const needed = useEditor(selectNeededGrants);
  const grants = useEditor(selectGrants);
  const createGrants = useEditor((s) => s.createGrants);
  const dirty = useEditor(selectDirty);
  const blocked = useEditor(selectBlocked);
  const { impact } = useEditorImpact();
  const applyFlow = useApplyFlow(route, base?.metadata.resourceVersion ?? "", store.applied, grants);

  // Ctrl+Enter anywhere in the editor: dry-run, then (once it passed) apply — no hunt for the
  // buttons. One listener for the editor's life; it reads the flow as it is at the key press.
  const latest = useRef({ applyFlow, blocked, readOnly });
  useEffect(() => {
    latest.current = { applyFlow, blocked, readOnly };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { applyFlow: f, blocked: b, readOnly: ro } = latest.current;
      if (!(e.ctrlKey || e.metaKey) || e.key !== "Enter" || ro || b) return;
      e.preventDefault();
      if (f.state.step === "dry-run-ok") void f.apply();
      else if (f.state.step !== "dry-running" && f.state.step !== "applying") void f.dryRun();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const conflict = applyFlow.state.step === "conflict" ? applyFlow.state : undefined;
  const theirs = conflict?.theirs as unknown as HTTPRoute | undefined;
  const summary = dirty ? impactSummary(impact) : undefined;
  return (
    <>
      {conflict && base && (
        // Over the canvas, so the decision is in sight on a 1280×800 window.
        <div className="fixed inset-x-0 bottom-16 z-50 mx-auto max-h-[65vh] max-w-4xl overflow-auto shadow-2xl">
          <ConflictView
            error={conflict.error}
            base={base}
            ours={route}
            {...(theirs && { theirs })}
            onRebase={() => {
              if (!theirs) return;
              store.rebased(theirs, rebase(base, route, theirs).route);
              applyFlow.backToEditing();
            }}
            onOverwrite={() =>
              void applyFlow.apply({
                ...(conflict.error.confirm && { confirm: conflict.error.confirm }),
                ...(theirs?.metadata.resourceVersion && { resourceVersion: theirs.metadata.resourceVersion }),
              })
            }
            onCancel={applyFlow.backToEditing}
          />
        </div>
      )}
      <GrantsNotice grants={needed} create={createGrants} onCreate={store.setCreateGrants} readOnly={readOnly} />
      {!readOnly && (
        <ApplyBar
          state={applyFlow.state}
          {...(blocked && { blocked })}
          dirty={dirty}
          {...(summary && { impact: summary, impactWorsens: impactWorsens(impact) })}
          onDryRun={() => void applyFlow.dryRun()}
          onApply={() => void applyFlow.apply()}
          onRetry={() => void applyFlow.retry()}
        />
      )}
    </>
  );
});
