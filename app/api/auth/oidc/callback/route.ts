import { cookies } from "next/headers";
import { authConfig } from "@/lib/auth";
import { loginWith } from "@/lib/auth";
import { finishLogin, OIDC_COOKIE, type PendingLogin } from "@/lib/auth";
import { unseal } from "@/lib/auth";
import { sessionCookie } from "@/lib/auth";

export const dynamic = "force-dynamic";

/** GET /api/auth/oidc/callback?code=…&state=…: the provider's answer, exchanged for tokens. */
export async function GET(req: Request) {
  const cfg = authConfig();
  const jar = await cookies();
  if (cfg.mode !== "oidc" || !cfg.oidc) return new Response("OpenID login is not enabled here.\n", { status: 404 });
  // Back to the address users open (the request's own URL is the server's internal one).
  const site = cfg.oidc.redirectUri;
  const back = (error: string) => Response.redirect(new URL(`/login?error=${encodeURIComponent(error)}`, site), 302);
  const pending = unseal<PendingLogin>(jar.get(OIDC_COOKIE)?.value, cfg.sessionSecret);
  jar.delete(OIDC_COOKIE);
  if (!pending || pending.exp < Date.now()) return back("The login took too long or was started elsewhere: log in again.");
  let tokens;
  try {
    tokens = await finishLogin(cfg.oidc, new URL(req.url).search, pending);
  } catch (err) {
    console.warn(`routeboard: oidc callback refused: ${err instanceof Error ? err.message : String(err)}`);
    return back("The login provider's answer could not be checked: log in again.");
  }
  const s = await loginWith({ kind: "oidc", ...tokens }, cfg);
  if (!s.ok) {
    console.warn(`routeboard: the API server refused the ID token: ${s.error.message}`);
    return back(`The cluster does not accept this login (${s.error.message}). Its API server must trust ${cfg.oidc.issuer}.`);
  }
  const c = sessionCookie(s.value, cfg);
  jar.set(c.name, c.value, c.options);
  console.log(
    `routeboard: login (oidc) as ${s.value.user.username}, ID token valid until ${new Date(tokens.idTokenExp).toISOString()}${tokens.refreshToken ? ", with a refresh token" : ", no refresh token"}`,
  );
  return Response.redirect(new URL(pending.next, site), 302);
}
