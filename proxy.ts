// Next.js proxy: every request passes lib/http/guard before any page, route handler or server
// action runs, and every response carries the security headers.
import { NextResponse, type NextRequest } from "next/server";
import { checkRequest, contentSecurityPolicy, guardConfig, SECURITY_HEADERS } from "@/lib/http/guard";

const config_ = guardConfig(process.env);
const dev = process.env.NODE_ENV === "development";

export function proxy(request: NextRequest) {
  const verdict = checkRequest(
    {
      method: request.method,
      path: request.nextUrl.pathname,
      host: request.headers.get("host"),
      origin: request.headers.get("origin"),
      fetchSite: request.headers.get("sec-fetch-site"),
    },
    config_,
  );
  if (!verdict.ok) {
    console.warn(`routeboard: ${verdict.log}`);
    return new NextResponse(`${verdict.message}\n`, {
      status: verdict.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'", ...SECURITY_HEADERS },
    });
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, dev);
  // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.headers.set(k, v);
  return res;
}

export const config = { matcher: "/:path*" };
