"use client";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { applyEvents, shareSnapshot } from "../live/apply-change";
import { liveKey } from "../live/protocol";
import type { KindKey, KindSnapshot, StoreEvent } from "../store";
import { useClusterContext } from "./cluster-context";

export type Connection = "connecting" | "open" | "lost";

async function fetchSnapshot(kind: KindKey): Promise<KindSnapshot> {
  const res = await fetch(`/api/resources?kind=${kind}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`Routeboard's server answered ${res.status} for ${kind}`);
  return (await res.json()) as KindSnapshot;
}

/**
 * Kinds from the server's store, kept live: a first fetch, then one Server-Sent Events
 * stream whose snapshots and changes are written into the TanStack Query cache.
 */
export function useLiveKinds(kinds: readonly KindKey[]): { snapshots: (KindSnapshot | undefined)[]; connection: Connection; error?: Error } {
  const context = useClusterContext();
  const qc = useQueryClient();
  const [connection, setConnection] = useState<Connection>("connecting");
  const results = useQueries({
    queries: kinds.map((kind) => ({
      queryKey: liveKey(context, kind),
      queryFn: () => fetchSnapshot(kind),
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      // applyEvents and shareSnapshot share structure by resourceVersion; TanStack's own deep
      // comparison would walk every object of every snapshot on each change.
      structuralSharing: false,
    })),
    combine,
  });
  const kindList = kinds.join(",");

  useEffect(() => {
    const es = new EventSource(`/api/events?kinds=${kindList}`);
    let lostTimer: ReturnType<typeof setTimeout> | undefined;
    es.onopen = () => {
      clearTimeout(lostTimer);
      lostTimer = undefined;
      setConnection("open");
    };
    // EventSource reconnects by itself; say "lost" only when it stays down a moment.
    es.onerror = () => {
      lostTimer ??= setTimeout(() => setConnection("lost"), 1500);
    };
    // Changes are queued and written once per animation frame: a burst of watch events (a
    // controller resyncing, a kubectl apply of a List) costs one render, not one per event.
    let queued = new Map<KindKey, StoreEvent[]>();
    let cancel: (() => void) | undefined;
    const flush = () => {
      cancel = undefined;
      const batch = queued;
      queued = new Map();
      for (const [kind, events] of batch) qc.setQueryData<KindSnapshot>(liveKey(context, kind), (old) => (old ? applyEvents(old, events) : old));
    };
    // A hidden tab gets no animation frames; a timer keeps its cache from growing a backlog.
    const schedule = () => {
      if (cancel) return;
      if (document.hidden) {
        const t = window.setTimeout(flush, 250);
        cancel = () => clearTimeout(t);
      } else {
        const f = requestAnimationFrame(flush);
        cancel = () => cancelAnimationFrame(f);
      }
    };
    es.addEventListener("snapshot", (m) => {
      const snap = JSON.parse((m as MessageEvent<string>).data) as KindSnapshot;
      // Changes queued before this snapshot are older than it.
      queued.delete(snap.kind);
      qc.setQueryData<KindSnapshot>(liveKey(context, snap.kind), (old) => shareSnapshot(old, snap));
    });
    const onEvent = (m: Event) => {
      const e = JSON.parse((m as MessageEvent<string>).data) as StoreEvent;
      const list = queued.get(e.kind);
      if (list) list.push(e);
      else queued.set(e.kind, [e]);
      schedule();
    };
    es.addEventListener("change", onEvent);
    es.addEventListener("state", onEvent);
    return () => {
      clearTimeout(lostTimer);
      cancel?.();
      es.close();
    };
  }, [kindList, context, qc]);

  // A first fetch that failed (the server was restarting) says nothing once the stream is open
  // and has brought the data: the page is live, and an old error must not stay on screen.
  const failed = results.errors.find((e, i) => e && !(connection === "open" && results.snapshots[i]));
  return { snapshots: results.snapshots, connection, error: failed ?? undefined };
}

/**
 * The queries' data and errors; TanStack Query runs it again only when a query changed, so the
 * snapshots array keeps its identity between renders and can be a memo's dependency.
 */
function combine(rs: readonly { data?: KindSnapshot; error: Error | null }[]): { snapshots: (KindSnapshot | undefined)[]; errors: (Error | null)[] } {
  return { snapshots: rs.map((r) => r.data), errors: rs.map((r) => r.error) };
}
