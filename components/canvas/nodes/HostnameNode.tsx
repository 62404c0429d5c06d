"use client";
import type { NodeProps, Node } from "@xyflow/react";
import { sizeOf, type HostnameData } from "@/lib/canvas";
import { useCanvasActions } from "../canvas-context";
import { useNodeProblems } from "../editor-context";
import { CompactNode } from "./CompactNode";
import { NodeHandles } from "./NodeHandles";
import { Problems } from "./Problems";
import { useCompact } from "./useCompact";

const FIT_TEXT = { fits: "fits a listener", "no-listener": "no listener takes this host", "gateway-missing": "Gateway not found" } as const;

export function HostnameNode({ id, data }: NodeProps<Node<HostnameData, "hostname">>) {
  const { readOnly } = useCanvasActions();
  const problems = useNodeProblems(id);
  const compact = useCompact();
  const size = sizeOf({ type: "hostname", data });
  const handles = <NodeHandles type="hostname" connectable={{ right: !readOnly }} labels={{ right: `Connect ${data.value} to a rule` }} />;
  if (compact) {
    const unfit = data.fits.filter((f) => f.fit !== "fits").length;
    return (
      <CompactNode
        type="hostname"
        size={size}
        title={data.value}
        detail={unfit ? `${unfit} parent${unfit === 1 ? "" : "s"} without a listener` : "Hostname"}
        problems={problems}
        data-hostname={data.value}
      />
    );
  }
  return (
    <div
      className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-xs shadow-sm"
      style={{ width: size.width, minHeight: size.height }}
      data-hostname={data.value}
    >
      <p className="font-semibold text-sky-900">Hostname</p>
      <p className="truncate font-mono text-sm" title={data.value}>
        {data.value}
      </p>
      {data.fits.map((f) => (
        <p
          key={f.gateway}
          className={`truncate ${f.fit === "fits" ? "text-emerald-700" : "text-amber-800"}`}
          title={`${f.gateway}: ${FIT_TEXT[f.fit]}`}
          data-fit={f.fit}
        >
          {f.gateway}: {FIT_TEXT[f.fit]}
        </p>
      ))}
      <Problems messages={problems} />
      {handles}
    </div>
  );
}
