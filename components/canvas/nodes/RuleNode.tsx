"use client";
import type { NodeProps, Node } from "@xyflow/react";
import { useState, type DragEvent } from "react";
import { sizeOf, type RuleData } from "@/lib/canvas";
import { PATH_TYPES, reorderRule, setRulePath } from "@/lib/canvas";
import type { PaletteItem } from "@/lib/canvas";
import type { HTTPPathMatchType } from "@/lib/gateway";
import { PALETTE_MIME, useCanvasActions } from "../canvas-context";
import { useNodeProblems } from "../editor-context";
import { CompactNode } from "./CompactNode";
import { NodeHandles } from "./NodeHandles";
import { Problems } from "./Problems";
import { useCompact } from "./useCompact";
import { useTabbable } from "./useTabbable";

export function RuleNode({ id, data }: NodeProps<Node<RuleData, "rule">>) {
  const { readOnly, edit, dropItem, chooseBackendFor } = useCanvasActions();
  const [over, setOver] = useState(false);
  const compact = useCompact();
  const tabIndex = useTabbable(id) ? undefined : -1;
  const size = sizeOf({ type: "rule", data });
  const { rule, position, count } = data;
  const first = rule.matches[0]?.match;
  const pathType = first?.path?.type ?? "PathPrefix";
  const pathValue = first?.path?.value ?? "/";
  const label = `Rule ${position + 1}${rule.name ? ` (${rule.name})` : ""}`;
  const problems = useNodeProblems(id);
  const shadowedBy = data.shadowedBy?.length ? `shadowed by ${data.shadowedBy.join(", ")}` : undefined;

  const onDrop = (e: DragEvent) => {
    setOver(false);
    const raw = e.dataTransfer.getData(PALETTE_MIME);
    if (!raw || readOnly) return;
    const item = JSON.parse(raw) as PaletteItem | { kind: "NewRule" };
    if (item.kind === "NewRule") return; // the canvas adds the rule
    e.preventDefault();
    e.stopPropagation();
    dropItem(id, item);
  };

  // The node is a drop target for palette items whether drawn compact or in full.
  const target = {
    "data-rule": pathValue,
    "data-rule-index": position,
    "aria-label": `${label}: ${pathType} ${pathValue}`,
    onDragOver: (e: DragEvent) => {
      if (readOnly || !e.dataTransfer.types.includes(PALETTE_MIME)) return;
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop,
  };
  const handles = <NodeHandles type="rule" connectable={{ left: !readOnly }} />;
  if (compact) {
    const detail = [label, data.routeLabel, first?.method, rule.filters.length ? `${rule.filters.length} filter${rule.filters.length === 1 ? "" : "s"}` : ""]
      .filter(Boolean)
      .join(" · ");
    return (
      <CompactNode
        type="rule"
        size={size}
        title={pathValue}
        problems={problems}
        warn={data.shadowed}
        className={over ? "ring-4 ring-sky-300" : ""}
        detail={
          <>
            {detail}
            {data.shadowed && <span data-shadowed> · {shadowedBy ?? "shadowed"}</span>}
          </>
        }
        {...target}
      />
    );
  }
  return (
    <div
      className={`rounded-md border bg-white px-3 py-2 text-xs shadow-sm ${problems.length ? "border-red-400" : over ? "border-sky-500 ring-2 ring-sky-200" : "border-slate-300"}`}
      style={{ width: size.width, minHeight: size.height }}
      {...target}
    >
      <div className="flex items-center gap-1">
        <p className="font-semibold text-slate-800">{label}</p>
        {data.routeLabel && <span className="truncate text-slate-500">{data.routeLabel}</span>}
        {data.shadowed && (
          <span
            className="rounded bg-amber-100 px-1 text-amber-900"
            title={shadowedBy ? `${shadowedBy}: it wins every request this rule matches` : "Another rule wins every request this rule matches"}
            data-shadowed
          >
            shadowed
          </span>
        )}
        {!readOnly && (
          <span className="ml-auto flex gap-0.5">
            <button
              tabIndex={tabIndex}
              type="button"
              className="nodrag rounded px-1 hover:bg-slate-100 disabled:opacity-30"
              disabled={position === 0}
              aria-label={`Move ${label} up`}
              onClick={() => edit((g) => reorderRule(g, id, position - 1))}
            >
              ↑
            </button>
            <button
              tabIndex={tabIndex}
              type="button"
              className="nodrag rounded px-1 hover:bg-slate-100 disabled:opacity-30"
              disabled={position >= count - 1}
              aria-label={`Move ${label} down`}
              onClick={() => edit((g) => reorderRule(g, id, position + 1))}
            >
              ↓
            </button>
          </span>
        )}
      </div>
      <div className="mt-1 flex items-center gap-1">
        {first?.method && <span className="rounded bg-slate-200 px-1 font-mono">{first.method}</span>}
        <select
          tabIndex={tabIndex}
          className="nodrag rounded border border-slate-300 bg-white py-0.5"
          value={pathType}
          disabled={readOnly}
          aria-label={`Path type of ${label}`}
          onChange={(e) => edit((g) => setRulePath(g, id, { type: e.target.value as HTTPPathMatchType }))}
        >
          {PATH_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <input
          tabIndex={tabIndex}
          className="nodrag min-w-0 flex-1 rounded border border-slate-300 px-1 py-0.5 font-mono"
          value={pathValue}
          disabled={readOnly}
          aria-label={`Path of ${label}`}
          aria-keyshortcuts="Enter"
          title="Enter: choose this rule's backend in the palette"
          onChange={(e) => edit((g) => setRulePath(g, id, { value: e.target.value }))}
          onKeyDown={(e) => {
            if (e.key !== "Enter" || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || readOnly) return;
            e.preventDefault();
            chooseBackendFor(id);
          }}
        />
      </div>
      <div className="mt-1 flex flex-wrap gap-1 text-[11px]">
        {rule.matches.length > 1 && <span className="rounded bg-slate-100 px-1">+{rule.matches.length - 1} matches</span>}
        {(first?.headers?.length ?? 0) > 0 && (
          <span className="rounded bg-slate-100 px-1">{first?.headers?.map((h) => `${h.name}=${h.value}`).join(", ")}</span>
        )}
        {(first?.queryParams?.length ?? 0) > 0 && (
          <span className="rounded bg-slate-100 px-1">?{first?.queryParams?.map((q) => `${q.name}=${q.value}`).join("&")}</span>
        )}
        {rule.filters.map((f, i) => (
          <span key={i} className="rounded bg-violet-100 px-1 text-violet-900" data-filter={f.type}>
            {f.type}
          </span>
        ))}
        {rule.timeouts && <span className="rounded bg-slate-100 px-1">timeouts</span>}
      </div>
      {shadowedBy && (
        <p className="mt-1 truncate text-[11px] text-amber-900" title={shadowedBy} data-shadowed-by>
          {shadowedBy}
        </p>
      )}
      <Problems messages={problems} />
      {handles}
    </div>
  );
}
