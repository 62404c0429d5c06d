import { expect, httpRoute, kubectl, test } from "./fixtures";
import { openRoute, shot } from "./canvas-helpers";

test("the hostname view shows every HTTPRoute on one hostname across namespaces, with the effective routing and shadowed rules", async ({ page, ns }) => {
  const other = `${ns}-b`;
  await kubectl(["create", "namespace", other]);
  const host = `${ns}.example.com`;
  await kubectl(
    ["create", "-f", "-"],
    httpRoute(ns, "shop", {
      hostnames: [host],
      rules: [{ matches: [{ path: { type: "PathPrefix", value: "/shop" } }], backendRefs: [{ name: "ecommerce", port: 80 }] }],
    }),
  );
  // creationTimestamp has one-second resolution: the older route must be older to win the tie.
  await new Promise((r) => setTimeout(r, 1100));
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "v1",
    kind: "List",
    items: [
      httpRoute(other, "inventory", {
        hostnames: [host],
        rules: [
          { matches: [{ path: { type: "PathPrefix", value: "/inventory" } }], backendRefs: [{ name: "inventory", port: 80 }] },
          // The same match as team shop's older route: it never wins.
          { matches: [{ path: { type: "PathPrefix", value: "/shop" } }], backendRefs: [{ name: "shop-copy", port: 80 }] },
        ],
      }),
    ],
  });
  await page.goto(`/routes?q=ns:${ns}`);
  await page.getByRole("link", { name: host }).first().click();
  await expect(page).toHaveURL(new RegExp(`/hosts/${host}$`));
  await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");
  await expect(page.locator("[data-hostname]")).toHaveCount(2);
  await expect(page.locator("[data-rule]")).toHaveCount(3);
  await expect(page.locator('[data-backend="ecommerce"]')).toBeVisible();
  await expect(page.locator('[data-backend="inventory"]')).toBeVisible();
  await expect(page.locator("[data-shadowed]")).toHaveCount(1);
  const table = page.locator("[data-routing-table]");
  await expect(table.locator('tr[data-row-shadowed="true"]')).toContainText(`shadowed by ${ns}/shop rule 1`);
  await expect(table).toContainText("inventory:80 100 %");
  await shot(page, "canvas-hostname-view.png");
});

test("undo and redo walk through edits, and a reload restores the unsaved draft", async ({ page, ns }) => {
  await kubectl(["create", "-f", "-"], httpRoute(ns, "web", { rules: [{ matches: [{ path: { type: "PathPrefix", value: "/" } }] }] }));
  await openRoute(page, ns, "web");
  const path = page.getByLabel("Path of Rule 1", { exact: true });
  await path.fill("/x");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.locator("[data-rule-index]")).toHaveCount(2);
  await page.locator(".react-flow__pane").click();
  await page.keyboard.press("Control+z");
  await expect(page.locator("[data-rule-index]")).toHaveCount(1);
  await page.keyboard.press("Control+Shift+z");
  await expect(page.locator("[data-rule-index]")).toHaveCount(2);
  // Delete removes the selected node; Ctrl+Z brings it back.
  await page.locator('[data-rule-index="1"]').getByText("Rule 2").click();
  await page.keyboard.press("Delete");
  await expect(page.locator("[data-rule-index]")).toHaveCount(1);
  await page.keyboard.press("Control+z");
  await expect(page.locator("[data-rule-index]")).toHaveCount(2);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator("[data-rule-index]")).toHaveCount(1);
  await expect(path).toHaveValue("/x");

  await page.reload();
  await expect(page.locator("[data-restored]")).toBeVisible();
  await expect(page.getByLabel("Path of Rule 1", { exact: true })).toHaveValue("/x");
  await page.getByRole("button", { name: "Discard them" }).click();
  await expect(page.getByLabel("Path of Rule 1", { exact: true })).toHaveValue("/");
});
