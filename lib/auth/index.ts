// Public API of lib/auth: what app/ and components/ use (ARCHITECTURE.md).
export { authConfig } from "./config";
export { loginWith, safeNext } from "./login";
export { OIDC_COOKIE, OIDC_FLOW_MS, finishLogin, startLogin, type PendingLogin } from "./oidc";
export { seal, unseal } from "./seal";
export { SESSION_COOKIE, cookieOptions, sessionCookie } from "./session";
