"use client";
import { Handle, Position } from "@xyflow/react";
import { HANDLES, type CanvasNode } from "@/lib/canvas/flow";

const POSITION = { left: Position.Left, right: Position.Right, top: Position.Top, bottom: Position.Bottom } as const;

/** A node's handles, where lib/canvas/flow says they are (so edges and culling agree with them). */
export function NodeHandles({ type, connectable = {}, labels = {} }: {
  type: CanvasNode["type"];
  /** By handle id; handles are not connectable unless named here. */
  connectable?: Readonly<Record<string, boolean>>;
  labels?: Readonly<Record<string, string>>;
}) {
  return (
    <>
      {HANDLES[type].map((h) => (
        <Handle key={h.id} id={h.id} type={h.type} position={POSITION[h.position]} isConnectable={connectable[h.id] ?? false} {...(labels[h.id] && { "aria-label": labels[h.id] })} />
      ))}
    </>
  );
}
