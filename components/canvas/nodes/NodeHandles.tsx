"use client";
import { Handle, Position, useNodeId, useStoreApi, useUpdateNodeInternals } from "@xyflow/react";
import { useEffect } from "react";
import { HANDLES, type CanvasNode } from "@/lib/canvas";

const POSITION = { left: Position.Left, right: Position.Right, top: Position.Top, bottom: Position.Bottom } as const;

/**
 * A node's handles, where lib/canvas/flow says they are (so edges and culling agree with them).
 * Compact nodes have none (their edges are drawn on the canvas): a node first measured compact
 * is measured again when its handles appear.
 */
export function NodeHandles({
  type,
  connectable = {},
  labels = {},
}: {
  type: CanvasNode["type"];
  /** By handle id; handles are not connectable unless named here. */
  connectable?: Readonly<Record<string, boolean>>;
  labels?: Readonly<Record<string, string>>;
}) {
  const id = useNodeId();
  const store = useStoreApi();
  const update = useUpdateNodeInternals();
  useEffect(() => {
    const bounds = id ? store.getState().nodeLookup.get(id)?.internals.handleBounds : undefined;
    if (id && (bounds?.source?.length ?? 0) + (bounds?.target?.length ?? 0) === 0) update(id);
  }, [id, store, update]);
  return (
    <>
      {HANDLES[type].map((h) => (
        <Handle
          key={h.id}
          id={h.id}
          type={h.type}
          position={POSITION[h.position]}
          isConnectable={connectable[h.id] ?? false}
          {...(labels[h.id] && { title: labels[h.id] })}
        />
      ))}
    </>
  );
}
