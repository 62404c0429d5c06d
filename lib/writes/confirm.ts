// Taking fields over from another field manager (server-side apply's force) is the server's
// decision, made only when the request carries a confirmation the server itself issued for the
// very conflict the user was shown: the same user, object and change, the same managers, and
// recent. A client cannot ask for force; it can only hand back what it was given.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FieldConflict } from "../store";

/** How long a shown conflict may be confirmed. */
export const CONFIRM_TTL_MS = 10 * 60_000;

const g = globalThis as typeof globalThis & { __routeboardConfirmKey?: Buffer };
const key = (): Buffer => (g.__routeboardConfirmKey ??= randomBytes(32));

export interface ConfirmScope {
  /** Whose session: the kubeconfig context, or the workspace. */
  who: string;
  /** kind/namespace/name */
  object: string;
  /** The change itself (the body without its resourceVersion). */
  change: unknown;
}

interface Claims {
  scope: string;
  managers: string[];
  exp: number;
}

const digest = (s: ConfirmScope) =>
  createHash("sha256")
    .update(JSON.stringify([s.who, s.object, s.change]))
    .digest("base64url");
const sign = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url");

/** A confirmation for overwriting these conflicts with exactly this change. */
export function issueConfirmation(scope: ConfirmScope, conflicts: readonly FieldConflict[], now = Date.now()): string {
  const claims: Claims = { scope: digest(scope), managers: [...new Set(conflicts.map((c) => c.manager))].sort(), exp: now + CONFIRM_TTL_MS };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The managers the user agreed to take fields from, or undefined when the token is not one we issued for this change. */
export function confirmedManagers(token: unknown, scope: ConfirmScope, now = Date.now()): Set<string> | undefined {
  if (typeof token !== "string" || token.length > 4096) return undefined;
  const [payload, mac] = token.split(".");
  if (!payload || !mac) return undefined;
  const want = Buffer.from(sign(payload));
  const got = Buffer.from(mac);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return undefined;
  let claims: Claims;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Claims;
  } catch {
    return undefined;
  }
  if (claims.scope !== digest(scope) || !(claims.exp > now) || !Array.isArray(claims.managers)) return undefined;
  return new Set(claims.managers);
}
