// A real OpenID Provider for the tests: panva's oidc-provider (a certified implementation) on
// loopback, over TLS from a test CA made with openssl, with two users. The test kube-apiserver
// trusts it through an AuthenticationConfiguration, as a cluster trusts its company's provider.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Provider from "oidc-provider";

export const OIDC_CLIENT_ID = "routeboard";
export const OIDC_CLIENT_SECRET = "routeboard-test-secret";

/** The test users: login name → e-mail (the API server's username, prefixed) and groups. */
export const OIDC_USERS = {
  viewer: { email: "viewer@example.test", groups: ["readers"] },
  editor: { email: "editor@example.test", groups: ["team-a"] },
} as const;

export interface TestProvider {
  issuer: string;
  /** PEM of the test CA (the API server and Routeboard trust it). */
  caFile: string;
  ca: string;
  stop: () => Promise<void>;
}

/** A CA and a certificate for 127.0.0.1 signed by it. */
function testCa(dir: string): { ca: string; key: string; cert: string } {
  const o = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  o("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=routeboard test CA");
  o("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tls.key", "-out", "tls.csr", "-subj", "/CN=127.0.0.1");
  writeFileSync(
    join(dir, "san.ext"),
    "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n",
  );
  o("x509", "-req", "-in", "tls.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "tls.crt", "-days", "2", "-extfile", "san.ext");
  return { ca: readFileSync(join(dir, "ca.crt"), "utf8"), key: readFileSync(join(dir, "tls.key"), "utf8"), cert: readFileSync(join(dir, "tls.crt"), "utf8") };
}

/**
 * Starts the provider on `port` for a Routeboard that will listen on `appPort` (its redirect URI
 * is registered up front, as with any real provider).
 */
export async function startTestProvider(port: number, appPort: number): Promise<TestProvider> {
  const dir = mkdtempSync(join(tmpdir(), "routeboard-oidc-"));
  const tls = testCa(dir);
  const issuer = `https://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [`http://127.0.0.1:${appPort}/api/auth/oidc/callback`],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
      },
    ],
    claims: { email: ["email"], groups: ["groups"] },
    // The API server reads the username and groups from the ID token itself.
    conformIdTokenClaims: false,
    scopes: ["openid", "email", "groups", "offline_access"],
    async findAccount(_ctx, id) {
      const u = (OIDC_USERS as Record<string, { email: string; groups: readonly string[] }>)[id];
      return u ? { accountId: id, claims: () => ({ sub: id, email: u.email, groups: [...u.groups] }) } : undefined;
    },
    features: { devInteractions: { enabled: true } },
    // Short ID tokens, so that the tests see Routeboard refresh one (it does so a minute before expiry).
    ttl: { IdToken: 75, AccessToken: 75, RefreshToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    cookies: { keys: ["routeboard-test-cookie-key"] },
  });
  provider.proxy = false;
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    caFile: join(dir, "ca.crt"),
    ca: tls.ca,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

/** The API server's trust in the provider: ID tokens for Routeboard, users `oidc:<email>`. */
export function authenticationConfig(p: Pick<TestProvider, "issuer" | "ca">): string {
  const ca = p.ca
    .trim()
    .split("\n")
    .map((l) => `      ${l}`)
    .join("\n");
  return `apiVersion: apiserver.config.k8s.io/v1beta1
kind: AuthenticationConfiguration
jwt:
- issuer:
    url: ${p.issuer}
    audiences: [${OIDC_CLIENT_ID}]
    certificateAuthority: |
${ca}
  claimMappings:
    username:
      claim: email
      prefix: "oidc:"
    groups:
      claim: groups
      prefix: "oidc:"
`;
}
