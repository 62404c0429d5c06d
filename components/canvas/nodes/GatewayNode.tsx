"use client";
import type { NodeProps, Node } from "@xyflow/react";
import { sizeOf, type GatewayData } from "@/lib/canvas";
import { CompactNode } from "./CompactNode";
import { NodeHandles } from "./NodeHandles";
import { useCompact } from "./useCompact";

export function GatewayNode({ data }: NodeProps<Node<GatewayData, "gateway">>) {
  const compact = useCompact();
  const size = sizeOf({ type: "gateway", data });
  const attrs = {
    "aria-label": `Parent ${data.label}${data.found ? "" : ", not found in the cluster"}`,
    "data-gateway": `${data.parent.namespace}/${data.parent.name}`,
  };
  const handle = <NodeHandles type="gateway" />;
  const name = data.label.replace(/^Gateway /, "");
  if (compact) {
    return (
      <CompactNode type="gateway" size={size} title={data.parent.name} detail={data.found ? "Gateway" : "Gateway not found"} warn={!data.found} {...attrs} />
    );
  }
  return (
    <div
      className={`rounded-md border px-3 py-2 text-xs shadow-sm ${data.found ? "border-slate-300 bg-slate-50" : "border-amber-400 bg-amber-50"}`}
      style={{ width: size.width, minHeight: size.height }}
      {...attrs}
    >
      <p className="font-semibold text-slate-700">Gateway</p>
      <p className="truncate font-mono" title={data.label}>
        {name}
      </p>
      {!data.found && <p className="text-amber-800">not found in the cluster</p>}
      {handle}
    </div>
  );
}
