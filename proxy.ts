// Next.js proxy: every request passes lib/http/guard (Host, Origin) and, with token or OIDC
// login, lib/auth/gate (a session, refreshed before its ID token expires; read-only mode) before
// any page, route handler or server action runs; every response carries the security headers.
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { gate } from "@/lib/auth/gate";
import { SESSION_COOKIE, sessionCookie } from "@/lib/auth/session";
import { checkRequest, contentSecurityPolicy, guardConfig, SECURITY_HEADERS } from "@/lib/http";

const config_ = guardConfig(process.env);
const dev = process.env.NODE_ENV === "development";

function refuse(status: number, message: string, log: string): NextResponse {
  console.warn(`routeboard: ${log}`);
  return new NextResponse(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'", ...SECURITY_HEADERS },
  });
}

export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const verdict = checkRequest(
    {
      method: request.method,
      path,
      host: request.headers.get("host"),
      origin: request.headers.get("origin"),
      fetchSite: request.headers.get("sec-fetch-site"),
      fetchMode: request.headers.get("sec-fetch-mode"),
    },
    config_,
  );
  if (!verdict.ok) return refuse(verdict.status, verdict.message, verdict.log);

  const auth = authConfig();
  const g = await gate(auth, { method: request.method, path, cookie: request.cookies.get(SESSION_COOKIE)?.value });
  if (g.kind === "read-only") return refuse(403, "Routeboard runs read-only here: it makes no changes.", `refused ${request.method} ${path}: read-only`);
  if (g.kind === "login") {
    if (path.startsWith("/api/") || request.method !== "GET")
      return refuse(401, "Log in to Routeboard first (your session has ended or there is none).", `refused ${request.method} ${path}: not logged in`);
    const login = new URL("/login", request.nextUrl);
    login.searchParams.set("next", `${path}${request.nextUrl.search}`);
    if (g.reason === "expired") login.searchParams.set("expired", "1");
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, dev);
  // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const refreshed = g.refreshed ? sessionCookie(g.refreshed, auth) : undefined;
  if (refreshed) {
    console.log(`routeboard: refreshed the ID token of ${g.refreshed?.user.username}`);
    // The page rendering now sees the new tokens, and so does the browser from now on.
    request.cookies.set(refreshed.name, refreshed.value);
    requestHeaders.set("cookie", request.cookies.toString());
  }
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  if (refreshed) res.cookies.set(refreshed.name, refreshed.value, refreshed.options);
  res.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.headers.set(k, v);
  return res;
}

export const config = { matcher: "/:path*" };
