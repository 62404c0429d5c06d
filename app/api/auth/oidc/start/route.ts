import { cookies } from "next/headers";
import { authConfig } from "@/lib/auth";
import { safeNext } from "@/lib/auth";
import { OIDC_COOKIE, OIDC_FLOW_MS, startLogin } from "@/lib/auth";
import { seal } from "@/lib/auth";
import { cookieOptions } from "@/lib/auth";

export const dynamic = "force-dynamic";

/** GET /api/auth/oidc/start?next=/routes: off to the provider, with PKCE. */
export async function GET(req: Request) {
  const cfg = authConfig();
  if (cfg.mode !== "oidc" || !cfg.oidc) return new Response("OpenID login is not enabled here.\n", { status: 404 });
  try {
    const { url, pending } = await startLogin(cfg.oidc, safeNext(new URL(req.url).searchParams.get("next")));
    (await cookies()).set(OIDC_COOKIE, seal(pending, cfg.sessionSecret), cookieOptions(cfg, OIDC_FLOW_MS / 1000));
    return Response.redirect(url, 302);
  } catch (err) {
    console.warn(`routeboard: oidc discovery failed: ${err instanceof Error ? err.message : String(err)}`);
    return Response.redirect(new URL(`/login?error=${encodeURIComponent(`The login provider ${cfg.oidc.issuer} did not answer.`)}`, cfg.oidc.redirectUri), 302);
  }
}
