// How Routeboard knows who is using it, from its environment. Server-only.
//   kubeconfig (default): the local kubeconfig's credentials; loopback only.
//   token: each user pastes a Kubernetes bearer token; the API server says who they are.
//   oidc: each user logs in at the cluster's OpenID provider (authorization code + PKCE); the
//         API server trusts the ID token, which Routeboard sends as the user's bearer token.
import { readFileSync } from "node:fs";

export type AuthMode = "kubeconfig" | "token" | "oidc";

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  /** ROUTEBOARD_OIDC_PROMPT: e.g. "consent", which strict providers need to issue a refresh token. */
  prompt?: string;
  /** Where the provider sends the browser back: <public URL>/api/auth/oidc/callback. */
  redirectUri: string;
}

export interface AuthConfig {
  mode: AuthMode;
  /** ROUTEBOARD_READ_ONLY=1: no write path exists (actions refuse, the UI has no editing controls). */
  readOnly: boolean;
  /** How long a login lasts (ROUTEBOARD_SESSION_HOURS, default 8). */
  sessionMs: number;
  /** Seals session cookies (ROUTEBOARD_SESSION_SECRET; random per process when unset). */
  sessionSecret: string;
  /** Cookies are Secure when Routeboard is served over https. */
  secureCookies: boolean;
  oidc?: OidcConfig;
}

const g = globalThis as typeof globalThis & { __routeboardSessionKey?: string };

function secretFrom(env: Record<string, string | undefined>): string {
  const file = env.ROUTEBOARD_SESSION_SECRET_FILE;
  const given = file ? readFileSync(file, "utf8").trim() : env.ROUTEBOARD_SESSION_SECRET;
  if (given) {
    if (given.length < 32) throw new Error("ROUTEBOARD_SESSION_SECRET must be at least 32 characters");
    return given;
  }
  // One replica can keep its key in memory: logins then end when the process restarts.
  g.__routeboardSessionKey ??= crypto.getRandomValues(new Uint8Array(32)).reduce((s, b) => s + b.toString(16).padStart(2, "0"), "");
  return g.__routeboardSessionKey;
}

/** The configuration, or why it is not usable (said at start and on every page). */
export function readAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  const mode = (env.ROUTEBOARD_AUTH?.trim() || "kubeconfig") as AuthMode;
  if (!["kubeconfig", "token", "oidc"].includes(mode)) throw new Error(`ROUTEBOARD_AUTH must be kubeconfig, token or oidc, not "${mode}"`);
  const hours = Number(env.ROUTEBOARD_SESSION_HOURS ?? "8");
  if (!(hours > 0 && hours <= 24 * 7)) throw new Error("ROUTEBOARD_SESSION_HOURS must be between 0 and 168");
  const publicUrl = env.ROUTEBOARD_PUBLIC_URL?.split(",")[0]?.trim();
  const cfg: AuthConfig = {
    mode,
    readOnly: env.ROUTEBOARD_READ_ONLY === "1" || env.ROUTEBOARD_READ_ONLY === "true",
    sessionMs: hours * 3_600_000,
    sessionSecret: mode === "kubeconfig" ? "" : secretFrom(env),
    secureCookies: publicUrl?.startsWith("https:") ?? false,
  };
  if (mode === "oidc") {
    const issuer = env.ROUTEBOARD_OIDC_ISSUER?.trim();
    const clientId = env.ROUTEBOARD_OIDC_CLIENT_ID?.trim();
    if (!issuer || !clientId) throw new Error("oidc login needs ROUTEBOARD_OIDC_ISSUER and ROUTEBOARD_OIDC_CLIENT_ID");
    if (!publicUrl) throw new Error("oidc login needs ROUTEBOARD_PUBLIC_URL (the address users open, for the provider's redirect)");
    const secretFile = env.ROUTEBOARD_OIDC_CLIENT_SECRET_FILE;
    const clientSecret = secretFile ? readFileSync(secretFile, "utf8").trim() : env.ROUTEBOARD_OIDC_CLIENT_SECRET;
    cfg.oidc = {
      issuer,
      clientId,
      ...(clientSecret && { clientSecret }),
      scopes: env.ROUTEBOARD_OIDC_SCOPES?.trim() || "openid email profile groups offline_access",
      ...(env.ROUTEBOARD_OIDC_PROMPT?.trim() && { prompt: env.ROUTEBOARD_OIDC_PROMPT.trim() }),
      redirectUri: `${publicUrl.replace(/\/$/, "")}/api/auth/oidc/callback`,
    };
  }
  return cfg;
}

let cached: AuthConfig | undefined;
/** The process's configuration, read once. */
export function authConfig(): AuthConfig {
  cached ??= readAuthConfig();
  return cached;
}
