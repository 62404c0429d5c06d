import type { KindKey, KindSnapshot, Store, StoreEvent } from "../store";
import { forBrowser } from "./for-browser";
import { encodeMessage, type LiveMessage } from "./protocol";
import { isStopping, onShutdown } from "./shutdown";

const HEARTBEAT_MS = 15_000;

/** Streams a store's kinds as Server-Sent Events until the client goes away. */
export function storeEventStream(store: Store, kinds: readonly KindKey[], signal: AbortSignal): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (m: LiveMessage | string) => {
        try {
          controller.enqueue(enc.encode(typeof m === "string" ? m : encodeMessage(m)));
        } catch {
          cleanup();
        }
      };
      // Events before the snapshots are in them; the ones after are sent as they come.
      let live = false;
      const onEvent = (e: StoreEvent) => {
        if (!live) return;
        if (e.type === "change") send({ event: "change", data: { ...e, object: forBrowser(e.object) } });
        else send({ event: "state", data: e });
      };
      const off = store.subscribe(kinds, onEvent);
      const beat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      let unhook = () => {};
      cleanup = () => {
        unhook();
        off();
        clearInterval(beat);
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      // A server that is stopping closes its streams (browsers reconnect to whatever serves next).
      if (isStopping()) return cleanup();
      unhook = onShutdown(cleanup);
      signal.addEventListener("abort", () => cleanup(), { once: true });
      send("retry: 2000\n\n");
      await Promise.all(kinds.map((k) => store.load(k)));
      // Taken together, synchronously, so no event can fall between a snapshot and `live`.
      const snaps: KindSnapshot[] = kinds.map((k) => store.snapshot(k));
      for (const s of snaps) send({ event: "snapshot", data: { ...s, items: s.items.map(forBrowser) } });
      live = true;
    },
    cancel() {
      cleanup();
    },
  });
}
