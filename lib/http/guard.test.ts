import { describe, expect, it } from "vitest";
import { checkRequest, contentSecurityPolicy, guardConfig, type RequestFacts } from "./guard";

const cfg = guardConfig({ PORT: "3000" });
const req = (r: Partial<RequestFacts>): RequestFacts => ({ method: "GET", path: "/routes", host: "127.0.0.1:3000", origin: null, fetchSite: null, ...r });

describe("checkRequest", () => {
  it("serves Routeboard's own addresses", () => {
    for (const host of ["127.0.0.1:3000", "localhost:3000", "[::1]:3000", "LOCALHOST:3000"]) expect(checkRequest(req({ host }), cfg)).toEqual({ ok: true });
  });

  it("refuses any other Host: DNS rebinding, another port, none", () => {
    for (const host of ["evil.example:3000", "127.0.0.1.nip.io:3000", "localhost:8080", "127.0.0.1", "", null]) {
      const v = checkRequest(req({ host }), cfg);
      expect(v.ok, String(host)).toBe(false);
      if (!v.ok) expect(v.message).toContain("ROUTEBOARD_PUBLIC_URL");
    }
  });

  it("needs Routeboard's own Origin on every state-changing request", () => {
    const post = (origin: string | null) => checkRequest(req({ method: "POST", origin }), cfg);
    expect(post("http://127.0.0.1:3000")).toEqual({ ok: true });
    expect(post("http://localhost:3000")).toEqual({ ok: true });
    for (const origin of [null, "null", "http://evil.example:3000", "http://127.0.0.1:3001", "https://127.0.0.1:3000"]) {
      expect(post(origin).ok, String(origin)).toBe(false);
    }
    expect(checkRequest(req({ method: "DELETE", origin: "http://evil.example" }), cfg).ok).toBe(false);
  });

  it("keeps the API to Routeboard's own pages", () => {
    expect(checkRequest(req({ path: "/api/resources", fetchSite: "same-origin" }), cfg).ok).toBe(true);
    expect(checkRequest(req({ path: "/api/resources", fetchSite: "none" }), cfg).ok).toBe(true);
    expect(checkRequest(req({ path: "/api/events", fetchSite: "cross-site" }), cfg).ok).toBe(false);
    expect(checkRequest(req({ path: "/api/events", fetchSite: "same-site" }), cfg).ok).toBe(false);
    // The login provider's redirect back is a cross-site navigation; a fetch of the same path is not.
    expect(checkRequest(req({ path: "/api/auth/oidc/callback", fetchSite: "cross-site", fetchMode: "navigate" }), cfg).ok).toBe(true);
    expect(checkRequest(req({ path: "/api/auth/oidc/callback", fetchSite: "cross-site", fetchMode: "cors" }), cfg).ok).toBe(false);
    expect(checkRequest(req({ path: "/api/resources", fetchSite: "cross-site", fetchMode: "navigate" }), cfg).ok).toBe(false);
    // A link from another site to a page is fine: pages need no credentials to be shown.
    expect(checkRequest(req({ path: "/routes", fetchSite: "cross-site" }), cfg).ok).toBe(true);
  });

  it("adds the configured public addresses, and a loopback address it is bound to", () => {
    const c = guardConfig({ PORT: "3000", ROUTEBOARD_PUBLIC_URL: "http://localhost:8080, https://routeboard.example.com", ROUTEBOARD_HOST: "127.0.0.2" });
    expect(checkRequest(req({ host: "localhost:8080" }), c).ok).toBe(true);
    expect(checkRequest(req({ host: "routeboard.example.com", method: "POST", origin: "https://routeboard.example.com" }), c).ok).toBe(true);
    expect(checkRequest(req({ host: "routeboard.example.com", method: "POST", origin: "http://routeboard.example.com" }), c).ok).toBe(false);
    expect(checkRequest(req({ host: "127.0.0.2:3000" }), c).ok).toBe(true);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, and no framing", () => {
    const csp = contentSecurityPolicy("abc", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("abc", true)).toContain("'unsafe-eval'");
  });
});
