"use client";
import type { NodeProps, Node } from "@xyflow/react";
import { sizeOf, type BackendData } from "@/lib/canvas/flow";
import { setWeight } from "@/lib/graph";
import { useCanvasActions } from "../canvas-context";
import { CompactNode } from "./CompactNode";
import { NodeHandles } from "./NodeHandles";
import { Problems } from "./Problems";
import { useCompact } from "./useCompact";

const KIND_LABEL = { Service: "Service", KnativeService: "Knative Service", Other: "Backend" } as const;

export function BackendNode({ id, data }: NodeProps<Node<BackendData, "backend">>) {
  const { readOnly, edit, problemsOf } = useCanvasActions();
  const compact = useCompact();
  const size = sizeOf({ type: "backend", data });
  const b = data.backend;
  const name = `${b.namespace}/${b.name}${b.port ? `:${b.port}` : ""}`;
  const share = <span className="font-semibold tabular-nums" data-share>{Math.round(b.percent * 10) / 10} %</span>;
  const handle = <NodeHandles type="backend" />;
  if (compact) {
    return (
      <CompactNode type="backend" size={size} title={b.name} detail={<>{KIND_LABEL[b.backendKind]} · {share}</>} problems={problemsOf(id)} data-backend={b.name} aria-label={`${KIND_LABEL[b.backendKind]} ${name}`} />
    );
  }
  return (
    <div className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-xs shadow-sm" style={{ width: size.width, minHeight: size.height }} data-backend={b.name}>
      {handle}
      <p className="font-semibold text-emerald-900">{KIND_LABEL[b.backendKind]}</p>
      <p className="truncate font-mono text-sm" title={name}>{name}</p>
      {data.via && (
        <p className="truncate text-violet-800" title={`The rule rewrites the Host to ${data.via}`} data-via>
          → {data.via}
        </p>
      )}
      <div className="mt-1 flex items-center gap-1">
        <label htmlFor={`w-${id}`} className="text-slate-600">Weight</label>
        <input
          id={`w-${id}`}
          className="nodrag w-20 rounded border border-slate-300 bg-white px-1 py-0.5 font-mono"
          type="number"
          min={0}
          max={1_000_000}
          value={b.weight}
          disabled={readOnly}
          aria-label={`Weight of ${b.name}`}
          onChange={(e) => {
            const w = Number(e.target.value);
            if (Number.isFinite(w)) edit((g) => setWeight(g, id, Math.round(w)));
          }}
        />
        <span className="ml-auto">{share}</span>
      </div>
      <Problems messages={problemsOf(id)} />
    </div>
  );
}
