// OpenID Connect login with openid-client: the authorization code flow with PKCE, against the
// provider the cluster's API server trusts. Server-only; tokens stay in the sealed cookie.
import * as client from "openid-client";
import type { OidcConfig } from "./config";

export const OIDC_COOKIE = "routeboard-oidc";
/** How long a login at the provider may take. */
export const OIDC_FLOW_MS = 10 * 60_000;

export interface PendingLogin {
  verifier: string;
  state: string;
  nonce: string;
  /** The page to return to. */
  next: string;
  exp: number;
}

// Per module instance, not on globalThis: the proxy and the route handlers are bundled apart,
// each with its own openid-client, whose functions accept only their own Configuration objects.
let discovered: Promise<client.Configuration> | undefined;

/** The provider's configuration (discovery), fetched once; a failed discovery is retried next time. */
export function provider(o: OidcConfig): Promise<client.Configuration> {
  discovered ??= client.discovery(new URL(o.issuer), o.clientId, o.clientSecret).catch((err: unknown) => {
    discovered = undefined;
    throw err;
  });
  return discovered;
}

export async function startLogin(o: OidcConfig, next: string): Promise<{ url: string; pending: PendingLogin }> {
  const config = await provider(o);
  const verifier = client.randomPKCECodeVerifier();
  const pending: PendingLogin = { verifier, state: client.randomState(), nonce: client.randomNonce(), next, exp: Date.now() + OIDC_FLOW_MS };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: o.redirectUri,
    scope: o.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
    ...(o.prompt && { prompt: o.prompt }),
  });
  return { url: url.href, pending };
}

export interface OidcTokens {
  idToken: string;
  refreshToken?: string;
  idTokenExp: number;
}

function tokensOf(t: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers): OidcTokens {
  const claims = t.claims();
  if (!t.id_token || !claims) throw new Error("the provider sent no ID token");
  return { idToken: t.id_token, ...(t.refresh_token && { refreshToken: t.refresh_token }), idTokenExp: claims.exp * 1000 };
}

/** The callback: the code exchanged for tokens, checked against what the login started with. */
export async function finishLogin(o: OidcConfig, callbackSearch: string, pending: PendingLogin): Promise<OidcTokens> {
  const config = await provider(o);
  const current = new URL(o.redirectUri);
  current.search = callbackSearch;
  const t = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  return tokensOf(t);
}

/** New tokens from the refresh token, before the ID token expires. */
export async function refreshTokens(o: OidcConfig, refreshToken: string): Promise<OidcTokens> {
  const t = await client.refreshTokenGrant(await provider(o), refreshToken);
  const tokens = tokensOf(t);
  return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
}
