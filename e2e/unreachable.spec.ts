import { startApiServer, stopApiServer } from "./cluster/cluster.ts";
import { clusterDir, expect, httpRoute, kubectl, test } from "./fixtures";

test("the API server stopped: the page says the cluster is unreachable, then recovers by itself", async ({ page, ns }) => {
  await kubectl(["create", "-f", "-"], httpRoute(ns, "before", { hostnames: ["before.example.com"] }));
  await page.goto(`/routes?q=ns:${ns}`);
  await expect(page.locator(`tr[data-route="${ns}/before"]`)).toBeVisible();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));

  await stopApiServer(clusterDir());
  try {
    await expect(page.getByText("The cluster is unreachable")).toBeVisible({ timeout: 30_000 });
    // What was last seen stays on screen, marked as such.
    await expect(page.locator(`tr[data-route="${ns}/before"]`)).toBeVisible();
    await expect(page.getByText("cluster unreachable")).toBeVisible();
  } finally {
    await startApiServer(clusterDir());
  }

  await expect(page.getByText("The cluster is unreachable")).toHaveCount(0, { timeout: 30_000 });
  await kubectl(["create", "-f", "-"], httpRoute(ns, "after", { hostnames: ["after.example.com"] }));
  await expect(page.locator(`tr[data-route="${ns}/after"]`)).toBeVisible();
  await expect(page.getByText("live", { exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});
