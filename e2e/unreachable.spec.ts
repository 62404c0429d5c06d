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

test("a first load that failed leaves no 'did not answer' once the live stream has the data", async ({ page, ns }) => {
  await kubectl(["create", "-f", "-"], httpRoute(ns, "first-load", { hostnames: ["first-load.example.com"] }));
  // Every plain read fails, as while the server restarts; the event stream still connects.
  let failed = 0;
  await page.route("**/api/resources**", (r) => (failed++, r.abort()));
  await page.goto(`/routes?q=ns:${ns}`);
  await expect(page.locator(`tr[data-route="${ns}/first-load"]`)).toBeVisible();
  await expect(page.getByText("live", { exact: true })).toBeVisible();
  // The first try and its retry have both failed by now.
  await expect.poll(() => failed).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(300);
  await expect(page.getByText("Routeboard's server did not answer")).toHaveCount(0);
});
