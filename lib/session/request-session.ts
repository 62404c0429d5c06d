import { cookies } from "next/headers";
import { authConfig } from "@/lib/auth/config";
import { bearerOf, readSession, SESSION_COOKIE, type UserInfo } from "@/lib/auth/session";
import { CONTEXT_COOKIE } from "@/lib/live/session-cookie";
import type { Store } from "@/lib/store";
import { resolveSession, userSession, type Session } from "@/lib/store/registry";

export interface RequestSession extends Session {
  /** Token or OIDC login: who is logged in. */
  user?: UserInfo;
  /** Token or OIDC login, and nobody is (the proxy sends pages to /login first). */
  needsLogin?: boolean;
  readOnly: boolean;
}

/**
 * The store for this request: with kubeconfig login the browser's chosen context (or the
 * workspace); with token or OIDC login, the logged-in user's own.
 */
export async function requestSession(): Promise<RequestSession> {
  const cfg = authConfig();
  const jar = await cookies();
  if (cfg.mode === "kubeconfig") return { ...(await resolveSession(jar.get(CONTEXT_COOKIE)?.value)), readOnly: cfg.readOnly };
  const s = readSession(jar.get(SESSION_COOKIE)?.value, cfg);
  if (!s)
    return {
      context: undefined,
      contexts: [],
      store: undefined,
      banner: { mode: "none" },
      problem: "Log in to see the cluster.",
      needsLogin: true,
      readOnly: cfg.readOnly,
    };
  const key = `${s.credential.kind}:${s.user.username}:${[...s.user.groups].sort().join(",")}`;
  return { ...userSession(key, bearerOf(s.credential)), user: s.user, readOnly: cfg.readOnly };
}

/** The store and whose session it is (for confirmations and the write log), or why there is none. */
export async function requestWriter(): Promise<{ store: Store; who: string } | { problem: string; forbidden?: boolean }> {
  const s = await requestSession();
  if (s.readOnly) return { problem: "Routeboard runs read-only here (ROUTEBOARD_READ_ONLY): it makes no changes.", forbidden: true };
  if (!s.store) return { problem: s.problem ?? "no cluster" };
  const who = s.user
    ? `user ${s.user.username}`
    : s.context
      ? `context ${s.context}`
      : s.banner.mode === "workspace" || s.banner.mode === "dump"
        ? `workspace ${s.banner.path}`
        : "unknown";
  return { store: s.store, who };
}

/** What an action answers when there is no writer: read-only is Forbidden, no store Unreachable. */
export function noWriter(w: { problem: string; forbidden?: boolean }): { ok: false; error: { type: "Forbidden" | "Unreachable"; message: string } } {
  if (w.forbidden) console.warn(`routeboard: refused a write: ${w.problem}`);
  return { ok: false, error: { type: w.forbidden ? "Forbidden" : "Unreachable", message: w.problem } };
}
