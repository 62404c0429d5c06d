"use client";
import { useState } from "react";
import { addHostname } from "@/lib/graph";
import type { DraftGraph } from "./useDraftGraph";

const btn = "rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50 disabled:opacity-40";

/** Undo/redo, add a rule or a hostname, discard the draft. */
export function EditorToolbar({ draft, routeId, onNewRule }: { draft: DraftGraph; routeId: string; onNewRule: () => void }) {
  const [host, setHost] = useState("");
  return (
    <div role="toolbar" aria-label="Canvas tools" className="flex flex-wrap items-center gap-2 text-xs">
      <button type="button" className={btn} onClick={draft.undo} disabled={!draft.canUndo} aria-keyshortcuts="Control+Z">
        Undo
      </button>
      <button type="button" className={btn} onClick={draft.redo} disabled={!draft.canRedo} aria-keyshortcuts="Control+Shift+Z">
        Redo
      </button>
      <button type="button" className={btn} onClick={onNewRule}>
        Add rule
      </button>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (host.trim()) draft.edit((g) => addHostname(g, routeId, host.trim()));
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
}
