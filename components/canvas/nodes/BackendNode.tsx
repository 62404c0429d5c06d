"use client";
import { useId, useState } from "react";
import type { NodeProps, Node } from "@xyflow/react";
import { sizeOf, type BackendData } from "@/lib/canvas";
import { useCanvasActions } from "../canvas-context";
import { useNodeProblems } from "../editor-context";
import { CompactNode } from "./CompactNode";
import { NodeHandles } from "./NodeHandles";
import { Problems } from "./Problems";
import { useCompact } from "./useCompact";
import { useTabbable } from "./useTabbable";

const KIND_LABEL = { Service: "Service", KnativeService: "Knative Service", Other: "Backend" } as const;

export function BackendNode({ id, data }: NodeProps<Node<BackendData, "backend">>) {
  const { readOnly, typeWeight } = useCanvasActions();
  const problems = useNodeProblems(id);
  // Committed on Enter or blur, not per keystroke: "0.5" would otherwise pass through "0." as 0.
  const [typing, setTyping] = useState<string | undefined>(undefined);
  const [note, setNote] = useState<ReturnType<typeof typeWeight>>(undefined);
  const noteId = useId();
  const commit = () => {
    if (typing === undefined) return;
    setTyping(undefined);
    const w = Number(typing);
    setNote(
      typing.trim() === ""
        ? undefined
        : Number.isFinite(w) && w >= 0
          ? typeWeight(id, w)
          : { tone: "error", text: `“${typing}” is not a weight (0 to 1,000,000).` },
    );
  };
  const compact = useCompact();
  const tabIndex = useTabbable(id) ? undefined : -1;
  const size = sizeOf({ type: "backend", data });
  const b = data.backend;
  const name = `${b.namespace}/${b.name}${b.port ? `:${b.port}` : ""}`;
  const share = (
    <span className="font-semibold tabular-nums" data-share>
      {Math.round(b.percent * 10) / 10} %
    </span>
  );
  const handle = <NodeHandles type="backend" />;
  if (compact) {
    return (
      <CompactNode
        type="backend"
        size={size}
        title={b.name}
        detail={
          <>
            {KIND_LABEL[b.backendKind]} · {share}
          </>
        }
        problems={problems}
        data-backend={b.name}
        aria-label={`${KIND_LABEL[b.backendKind]} ${name}`}
      />
    );
  }
  return (
    <div
      className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-xs shadow-sm"
      style={{ width: size.width, minHeight: size.height }}
      data-backend={b.name}
    >
      {handle}
      <p className="font-semibold text-emerald-900">{KIND_LABEL[b.backendKind]}</p>
      <p className="truncate font-mono text-sm" title={name}>
        {name}
      </p>
      {data.via && (
        <p className="truncate text-violet-800" title={`The rule rewrites the Host to ${data.via}`} data-via>
          → {data.via}
        </p>
      )}
      <div className="mt-1 flex items-center gap-1">
        <label htmlFor={`w-${id}`} className="text-slate-600">
          Weight
        </label>
        <input
          tabIndex={tabIndex}
          id={`w-${id}`}
          className="nodrag w-20 rounded border border-slate-300 bg-white px-1 py-0.5 font-mono"
          type="number"
          min={0}
          max={1_000_000}
          step="any"
          inputMode="decimal"
          value={typing ?? String(b.weight)}
          disabled={readOnly}
          aria-label={`Weight of ${b.name}`}
          aria-invalid={note?.tone === "error" || undefined}
          aria-describedby={note ? noteId : undefined}
          onChange={(e) => setTyping(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
            if (e.key === "Escape") setTyping(undefined);
          }}
        />
        <span className="ml-auto">{share}</span>
      </div>
      {note && (
        <p
          id={noteId}
          role={note.tone === "error" ? "alert" : "status"}
          data-weight-note={note.tone}
          className={`mt-1 ${note.tone === "error" ? "text-red-700" : "text-slate-600"}`}
        >
          {note.text}
        </p>
      )}
      <Problems messages={problems} />
    </div>
  );
}
