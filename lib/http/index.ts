// Public API of lib/http: the request guard every request passes (proxy.ts).
export { checkRequest, contentSecurityPolicy, guardConfig, SECURITY_HEADERS } from "./guard";
