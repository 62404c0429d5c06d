import type { KindKey, KindSnapshot, StoreEvent } from "../store";

// The Server-Sent Events between the server's store and the browser's query cache.
// A connection starts with one `snapshot` per kind, then `change` and `state` events follow.
export type LiveMessage =
  | { event: "snapshot"; data: KindSnapshot }
  | { event: "change"; data: Extract<StoreEvent, { type: "change" }> }
  | { event: "state"; data: Extract<StoreEvent, { type: "state" }> };

export const liveKey = (context: string | undefined, kind: KindKey) => ["kind", context ?? "", kind] as const;

export function encodeMessage(m: LiveMessage): string {
  return `event: ${m.event}\ndata: ${JSON.stringify(m.data)}\n\n`;
}
