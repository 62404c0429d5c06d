import { startApiServer, stopApiServer } from "./cluster/cluster.ts";
import { clusterDir, expect, httpRoute, kubectl, test } from "./fixtures";
import { createKnativeService, ksvcJson } from "./knative-traffic-fixtures";

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

test("an apply whose server action gets no answer says so with a retry, never stays at 'Applying…'; the retry applies", async ({ page, ns }) => {
  await createKnativeService(ns, {
    traffic: [
      { revisionName: "hello-00002", latestRevision: false, percent: 90 },
      { revisionName: "hello-00003", latestRevision: false, percent: 10 },
    ],
  });
  await page.goto(`/services/${ns}/hello`);
  const slider = page.getByRole("slider", { name: "hello-00003 percent" });
  await slider.focus();
  await page.keyboard.press("PageUp");
  await expect(slider).toHaveAttribute("aria-valuenow", "20");
  // As when Routeboard's server restarts: its server actions (POSTs with a Next-Action header) fail.
  await page.route(`**/services/${ns}/hello`, (r) =>
    r.request().method() === "POST" && r.request().headers()["next-action"] ? r.abort("connectionreset") : r.continue(),
  );
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.locator("[data-apply-status]")).toHaveAttribute("data-apply-status", "unreachable");
  await expect(page.getByText(/^No answer \(dry-run\): nothing is known to have changed/)).toBeVisible();
  await expect(page.getByText("Applying…")).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("apply-unreachable.png") });
  expect((await ksvcJson(ns)).spec.traffic?.[1]).toEqual({ revisionName: "hello-00003", latestRevision: false, percent: 10 });

  await page.unroute(`**/services/${ns}/hello`);
  await page.getByRole("button", { name: "Try again" }).click();
  // The server answers now: kubectl created the Service, so spec.traffic is its until taken over.
  await page.getByRole("button", { name: "Take over spec.traffic and apply" }).click();
  await expect(page.locator("[data-apply-status]")).toHaveAttribute("data-apply-status", "applied");
  await expect(page.locator("[data-apply-status]")).toContainText(/^Applied \(resourceVersion \d+\)\.$/);
  expect((await ksvcJson(ns)).spec.traffic?.[1]).toEqual({ revisionName: "hello-00003", latestRevision: false, percent: 20 });
});
