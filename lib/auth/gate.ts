// What the proxy does about logins (token and OIDC modes): pages need a session, an ID token
// about to expire is refreshed, and read-only mode has no write path at all.
import type { AuthConfig } from "./config";
import { refreshTokens } from "./oidc";
import { readSession, type Session } from "./session";

/** Paths anyone may reach: the login itself, static files, and the health check. */
export function isOpenPath(path: string): boolean {
  return path === "/login" || path.startsWith("/api/auth/") || path === "/api/health" || path.startsWith("/_next/static/") || path === "/favicon.svg";
}

/** Refresh an ID token this long before it expires. */
const REFRESH_BEFORE_MS = 60_000;

export type Gate = { kind: "pass"; refreshed?: Session } | { kind: "login"; reason: "none" | "expired" } | { kind: "read-only" };

export async function gate(cfg: AuthConfig, req: { method: string; path: string; cookie: string | undefined }, now = Date.now()): Promise<Gate> {
  // Read-only: no state-changing request but logging in and out.
  if (cfg.readOnly && !["GET", "HEAD", "OPTIONS"].includes(req.method.toUpperCase()) && !req.path.startsWith("/api/auth/")) return { kind: "read-only" };
  if (cfg.mode === "kubeconfig" || isOpenPath(req.path)) return { kind: "pass" };
  const s = readSession(req.cookie, cfg, now);
  if (!s) return { kind: "login", reason: req.cookie ? "expired" : "none" };
  const c = s.credential;
  if (c.kind !== "oidc" || c.idTokenExp - now > REFRESH_BEFORE_MS) return { kind: "pass" };
  if (!c.refreshToken || !cfg.oidc) return { kind: "login", reason: "expired" };
  try {
    const t = await refreshTokens(cfg.oidc, c.refreshToken);
    return { kind: "pass", refreshed: { ...s, credential: { kind: "oidc", ...t } } };
  } catch (err) {
    console.warn(`routeboard: could not refresh the ID token of ${s.user.username}: ${err instanceof Error ? err.message : String(err)}`);
    return { kind: "login", reason: "expired" };
  }
}
