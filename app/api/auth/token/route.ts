import { cookies } from "next/headers";
import { authConfig } from "@/lib/auth";
import { loginWith } from "@/lib/auth";
import { sessionCookie } from "@/lib/auth";

/** POST /api/auth/token {token}: token login; the API server says whose token it is. */
export async function POST(req: Request) {
  const cfg = authConfig();
  if (cfg.mode !== "token") return Response.json({ ok: false, message: "Token login is not enabled here." }, { status: 404 });
  const body = (await req.json().catch(() => ({}))) as { token?: unknown };
  const token = typeof body.token === "string" ? body.token.trim() : "";
  if (!token || token.length > 16_384) return Response.json({ ok: false, message: "Paste a Kubernetes bearer token." }, { status: 400 });
  const s = await loginWith({ kind: "token", token }, cfg);
  if (!s.ok) {
    console.warn(`routeboard: token login refused: ${s.error.message}`);
    return Response.json({ ok: false, message: s.error.message }, { status: 401 });
  }
  const c = sessionCookie(s.value, cfg);
  (await cookies()).set(c.name, c.value, c.options);
  console.log(`routeboard: login (token) as ${s.value.user.username}`);
  return Response.json({ ok: true, user: s.value.user });
}
