import { describe, expect, it } from "vitest";
import { readAuthConfig } from "./config";
import { gate, isOpenPath } from "./gate";
import { safeNext } from "./login";
import { seal, unseal } from "./seal";
import { readSession, sessionCookie, type Session } from "./session";

const secret = "s".repeat(40);
const cfg = readAuthConfig({ ROUTEBOARD_AUTH: "token", ROUTEBOARD_SESSION_SECRET: secret });
const session = (exp = Date.now() + 60_000): Session => ({ user: { username: "alice", groups: ["dev"] }, credential: { kind: "token", token: "t0ken" }, exp });

describe("sealed sessions", () => {
  it("read back only with the same secret, unchanged, before they end", () => {
    const sealed = seal(session(), secret);
    expect(readSession(sealed, cfg)?.user.username).toBe("alice");
    expect(sealed).not.toContain("t0ken");
    expect(unseal(sealed, "x".repeat(40))).toBeUndefined();
    const flipped = sealed.slice(0, 20) + (sealed[20] === "A" ? "B" : "A") + sealed.slice(21);
    expect(unseal(flipped, secret)).toBeUndefined();
    expect(readSession(seal(session(Date.now() - 1), secret), cfg)).toBeUndefined();
  });

  it("are HttpOnly, SameSite=Lax, Secure over https; the session's end is sealed inside", () => {
    const c = sessionCookie(
      session(Date.now() + 3_600_000),
      readAuthConfig({ ROUTEBOARD_AUTH: "token", ROUTEBOARD_SESSION_SECRET: secret, ROUTEBOARD_PUBLIC_URL: "https://rb.example.com" }),
    );
    expect(c.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/" });
    // Kept a while after the end, so a user coming back is told the session ended.
    expect(c.options.maxAge).toBeGreaterThan(3590 + 12 * 3600);
    expect(readSession(c.value, cfg, Date.now() + 3_600_001)).toBeUndefined();
  });
});

describe("readAuthConfig", () => {
  it("defaults to the kubeconfig, and needs what each login needs", () => {
    expect(readAuthConfig({}).mode).toBe("kubeconfig");
    expect(() => readAuthConfig({ ROUTEBOARD_AUTH: "basic" })).toThrow(/kubeconfig, token or oidc/);
    expect(() => readAuthConfig({ ROUTEBOARD_AUTH: "oidc", ROUTEBOARD_OIDC_ISSUER: "https://idp" })).toThrow(/ROUTEBOARD_OIDC_CLIENT_ID/);
    expect(() => readAuthConfig({ ROUTEBOARD_AUTH: "oidc", ROUTEBOARD_OIDC_ISSUER: "https://idp", ROUTEBOARD_OIDC_CLIENT_ID: "rb" })).toThrow(
      /ROUTEBOARD_PUBLIC_URL/,
    );
    expect(() => readAuthConfig({ ROUTEBOARD_AUTH: "token", ROUTEBOARD_SESSION_SECRET: "short" })).toThrow(/at least 32/);
    const o = readAuthConfig({
      ROUTEBOARD_AUTH: "oidc",
      ROUTEBOARD_OIDC_ISSUER: "https://idp",
      ROUTEBOARD_OIDC_CLIENT_ID: "rb",
      ROUTEBOARD_PUBLIC_URL: "https://rb.example.com/",
    });
    expect(o.oidc?.redirectUri).toBe("https://rb.example.com/api/auth/oidc/callback");
  });
});

describe("gate", () => {
  it("sends requests without a session to the login, lets the login itself through", async () => {
    expect(await gate(cfg, { method: "GET", path: "/routes", cookie: undefined })).toEqual({ kind: "login", reason: "none" });
    expect(await gate(cfg, { method: "GET", path: "/routes", cookie: "garbage" })).toEqual({ kind: "login", reason: "expired" });
    expect(await gate(cfg, { method: "GET", path: "/routes", cookie: seal(session(), secret) })).toEqual({ kind: "pass" });
    for (const p of ["/login", "/api/auth/token", "/api/health", "/_next/static/chunks/a.js"]) expect(isOpenPath(p)).toBe(true);
    expect(isOpenPath("/api/resources")).toBe(false);
  });

  it("read-only mode refuses every state-changing request but logging in and out", async () => {
    const ro = { ...cfg, readOnly: true };
    expect(await gate(ro, { method: "POST", path: "/routes/a/b", cookie: seal(session(), secret) })).toEqual({ kind: "read-only" });
    expect(await gate({ ...ro, mode: "kubeconfig" }, { method: "POST", path: "/services/a/b", cookie: undefined })).toEqual({ kind: "read-only" });
    expect(await gate(ro, { method: "POST", path: "/api/auth/logout", cookie: undefined })).toEqual({ kind: "pass" });
  });

  it("an OIDC session whose ID token expires without a refresh token ends", async () => {
    const s: Session = { ...session(), credential: { kind: "oidc", idToken: "id", idTokenExp: Date.now() + 1000 } };
    expect(await gate({ ...cfg, mode: "oidc" }, { method: "GET", path: "/routes", cookie: seal(s, secret) })).toEqual({ kind: "login", reason: "expired" });
  });
});

describe("safeNext", () => {
  it("returns only to a path of this site", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\\\evil.example", "", undefined, null]) expect(safeNext(bad)).toBe("/");
    expect(safeNext("/routes?q=ns:a")).toBe("/routes?q=ns:a");
  });
});
