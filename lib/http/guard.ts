// What every request to Routeboard must pass before Next.js sees it (proxy.ts applies it). Pure,
// so each attack is a unit test as well as an end-to-end one.
//
// Routeboard acts with the user's cluster credentials. A page on another site must not be able to
// use them: not by DNS rebinding (its own name resolving to 127.0.0.1, so the browser sends that
// name as Host), and not by a cross-site form or fetch (the browser sends its Origin).

export interface GuardConfig {
  /** host:port values (lower case) a request may be addressed to. */
  hosts: ReadonlySet<string>;
  /** Origins (scheme://host:port) a state-changing request may come from. */
  origins: ReadonlySet<string>;
  /** For messages: where Routeboard says it is served. */
  primary: string;
}

const LOOPBACK = ["127.0.0.1", "localhost", "[::1]"];

/** A URL's origin in the form browsers send (default ports left out), or undefined when it is not http(s). */
function originOf(url: URL): string | undefined {
  return url.protocol === "http:" || url.protocol === "https:" ? url.origin : undefined;
}

/**
 * The addresses of this server: the loopback names on its port (and the loopback address it is
 * bound to), plus each URL in ROUTEBOARD_PUBLIC_URL (comma-separated), for a tunnel on another
 * port, a port-forward or, with a login, a public name.
 */
export function guardConfig(env: Record<string, string | undefined>): GuardConfig {
  const port = env.PORT?.trim() || "3000";
  const names = new Set(LOOPBACK);
  const bound = env.ROUTEBOARD_HOST?.trim();
  // An unspecified address (0.0.0.0, ::) is where it listens, never a name a browser sends.
  if (bound && bound !== "0.0.0.0" && bound !== "::") names.add(bound.includes(":") && !bound.startsWith("[") ? `[${bound}]` : bound);
  const hosts = new Set<string>();
  const origins = new Set<string>();
  for (const n of names) {
    hosts.add(`${n}:${port}`.toLowerCase());
    origins.add(`http://${n}:${port}`.toLowerCase());
    if (port === "80") {
      hosts.add(n);
      origins.add(`http://${n}`);
    }
  }
  for (const raw of (env.ROUTEBOARD_PUBLIC_URL ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    const origin = originOf(url);
    if (!origin) continue;
    hosts.add(url.host.toLowerCase());
    origins.add(origin.toLowerCase());
  }
  return { hosts, origins, primary: `http://127.0.0.1:${port}` };
}

export interface RequestFacts {
  method: string;
  path: string;
  host: string | null;
  origin: string | null;
  /** Sec-Fetch-Site, which browsers send on every request. */
  fetchSite: string | null;
  /** Sec-Fetch-Mode: "navigate" for a page the user's tab goes to. */
  fetchMode?: string | null;
}

export type Verdict = { ok: true } | { ok: false; status: 403; message: string; log: string };

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function checkRequest(r: RequestFacts, cfg: GuardConfig): Verdict {
  // The health check answers whatever the Host (the kubelet probes by pod IP), and says only "ok".
  if (r.path === "/api/health" && r.method.toUpperCase() === "GET") return { ok: true };
  const host = (r.host ?? "").toLowerCase();
  const refuse = (message: string, log: string): Verdict => ({ ok: false, status: 403, message, log: `refused ${r.method} ${r.path}: ${log}` });
  if (!cfg.hosts.has(host)) {
    return refuse(
      `Routeboard answers only requests addressed to ${cfg.primary} (or localhost and [::1] on that port); this one was addressed to "${r.host ?? ""}". ` +
        `A web page whose name leads here is refused (DNS rebinding). If you reach Routeboard through a tunnel or proxy under another address, set ROUTEBOARD_PUBLIC_URL to that address.`,
      `Host "${r.host ?? ""}" is not an address of Routeboard`,
    );
  }
  if (!SAFE.has(r.method.toUpperCase())) {
    const origin = (r.origin ?? "").toLowerCase();
    if (!origin || !cfg.origins.has(origin)) {
      return refuse(
        `Routeboard accepts changes only from its own pages; this request came from ${r.origin ? `"${r.origin}"` : "no page (no Origin header)"}. Nothing was changed.`,
        r.origin ? `Origin "${r.origin}" is not Routeboard's` : "no Origin header on a state-changing request",
      );
    }
  }
  // Reads of the API are for Routeboard's own pages: a cross-site page gets nothing, not even a
  // response it cannot read (an open SSE stream costs watches).
  // A login provider sends the browser back to /api/auth/… from its own site: a navigation.
  const loginReturn = r.path.startsWith("/api/auth/") && r.fetchMode === "navigate" && r.method.toUpperCase() === "GET";
  if (r.path.startsWith("/api/") && !loginReturn && r.fetchSite && r.fetchSite !== "same-origin" && r.fetchSite !== "none") {
    return refuse(`Routeboard's API answers only its own pages; this request came from a ${r.fetchSite} page.`, `Sec-Fetch-Site ${r.fetchSite} on the API`);
  }
  return { ok: true };
}

/**
 * The Content-Security-Policy of every response: scripts only with this response's nonce (Next.js
 * puts it on its own scripts), nothing from other origins, no framing. Style attributes stay
 * allowed (React Flow positions nodes with them); style elements need the nonce. Next's dev
 * server needs eval for its error overlay.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers every response carries besides the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};
