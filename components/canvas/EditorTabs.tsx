"use client";
import { memo, useState } from "react";
import { ImpactView, impactSummary, impactWorsens } from "@/components/impact/ImpactView";
import { YamlDiff } from "@/components/yaml/YamlDiff";
import { YamlView } from "@/components/yaml/YamlView";
import { selectBaseYaml, selectDirty, selectDraftYaml, selectOwnRules, selectProblemCount, selectRoute, selectTable, selectValidation } from "@/lib/canvas";
import { useEditor, useEditorStore } from "./editor-context";
import { useEditorImpact, useEditorTester } from "./EditorLive";
import { Inspector } from "./Inspector";
import { ProblemsView } from "./ProblemsView";
import { RequestTester } from "./RequestTester";
import { RoutingTableView } from "./RoutingTableView";
import { SidePanel, type PanelTab } from "./SidePanel";
import { SplitOffer } from "./SplitOffer";

// Each tab's body subscribes to what it shows, and only the open tab is drawn: a keystroke
// re-renders the YAML while the YAML is open, not the routing table behind it.

function YamlTab() {
  return <YamlView text={useEditor(selectDraftYaml)} label="YAML the canvas compiles to" />;
}

function DiffLabel() {
  const { impact } = useEditorImpact();
  return <>{impactWorsens(impact) ? "Diff ⚠" : impactSummary(impact) ? "Diff •" : "Diff"}</>;
}

function DiffTab() {
  const before = useEditor(selectBaseYaml);
  const after = useEditor(selectDraftYaml);
  const dirty = useEditor(selectDirty);
  const isNew = useEditor((s) => s.base === undefined);
  const { impact, pending } = useEditorImpact();
  return (
    <>
      {/* The impact first: a few lines that matter more than where they sit in the YAML. */}
      {dirty && (
        <div className="mb-2 border-b border-slate-200 pb-2">
          <ImpactView {...(impact && { impact })} pending={pending} what="this edit" />
        </div>
      )}
      <YamlDiff before={before} after={after} label="Diff against the cluster" empty={isNew ? "Nothing in the cluster yet." : "Same as in the cluster."} />
    </>
  );
}

function ProblemsLabel() {
  const n = useEditor(selectProblemCount);
  return <>{`Problems${n ? ` (${n})` : ""}`}</>;
}

function ProblemsTab({ readOnly }: { readOnly: boolean }) {
  const store = useEditorStore();
  const validation = useEditor(selectValidation);
  const route = useEditor(selectRoute);
  const baseRV = useEditor((s) => s.base?.metadata.resourceVersion ?? "");
  const [splitting, setSplitting] = useState(false);
  if (splitting)
    return (
      <SplitOffer
        route={route}
        resourceVersion={baseRV}
        onDone={(first) => {
          setSplitting(false);
          store.applied(first);
        }}
      />
    );
  return (
    <ProblemsView
      errors={validation.errors}
      limits={validation.limits}
      {...(validation.problem && { problem: validation.problem })}
      readOnly={readOnly}
      onSplit={() => setSplitting(true)}
    />
  );
}

function RoutingTab() {
  const tester = useEditorTester();
  const dirty = useEditor(selectDirty);
  const route = useEditor(selectRoute);
  const table = useEditor(selectTable);
  const ownRules = useEditor(selectOwnRules);
  return (
    <>
      <RequestTester tester={tester} draft={dirty} self={`${route.metadata.namespace ?? ""}/${route.metadata.name ?? ""}`} />
      <h2 className="mb-1 mt-3 border-t border-slate-200 pt-2 text-sm font-semibold">Effective routing</h2>
      <RoutingTableView table={table} ownRules={ownRules} {...(tester.testedRule !== undefined && { tested: tester.testedRule })} />
    </>
  );
}

function SelectedTab({ readOnly }: { readOnly: boolean }) {
  const store = useEditorStore();
  const graph = useEditor((s) => s.history.present);
  const selected = useEditor((s) => s.selected);
  return <Inspector key={selected} graph={graph} {...(selected && { selected })} readOnly={readOnly} edit={store.edit} />;
}

/** The side panel of the editor: YAML, diff, problems, routing and the selection. */
export const EditorTabs = memo(function EditorTabs({ readOnly, initial }: { readOnly: boolean; initial: PanelTab }) {
  return (
    <SidePanel
      initial={initial}
      tabs={[
        { id: "yaml", label: "YAML", body: <YamlTab /> },
        { id: "diff", label: <DiffLabel />, body: <DiffTab /> },
        { id: "problems", label: <ProblemsLabel />, body: <ProblemsTab readOnly={readOnly} /> },
        { id: "routing", label: "Routing", body: <RoutingTab /> },
        { id: "selection", label: "Selected", body: <SelectedTab readOnly={readOnly} /> },
      ]}
    />
  );
});
