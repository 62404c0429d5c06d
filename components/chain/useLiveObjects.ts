"use client";
import { useMemo } from "react";
import { indexObjects, type ObjectIndex } from "@/lib/chain";
import type { KubeObject } from "@/lib/k8s";
import { useLiveKinds, type Connection } from "@/lib/query";
import type { KindKey, KindSnapshot } from "@/lib/store";

/** Every kind a chain reads. */
export const CHAIN_KINDS: readonly KindKey[] = [
  "KnativeService",
  "Configuration",
  "Revision",
  "Route",
  "KIngress",
  "HTTPRoute",
  "Gateway",
  "GatewayClass",
  "ReferenceGrant",
  "VirtualService",
  "IstioGateway",
  "Service",
  "Namespace",
];
/** Kinds only some clusters have (Istio's, for net-istio): their absence is not a gap in the chain. */
const OPTIONAL_KINDS: ReadonlySet<KindKey> = new Set(["VirtualService", "IstioGateway"]);

export interface LiveObjects {
  /** undefined until every kind has answered once. */
  index?: ObjectIndex;
  /** The same objects, unindexed (undefined until loaded). */
  objects?: readonly KubeObject[];
  connection: Connection;
  error?: Error;
  /** Kinds the page cannot see, in plain words. */
  problems: { kind: KindKey; state: KindSnapshot["state"]; message?: string }[];
  unreachable: boolean;
  loaded: boolean;
  /** Combined readiness for LiveStatus. */
  state?: KindSnapshot["state"];
}

/** Live snapshots of every kind of the chain, indexed for lib/chain; recomputed on each change. */
export function useLiveObjects(): LiveObjects {
  const { snapshots, connection, error } = useLiveKinds(CHAIN_KINDS);
  const loaded = snapshots.every((s) => s !== undefined);
  // useLiveKinds keeps the snapshots array's identity until one of them changes.
  const objects = useMemo(() => {
    if (!loaded) return undefined;
    const all: KubeObject[] = [];
    for (const s of snapshots) for (const o of s?.items ?? []) all.push(o);
    return all;
  }, [loaded, snapshots]);
  const index = useMemo(() => (objects ? indexObjects(objects) : undefined), [objects]);
  const problems = snapshots.flatMap((s) =>
    s && s.state !== "ready" && s.state !== "loading" && !(s.state === "not-installed" && OPTIONAL_KINDS.has(s.kind))
      ? [{ kind: s.kind, state: s.state, message: s.message }]
      : [],
  );
  const unreachable = snapshots.some((s) => s?.state === "unreachable");
  const state = !loaded
    ? "loading"
    : unreachable
      ? "unreachable"
      : snapshots.every((s) => s?.state === "ready" || s?.state === "not-installed" || s?.state === "forbidden")
        ? "ready"
        : "loading";
  return { index, objects, connection, error, problems, unreachable, loaded, state };
}
