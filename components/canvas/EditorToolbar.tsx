"use client";
import { memo, useState } from "react";
import { addHostname } from "@/lib/graph";
import { useEditor, useEditorStore } from "./editor-context";

const btn = "rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50 disabled:opacity-40";

/** Undo/redo, add a rule or a hostname, discard the draft. */
export const EditorToolbar = memo(function EditorToolbar({ onNewRule }: { onNewRule: () => void }) {
  const store = useEditorStore();
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const [host, setHost] = useState("");
  return (
    <div role="toolbar" aria-label="Canvas tools" className="flex flex-wrap items-center gap-2 text-xs">
      <button type="button" className={btn} onClick={store.undo} disabled={!canUndo} aria-keyshortcuts="Control+Z">
        Undo
      </button>
      <button type="button" className={btn} onClick={store.redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
        Redo
      </button>
      <button type="button" className={btn} onClick={onNewRule}>
        Add rule
      </button>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          const routeId = store.api.getState().history.present.entries[0]?.ids.route;
          if (host.trim() && routeId !== undefined) store.edit((g) => addHostname(g, routeId, host.trim()));
          setHost("");
        }}
      >
        <label htmlFor="add-hostname" className="sr-only">
          Hostname to add
        </label>
        <input
          id="add-hostname"
          value={host}
          onChange={(e) => setHost(e.target.value)}
          placeholder="hostname, e.g. example.com"
          className="w-48 rounded border border-slate-300 px-2 py-1"
        />
        <button type="submit" className={btn}>
          Add hostname
        </button>
      </form>
      <span className="text-slate-500">Delete removes the selection · Ctrl+Z / Ctrl+Shift+Z</span>
    </div>
  );
});
