// A fresh clone with no kubeconfig: `npm start` (scripts/serve.mjs) serves the examples/
// workspace, and every page works on it. This spec starts its own app (no cluster involved).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startApp } from "./server.ts";

let app: Awaited<ReturnType<typeof startApp>>;
let home: string;

test.beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), "routeboard-nokube-"));
  // No kubeconfig anywhere: KUBECONFIG names a file that does not exist, HOME has no ~/.kube.
  app = await startApp({ kubeconfig: join(home, "absent-kubeconfig"), env: { HOME: home, KUBERNETES_SERVICE_HOST: "" } });
});

test.afterAll(async () => {
  await app?.stop();
  rmSync(home, { recursive: true, force: true });
});

/** Opens a page of the workspace app and checks what every page must show. */
async function openPage(page: Page, path: string): Promise<string[]> {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const res = await page.goto(app.url + path);
  expect(res?.status(), `${path} answers`).toBeLessThan(400);
  const banner = page.getByTestId("store-banner");
  await expect(banner).toHaveAttribute("data-mode", "workspace");
  await expect(banner).toContainText(/workspace/i);
  await expect(banner).toContainText("examples");
  return errors;
}

test("/routes lists the example routes, with the banner saying workspace", async ({ page }) => {
  const errors = await openPage(page, "/routes");
  for (const key of ["shop/shop", "api/api", "shop/checkout.shop.example.com", "billing/payments.billing.example.com"]) {
    await expect(page.locator(`tr[data-route="${key}"]`).first()).toBeVisible();
  }
  await expect(page.getByTestId("store-banner")).not.toContainText("problem");
  await page.screenshot({ path: `${test.info().outputDir}/../workspace-routes.png`, fullPage: true });
  expect(errors).toEqual([]);
});

for (const [title, path, text] of [
  ["the canvas of a shared-hostname route", "/routes/shop/shop", "shop.example.com"],
  ["the canvas of the path-routing route", "/routes/api/api", "api.example.com"],
  ["the Knative Services list", "/services", "checkout"],
  ["the canary sliders", "/services/shop/checkout", "checkout-00003"],
  ["the troubleshooting index", "/troubleshoot", "payments"],
  ["the broken chain of billing/payments", "/troubleshoot/ksvc/billing/payments", "NotAllowedByListeners"],
  ["the chain of the canary", "/troubleshoot/ksvc/shop/checkout", "checkout"],
  ["the migration planner", "/migrate", "blocked: HTTPRoute hello.legacy.example.com would be accepted"],
  ["the chain of a Service on net-istio", "/troubleshoot/ksvc/legacy/hello", "hello-ingress"],
] as const) {
  test(`${path}: ${title} on the examples`, async ({ page }) => {
    const errors = await openPage(page, path);
    await expect(page.locator("main")).toContainText(text, { timeout: 15_000 });
    expect(errors).toEqual([]);
  });
}
