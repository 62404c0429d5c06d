// What matchRequest's steps share: picking the listener that takes a host name (Listener
// hostname docs: exact before wildcard, longer before shorter, none last) and building results.
import { hostMatches } from "../listeners";
import type { ListenerModel } from "../predict/listeners";
import type { BackendPrediction, Certainty, ObjectRef, PredictionWarning } from "../predict/types";
import type { MatchedBackend, MatchResult } from "./types";

/** [kind, characters]: exact hostname 2, wildcard 1, none 0; undefined when the listener does not take the host. */
export function listenerScore(l: ListenerModel, host: string): [number, number] | undefined {
  const h = l.listener.hostname;
  if (!h) return [0, 0];
  if (!hostMatches(h, host)) return undefined;
  return [h.startsWith("*.") ? 1 : 2, h.length];
}

export function mostSpecific(listeners: readonly ListenerModel[], host: string): ListenerModel | undefined {
  let best: { l: ListenerModel; s: [number, number] } | undefined;
  for (const l of listeners) {
    const s = listenerScore(l, host);
    if (s && (!best || s[0] > best.s[0] || (s[0] === best.s[0] && s[1] > best.s[1]))) best = { l, s };
  }
  return best?.l;
}

export interface Base {
  gateway?: ObjectRef;
  listener?: MatchResult["listener"];
  warnings: PredictionWarning[];
}

export function result(
  base: Base,
  status: number,
  outcome: MatchResult["outcome"],
  reason: string,
  certainty: Certainty,
  more: Partial<MatchResult> = {},
): MatchResult {
  return { status, outcome, reason, certainty, backends: [], errorShare: status === 500 ? 1 : 0, filters: [], mirrors: [], ...base, ...more };
}

export function describeListenerRef(l: ListenerModel): NonNullable<MatchResult["listener"]> {
  return {
    name: l.listener.name,
    source: l.source,
    port: l.listener.port,
    protocol: l.listener.protocol,
    ...(l.listener.hostname !== undefined && { hostname: l.listener.hostname }),
  };
}

export function backendOf(b: Omit<BackendPrediction, "rule" | "index"> & { readonly rule?: unknown; readonly index?: unknown }, share: number): MatchedBackend {
  const { rule: _rule, index: _index, ...rest } = b;
  return { ...rest, share };
}
