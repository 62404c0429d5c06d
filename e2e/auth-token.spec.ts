// Issue #15: token login. Users paste a Kubernetes bearer token; the API server says who they
// are; every request then carries that token, so each user has exactly their own rights.
import type { Browser, Page } from "@playwright/test";
import { violations } from "./axe";
import { readState } from "./cluster/cluster.ts";
import { expect, httpRoute, kubectl, test } from "./fixtures";
import { startApp, type App } from "./server.ts";
import { actionIds, actionResult, callAction, raw } from "./security/attack.ts";

const tokens = () => readState(process.env.ROUTEBOARD_CLUSTER_DIR ?? "").tokens;
const env = (extra: Record<string, string> = {}) => ({ ROUTEBOARD_AUTH: "token", ROUTEBOARD_SESSION_SECRET: "t".repeat(40), ...extra });

let app: App;
test.beforeAll(async () => {
  app = await startApp({ kubeconfig: process.env.ROUTEBOARD_KUBECONFIG ?? "", env: env() });
});
test.afterAll(async () => app?.stop());

async function logIn(page: Page, a: App, token: string): Promise<void> {
  await page.goto(`${a.url}/login`);
  await page.getByLabel("Kubernetes bearer token").fill(token);
  await page.getByRole("button", { name: "Log in" }).click();
}

const sessionCookie = async (page: Page) => (await page.context().cookies()).find((c) => c.name === "routeboard-session")?.value ?? "";

test("without a session every page leads to the login and the API answers 401", async ({ page }) => {
  await page.goto(`${app.url}/routes?q=ns:team-a`);
  await expect(page).toHaveURL(/\/login\?next=/);
  expect(decodeURIComponent(new URL(page.url()).searchParams.get("next") ?? "")).toBe("/routes?q=ns:team-a");
  await expect(page.getByRole("heading", { name: "Log in to Routeboard" })).toBeVisible();
  expect((await raw(app.url, "/api/resources?kind=HTTPRoute")).status).toBe(401);
  expect((await callAction(app.url, actionIds().submitRoute ?? "", [{}, { dryRun: true }])).status).toBe(401);
});

test("an invalid token gets a clear message and no session", async ({ page }) => {
  await logIn(page, app, "not-a-real-token");
  await expect(page.getByText("The API server does not accept this token (it is invalid or has expired).")).toBeVisible();
  expect(await sessionCookie(page)).toBe("");
  // The login page, with its error shown, has no serious or critical accessibility violation (issue #14).
  expect(await violations(page)).toEqual([]);
});

test("a viewer logs in, sees the cluster as themselves, cannot write (the API server refuses), and logs out", async ({ page, ns }) => {
  await kubectl(["create", "-f", "-"], httpRoute(ns, "site", { hostnames: ["site.example.com"], rules: [{ backendRefs: [{ name: "web", port: 80 }] }] }));
  await page.goto(`${app.url}/routes/${ns}/site`);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Kubernetes bearer token").fill(tokens().viewer);
  await page.getByRole("button", { name: "Log in" }).click();
  // Back where the user was going.
  await expect(page).toHaveURL(new RegExp(`/routes/${ns}/site$`));
  await expect(page.locator("[data-user]")).toHaveAttribute("data-user", "viewer");
  await expect(page.getByTestId("store-banner")).toContainText("as user viewer");
  await expect(page.locator("[data-editor]")).toHaveAttribute("data-editor", "read-only");
  await expect(page.getByText(`Read-only: you (viewer) may not change HTTPRoutes in ${ns}`)).toBeVisible();
  // The session cookie is sealed and HttpOnly: the page's JavaScript cannot read the token.
  const cookie = (await page.context().cookies()).find((c) => c.name === "routeboard-session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(cookie?.value).not.toContain(tokens().viewer);
  expect(await page.evaluate(() => document.cookie)).not.toContain("routeboard-session");

  // Not only hidden: a write sent anyway is refused by the API server, as this user.
  const r = actionResult(
    await callAction(
      app.url,
      actionIds().submitRoute ?? "",
      [{ namespace: ns, name: "site2", resourceVersion: "", spec: { rules: [{ backendRefs: [{ name: "web", port: 80 }] }] } }, { dryRun: false }],
      {
        Cookie: `routeboard-session=${cookie?.value ?? ""}`,
      },
    ),
  );
  expect(r).toMatchObject({ ok: false, error: { type: "Forbidden", message: expect.stringContaining('User "viewer" cannot') } });
  expect(await kubectl(["get", "httproutes", "-n", ns, "-o", "name"])).not.toContain("site2");
  expect(app.logs()).toContain(`routeboard: apply HTTPRoute ${ns}/site2 as user viewer: Forbidden`);

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(`${app.url}/routes`);
  await expect(page).toHaveURL(/\/login\?next=/);
});

test("an expired session sends the user back to the login, and the draft is still there after it", async ({ browser }) => {
  test.setTimeout(90_000);
  const short = await startApp({ kubeconfig: process.env.ROUTEBOARD_KUBECONFIG ?? "", env: env({ ROUTEBOARD_SESSION_HOURS: "0.003" }) });
  try {
    const name = `expiry-${Date.now().toString(36)}`;
    await kubectl(
      ["apply", "--server-side", "--field-manager=routeboard", "-f", "-"],
      httpRoute("team-a", name, { rules: [{ matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [{ name: "web", port: 80 }] }] }),
    );
    const page = await (browser as Browser).newPage();
    await logIn(page, short, tokens().editor);
    // The login page goes on to its next page itself: wait for that before going elsewhere.
    await expect(page.locator("[data-user]")).toHaveAttribute("data-user", "editor");
    await page.goto(`${short.url}/routes/team-a/${name}`);
    await expect(page.locator("[data-editor]")).toHaveAttribute("data-editor", "editable");
    await page.getByLabel("Path of Rule 1", { exact: true }).fill("/kept-in-the-draft");
    // The session lasts ~11 s; then a reload lands on the login.
    await expect.poll(async () => (await page.reload(), page.url()), { timeout: 30_000, intervals: [2000] }).toMatch(/\/login\?next=.*expired=1/);
    await expect(page.getByText("Your session has ended")).toBeVisible();
    await page.getByLabel("Kubernetes bearer token").fill(tokens().editor);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(new RegExp(`/routes/team-a/${name}$`));
    await expect(page.locator("[data-restored]")).toBeVisible();
    await expect(page.getByLabel("Path of Rule 1", { exact: true })).toHaveValue("/kept-in-the-draft");
    await page.close();
  } finally {
    await short.stop();
  }
});
