// Issue #15: OpenID Connect login through a real provider (e2e/oidc: oidc-provider, TLS from a
// test CA) that the test API server trusts (AuthenticationConfiguration). Two people log in at
// the same time through the authorization-code flow in Chromium; each acts as themselves.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, httpRoute, kubectl, test } from "./fixtures";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } from "./oidc/provider.ts";
import { startApp, type App } from "./server.ts";
import { actionIds, actionResult, callAction } from "./security/attack.ts";

let app: App;
test.beforeAll(async () => {
  const port = Number(process.env.ROUTEBOARD_OIDC_APP_PORT);
  app = await startApp({
    kubeconfig: process.env.ROUTEBOARD_KUBECONFIG ?? "",
    port,
    env: {
      ROUTEBOARD_AUTH: "oidc",
      ROUTEBOARD_OIDC_ISSUER: process.env.ROUTEBOARD_OIDC_ISSUER_URL ?? "",
      ROUTEBOARD_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
      ROUTEBOARD_OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET,
      ROUTEBOARD_OIDC_PROMPT: "consent",
      ROUTEBOARD_PUBLIC_URL: `http://127.0.0.1:${port}`,
      ROUTEBOARD_SESSION_SECRET: "o".repeat(40),
      // The provider's certificate is signed by the test CA.
      NODE_EXTRA_CA_CERTS: process.env.ROUTEBOARD_OIDC_CA_FILE ?? "",
    },
  });
});
test.afterAll(async () => app?.stop());

/** The provider's own login and consent pages (oidc-provider's development interactions). */
async function logInAs(browser: Browser, login: "viewer" | "editor", path: string): Promise<Page> {
  const ctx = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`${app.url}${path}`);
  await page.locator("[data-oidc-login]").click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any");
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]', { hasText: /continue/i }).click();
  await expect(page).toHaveURL(new RegExp(`^${app.url}${path.replace(/[?]/g, "\\?")}`));
  return page;
}

test("two people log in at once; each sees and may change exactly what their RBAC allows; a viewer's write is refused by the API server", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const name = `oidc-${randomBytes(3).toString("hex")}`;
  await kubectl(
    ["apply", "--server-side", "--field-manager=routeboard", "-f", "-"],
    httpRoute("team-a", name, { rules: [{ matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [{ name: "web", port: 80 }] }] }),
  );
  const [viewer, editor] = await Promise.all([logInAs(browser, "viewer", `/routes/team-a/${name}`), logInAs(browser, "editor", `/routes/team-a/${name}`)]);

  await expect(viewer.locator("[data-user]")).toHaveAttribute("data-user", "oidc:viewer@example.test");
  await expect(editor.locator("[data-user]")).toHaveAttribute("data-user", "oidc:editor@example.test");
  await expect(viewer.locator("[data-editor]")).toHaveAttribute("data-editor", "read-only");
  await expect(editor.locator("[data-editor]")).toHaveAttribute("data-editor", "editable");

  // The editor changes the route in team-a; kubectl sees it.
  await editor.getByLabel("Path of Rule 1", { exact: true }).fill("/by-oidc");
  await editor.getByRole("button", { name: "Dry-run" }).click();
  await expect(editor.locator("[data-apply-status]")).toHaveAttribute("data-apply-status", "dry-run-ok");
  await editor.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(editor.locator("[data-apply-status]")).toHaveAttribute("data-apply-status", "applied");
  const stored = JSON.parse(await kubectl(["get", "httproute", name, "-n", "team-a", "-o", "json"])) as {
    spec: { rules: { matches: { path: { value: string } }[] }[] };
  };
  expect(stored.spec.rules[0]?.matches[0]?.path.value).toBe("/by-oidc");
  expect(app.logs()).toContain(`routeboard: apply HTTPRoute team-a/${name} as user oidc:editor@example.test: ok`);

  // The viewer's write, sent anyway with the viewer's session: the API server refuses it.
  const cookie = (await viewer.context().cookies()).find((c) => c.name === "routeboard-session")?.value ?? "";
  expect(await viewer.evaluate(() => document.cookie)).not.toContain("routeboard-session");
  const r = actionResult(
    await callAction(
      app.url,
      actionIds().submitRoute ?? "",
      [{ namespace: "team-a", name: `${name}-v`, resourceVersion: "", spec: { rules: [{ backendRefs: [{ name: "web", port: 80 }] }] } }, { dryRun: false }],
      { Cookie: `routeboard-session=${cookie}` },
    ),
  );
  expect(r).toMatchObject({ ok: false, error: { type: "Forbidden", message: expect.stringContaining('User "oidc:viewer@example.test" cannot') } });

  // The editor in team-b: the API server's access review says no, the page says so.
  await kubectl(["create", "-f", "-"], httpRoute("team-b", name, { rules: [{ backendRefs: [{ name: "web", port: 80 }] }] }));
  await editor.goto(`${app.url}/routes/team-b/${name}`);
  await expect(editor.locator("[data-editor]")).toHaveAttribute("data-editor", "read-only");
  await editor.screenshot({ path: test.info().outputPath("oidc-editor-team-b.png") });
  await viewer.context().close();
  await editor.context().close();
});

test("an ID token about to expire is refreshed with the refresh token; the user stays logged in", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await logInAs(browser, "viewer", "/routes");
  const before = (await page.context().cookies()).find((c) => c.name === "routeboard-session")?.value;
  // The provider's ID tokens last 75 s; Routeboard refreshes within a minute of expiry.
  await expect
    .poll(async () => (await page.reload(), app.logs().includes("refreshed the ID token of oidc:viewer@example.test")), { timeout: 40_000, intervals: [3000] })
    .toBe(true);
  const after = (await page.context().cookies()).find((c) => c.name === "routeboard-session")?.value;
  expect(after).not.toBe(before);
  await expect(page.locator("[data-user]")).toHaveAttribute("data-user", "oidc:viewer@example.test");
  await expect(page.getByRole("heading", { name: "HTTPRoutes" })).toBeVisible();
  await page.context().close();
});
