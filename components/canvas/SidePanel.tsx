"use client";
import { useState, type ReactNode } from "react";

export type PanelTab = "selection" | "yaml" | "diff" | "problems" | "routing";

/** Tabs beside the canvas: the selection, the YAML, the diff, problems, the routing table. */
export function SidePanel({ tabs, initial = "yaml" }: { tabs: { id: PanelTab; label: ReactNode; body: ReactNode }[]; initial?: PanelTab }) {
  const [active, setActive] = useState<PanelTab>(initial);
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  return (
    <aside className="flex h-full w-96 shrink-0 flex-col overflow-hidden rounded-md border border-slate-200 bg-white" aria-label="Side panel">
      <div role="tablist" aria-label="Side panel views" className="flex border-b border-slate-200 text-xs">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            id={`tab-${t.id}`}
            aria-selected={t.id === current?.id}
            aria-controls={`panel-${t.id}`}
            onClick={() => setActive(t.id)}
            className={`flex-1 px-1 py-1.5 ${t.id === current?.id ? "border-b-2 border-sky-600 font-semibold text-sky-800" : "text-slate-600 hover:bg-slate-50"}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} className="flex-1 overflow-auto p-2">
          {current.body}
        </div>
      )}
    </aside>
  );
}
