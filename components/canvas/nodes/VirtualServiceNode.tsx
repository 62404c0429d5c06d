"use client";
import type { Node, NodeProps } from "@xyflow/react";
import { sizeOf, VS_ROUTES_SHOWN, type VirtualServiceData } from "@/lib/canvas";
import { OpenDraftButton } from "../OpenDraftButton";
import { CompactNode } from "./CompactNode";
import { NodeHandles } from "./NodeHandles";
import { useCompact } from "./useCompact";

/** A hand-written Istio VirtualService on the hostname: read-only, with its suggested HTTPRoute one click away. */
export function VirtualServiceNode({ data }: NodeProps<Node<VirtualServiceData, "virtualService">>) {
  const compact = useCompact();
  const size = sizeOf({ type: "virtualService", data });
  const from = `VirtualService ${data.key}`;
  const notes = data.suggestion.notes;
  if (compact) return <CompactNode type="virtualService" size={size} title={data.key} detail="Istio VirtualService" data-virtual-service={data.key} />;
  const more = data.routes.length - VS_ROUTES_SHOWN;
  return (
    <div
      className="rounded-md border border-violet-300 bg-violet-50 px-3 py-2 text-xs shadow-sm"
      style={{ width: size.width, minHeight: size.height }}
      data-virtual-service={data.key}
      role="group"
      aria-label={`${from}, read-only`}
    >
      <p className="font-semibold text-violet-900">Istio VirtualService · read-only</p>
      <p className="truncate font-mono text-sm" title={data.key}>
        {data.key}
      </p>
      <ul className="text-slate-700">
        {data.routes.slice(0, VS_ROUTES_SHOWN).map((r, i) => (
          <li key={i} className="truncate" title={r}>
            {r}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p className="text-slate-500">
          and {more} more route{more === 1 ? "" : "s"}
        </p>
      )}
      <p className="text-amber-800" title={notes.join("\n")}>
        {notes.length === 0 ? "An HTTPRoute can do all of it." : `${notes.length} thing${notes.length === 1 ? "" : "s"} an HTTPRoute cannot carry over`}
      </p>
      <OpenDraftButton suggestion={data.suggestion} from={from} className="mt-1 w-full text-left" />
      <NodeHandles type="virtualService" />
    </div>
  );
}
