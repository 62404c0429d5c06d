"use client";
import { memo } from "react";
import { ruleToAddTo, selectFlow, type PaletteItem } from "@/lib/canvas";
import { useEditor, useEditorStore } from "./editor-context";
import { useEditorTester } from "./EditorLive";
import { FlowCanvas } from "./FlowCanvas";
import { Palette } from "./Palette";

/** The editor's canvas: the draft drawn, the tested request outlined. */
export const EditorCanvas = memo(function EditorCanvas({ label }: { label: string }) {
  const store = useEditorStore();
  const flow = useEditor(selectFlow);
  const selected = useEditor((s) => s.selected);
  const routeId = useEditor((s) => s.history.present.entries[0]?.ids.route ?? "");
  const tester = useEditorTester();
  return (
    <FlowCanvas
      nodes={flow.nodes}
      edges={flow.edges}
      routeId={routeId}
      {...(selected && { selected })}
      onSelect={store.select}
      highlighted={tester.tested}
      label={label}
    />
  );
});

/** The palette of the editor: it adds to the selected rule, or to the one the keyboard works on. */
export const EditorPalette = memo(function EditorPalette(props: { items: PaletteItem[]; namespace: string; loading: boolean; onNewRule: () => void }) {
  const store = useEditorStore();
  const selectedRule = useEditor(ruleToAddTo);
  return <Palette {...props} readOnly={false} {...(selectedRule && { selectedRule })} onAdd={(item) => selectedRule && store.dropItem(selectedRule, item)} />;
});
