// Turning a credential into a session: the API server says who it is (SelfSubjectReview), with
// the cluster Routeboard connects to. Server-only.
import { whoAmI } from "../store/cluster/who-am-i";
import { withBearer } from "../store/cluster/kubeconfig";
import { baseKubeConfig } from "../store/registry";
import type { Result } from "../store";
import type { AuthConfig } from "./config";
import type { Credential, Session } from "./session";

/** A session for this credential, or the API server's refusal in plain words. */
export async function loginWith(credential: Credential, cfg: AuthConfig, now = Date.now()): Promise<Result<Session>> {
  const base = baseKubeConfig();
  if (!base) return { ok: false, error: { type: "Unreachable", message: "Routeboard has no cluster to connect to." } };
  const bearer = credential.kind === "token" ? credential.token : credential.idToken;
  const who = await whoAmI(withBearer(base, bearer));
  if (!who.ok) return who;
  return { ok: true, value: { user: who.value, credential, exp: now + cfg.sessionMs } };
}

/** A return path after login: only a path of this site (no //host, no scheme). */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\\\") ? next : "/";
}
