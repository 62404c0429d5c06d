import { stringify } from "yaml";

export const TEST_USERS = ["admin", "viewer", "editor"] as const;
export type TestUser = (typeof TEST_USERS)[number];

/** A kubeconfig with one context per test user, all on one cluster; admin is current. */
export function testKubeconfig(server: string, caPem: string, tokens: Record<TestUser, string>): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name: "routeboard-test",
        cluster: { server, "certificate-authority-data": Buffer.from(caPem).toString("base64") },
      },
    ],
    users: TEST_USERS.map((u) => ({ name: u, user: { token: tokens[u] } })),
    contexts: TEST_USERS.map((u) => ({
      name: u,
      context: { cluster: "routeboard-test", user: u, namespace: "default" },
    })),
    "current-context": "admin",
  });
}
