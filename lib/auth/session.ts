// A logged-in user's session, as sealed in the routeboard-session cookie.
import type { AuthConfig } from "./config";
import { seal, unseal } from "./seal";

export const SESSION_COOKIE = "routeboard-session";

export interface UserInfo {
  username: string;
  groups: string[];
}

export type Credential = { kind: "token"; token: string } | { kind: "oidc"; idToken: string; refreshToken?: string; /** ms since epoch */ idTokenExp: number };

export interface Session {
  user: UserInfo;
  credential: Credential;
  /** When the login ends, whatever the tokens say (ms since epoch). */
  exp: number;
}

/** The bearer token to send to the API server. */
export const bearerOf = (c: Credential) => (c.kind === "token" ? c.token : c.idToken);

export function readSession(cookie: string | undefined, cfg: AuthConfig, now = Date.now()): Session | undefined {
  const s = unseal<Session>(cookie, cfg.sessionSecret);
  return s && s.exp > now && typeof s.user?.username === "string" ? s : undefined;
}

/**
 * The cookie outlives the session by a while (the session's own end is sealed inside and checked
 * on every request), so that a user coming back is told their session ended, not just sent to log in.
 */
const AFTERLIFE_S = 12 * 3600;

export function sessionCookie(s: Session, cfg: AuthConfig): { name: string; value: string; options: CookieOptions } {
  return {
    name: SESSION_COOKIE,
    value: seal(s, cfg.sessionSecret),
    options: cookieOptions(cfg, Math.max(0, Math.floor((s.exp - Date.now()) / 1000)) + AFTERLIFE_S),
  };
}

export interface CookieOptions {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  maxAge: number;
}

export const cookieOptions = (cfg: AuthConfig, maxAge: number): CookieOptions => ({
  httpOnly: true,
  sameSite: "lax",
  secure: cfg.secureCookies,
  path: "/",
  maxAge,
});
