"use client";
import { useMemo, useRef, useState } from "react";
import { searchPalette, type PaletteItem } from "@/lib/canvas";
import { PALETTE_MIME } from "./canvas-context";

/**
 * Services and Knative Services from the cluster, dragged onto a rule to add a backend. For
 * the keyboard: select a rule on the canvas, then press an item's button.
 */
export function Palette(props: {
  items: PaletteItem[];
  namespace: string;
  loading: boolean;
  readOnly: boolean;
  selectedRule?: string;
  onAdd: (item: PaletteItem) => void;
  onNewRule: () => void;
}) {
  const [query, setQuery] = useState("");
  const shown = useMemo(() => searchPalette(props.items, query, props.namespace).slice(0, 200), [props.items, query, props.namespace]);
  // One Tab stop for the whole list (a roving tabindex): arrows, Home and End move within it.
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, shown.length - 1));
  const list = useRef<HTMLUListElement>(null);
  const move = (to: number) => {
    const i = Math.max(0, Math.min(shown.length - 1, to));
    setActive(i);
    list.current?.querySelectorAll<HTMLButtonElement>("button[data-palette-item]")[i]?.focus();
  };
  const onListKey = (e: React.KeyboardEvent) => {
    const to = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: shown.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    move(to);
  };
  const drag = (payload: object) => (e: React.DragEvent) => {
    e.dataTransfer.setData(PALETTE_MIME, JSON.stringify(payload));
    e.dataTransfer.effectAllowed = "copy";
  };
  return (
    <aside
      aria-labelledby="palette-title"
      className="flex h-full w-48 shrink-0 flex-col gap-2 overflow-hidden rounded-md border border-slate-200 bg-white p-2 text-xs"
    >
      <h2 id="palette-title" className="font-semibold">
        Palette
      </h2>
      <button
        type="button"
        draggable={!props.readOnly}
        disabled={props.readOnly}
        onDragStart={drag({ kind: "NewRule" })}
        onClick={props.onNewRule}
        className="rounded border border-dashed border-slate-400 px-2 py-1 text-left hover:bg-slate-50 disabled:opacity-50"
        data-palette="new-rule"
      >
        + New rule
      </button>
      <label htmlFor="palette-search" className="sr-only">
        Search Services
      </label>
      <input
        id="palette-search"
        type="search"
        placeholder="Search services"
        value={query}
        onChange={(e) => (setQuery(e.target.value), setActive(0))}
        onKeyDown={(e) => {
          // Enter adds the first match to the selected rule; ArrowDown goes into the list.
          const first = shown[0];
          const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;
          if (e.key === "Enter" && plain && props.selectedRule && first && !props.readOnly) {
            e.preventDefault();
            props.onAdd(first);
            setQuery("");
          } else if (e.key === "ArrowDown" && shown.length > 0) {
            e.preventDefault();
            move(0);
          }
        }}
        aria-keyshortcuts="Enter"
        aria-describedby="palette-hint"
        className="rounded border border-slate-300 px-2 py-1"
      />
      <p id="palette-hint" className="text-slate-500">
        {props.selectedRule ? "Drag onto a rule, or press one (Enter in the search adds the first match) to add it to the selected rule." : "Drag onto a rule."}
      </p>
      <ul ref={list} onKeyDown={onListKey} className="flex-1 space-y-1 overflow-y-auto" aria-label="Services and Knative Services">
        {props.loading && <li className="text-slate-500">Loading services…</li>}
        {!props.loading && shown.length === 0 && (
          <li className="text-slate-500">{query ? `No service matches "${query}".` : "No Services in this cluster."}</li>
        )}
        {shown.map((item, i) => (
          <li key={item.key}>
            <button
              type="button"
              tabIndex={i === current ? 0 : -1}
              onFocus={() => setActive(i)}
              draggable={!props.readOnly}
              disabled={props.readOnly}
              onDragStart={drag(item)}
              onClick={() => props.selectedRule && props.onAdd(item)}
              className="w-full rounded border border-slate-200 px-2 py-1 text-left hover:bg-sky-50 disabled:opacity-50"
              data-palette-item={`${item.namespace}/${item.name}`}
              data-palette-kind={item.kind}
            >
              {/* Named by what it shows (the abbreviation spelt out for screen readers), so the visible text is its name. */}
              <span
                aria-hidden="true"
                className={`mr-1 rounded px-1 ${item.kind === "KnativeService" ? "bg-violet-100 text-violet-900" : "bg-emerald-100 text-emerald-900"}`}
              >
                {item.kind === "KnativeService" ? "ksvc" : "svc"}
              </span>
              <span className="sr-only">{item.kind === "KnativeService" ? "Knative Service " : "Service "}</span>
              <span className="font-mono">{item.name}</span>
              <span className="block truncate text-slate-500">
                {item.namespace}
                {item.port ? ` · ${item.port}` : ""}
              </span>
              {props.selectedRule && <span className="sr-only">: add to the selected rule</span>}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
