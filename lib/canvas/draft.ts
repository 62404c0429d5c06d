// Unsaved canvas work kept in the browser's localStorage, so a reload or a server restart
// loses nothing. Keyed by kubeconfig context and route: the same route name in two clusters
// is two drafts.
import type { HTTPRoute } from "../gateway/types.generated";

export interface Draft {
  readonly version: 1;
  /** The route as the canvas compiles it. */
  readonly route: HTTPRoute;
  /** resourceVersion of the cluster object the draft was made from ("" for a new route). */
  readonly baseResourceVersion: string;
  readonly savedAt: string;
  /** Where a draft Routeboard suggested came from, and what it could not carry over. */
  readonly origin?: DraftOrigin;
}

export interface DraftOrigin {
  /** "VirtualService legacy/hello-extras". */
  readonly from: string;
  readonly notes: readonly string[];
}

export function draftKey(context: string | undefined, namespace: string, name: string): string {
  return `routeboard:draft:v1:${context ?? "(default)"}:${namespace}/${name}`;
}

export function encodeDraft(route: HTTPRoute, baseResourceVersion: string, now: Date = new Date(), origin?: DraftOrigin): string {
  const d: Draft = { version: 1, route, baseResourceVersion, savedAt: now.toISOString(), ...(origin && { origin }) };
  return JSON.stringify(d);
}

/** The draft in `text`, or undefined when it is absent or not one of ours (never throws). */
export function decodeDraft(text: string | null): Draft | undefined {
  if (!text) return undefined;
  try {
    const d = JSON.parse(text) as Partial<Draft>;
    if (d.version !== 1 || typeof d.route !== "object" || d.route === null) return undefined;
    if (typeof d.route.metadata?.name !== "string" || typeof d.baseResourceVersion !== "string") return undefined;
    const o = d.origin;
    const origin =
      o && typeof o.from === "string" && Array.isArray(o.notes)
        ? { from: o.from, notes: o.notes.filter((n): n is string => typeof n === "string") }
        : undefined;
    return { version: 1, route: d.route, baseResourceVersion: d.baseResourceVersion, savedAt: String(d.savedAt ?? ""), ...(origin && { origin }) };
  } catch {
    return undefined;
  }
}
