// A workspace of the user's own (a copy of examples/): files changed on disk reach open pages
// live, a malformed file is named in the banner, and a dump file opens read-only.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { parse } from "yaml";
import { startApp } from "./server.ts";

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: added-on-disk
  namespace: shop
spec:
  hostnames: [added.example.com]
  rules:
  - backendRefs:
    - {name: storefront, port: 80}
`;

test.describe("a workspace folder passed with --workspace", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let dir: string;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "routeboard-ws-e2e-"));
    cpSync(resolve("examples"), dir, { recursive: true });
    app = await startApp({ kubeconfig: join(dir, "absent-kubeconfig"), workspace: dir });
  });
  test.afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a route written to the folder appears on the open page; a malformed file is reported", async ({ page }) => {
    await page.goto(`${app.url}/routes`);
    await expect(page.getByTestId("store-banner")).toContainText(dir);
    await expect(page.locator('tr[data-route="shop/shop"]').first()).toBeVisible();
    writeFileSync(join(dir, "shop", "added.yaml"), ROUTE);
    await expect(page.locator('tr[data-route="shop/added-on-disk"]').first()).toBeVisible({ timeout: 15_000 });
    rmSync(join(dir, "shop", "added.yaml"));
    await expect(page.locator('tr[data-route="shop/added-on-disk"]')).toHaveCount(0, { timeout: 15_000 });

    writeFileSync(join(dir, "broken.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels: {a: b\n");
    await page.reload();
    await expect(page.getByTestId("store-banner")).toContainText("1 problem in the workspace files");
    await page.getByTestId("store-banner").getByText("1 problem").click();
    await expect(page.getByTestId("store-banner")).toContainText(/broken\.yaml:\d+:\d+/);
    await expect(page.locator('tr[data-route="api/api"]').first()).toBeVisible();
    rmSync(join(dir, "broken.yaml"));
  });

  test("the canary sliders apply to the Service's file, rewriting only the traffic", async ({ page }) => {
    const file = join(dir, "canary", "checkout-service.yaml");
    const before = readFileSync(file, "utf8");
    await page.goto(`${app.url}/services/shop/checkout`);
    await page.getByRole("button", { name: "Set checkout-00001 to 50 %" }).click();
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Applied" })).toBeVisible({ timeout: 15_000 });
    const after = readFileSync(file, "utf8");
    expect(after).not.toBe(before);
    // Every line that went away was a percent; comments and everything else stayed byte for byte.
    const kept = new Set(after.split("\n"));
    expect(
      before
        .split("\n")
        .filter((l) => !kept.has(l))
        .every((l) => /^\s+percent: \d+$/.test(l)),
    ).toBe(true);
    expect(after.startsWith(before.slice(0, before.indexOf("apiVersion:")))).toBe(true);
    const traffic = (parse(after) as { spec: { traffic: { percent: number }[] } }).spec.traffic;
    expect(traffic[0]?.percent).toBe(50);
    expect(traffic.reduce((s, t) => s + t.percent, 0)).toBe(100);
  });
});

test.describe("a kubectl dump file passed with --workspace", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  test.beforeAll(async () => {
    app = await startApp({ kubeconfig: "/nonexistent/kubeconfig", workspace: resolve("examples/broken/payments-dump.yaml") });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("opens read-only, and the banner says so", async ({ page }) => {
    await page.goto(`${app.url}/routes`);
    const banner = page.getByTestId("store-banner");
    await expect(banner).toHaveAttribute("data-mode", "dump");
    await expect(banner).toContainText("Read-only dump file");
    await expect(page.locator('tr[data-route="billing/payments.billing.example.com"]').first()).toBeVisible();
  });
});
