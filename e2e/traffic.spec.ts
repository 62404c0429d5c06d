import type { Page } from "@playwright/test";
import { expect, kubectl, test } from "./fixtures";
import { createKnativeService, ksvcJson } from "./knative-traffic-fixtures";

const slider = (page: Page, label: string) => page.getByRole("slider", { name: `${label} percent` });
const apply = (page: Page) => page.getByRole("button", { name: "Apply", exact: true });

/** Drag a slider's thumb from its current position to `percent` of its track with the mouse. */
async function dragTo(page: Page, label: string, percent: number) {
  const s = slider(page, label);
  const box = await s.boundingBox();
  if (!box) throw new Error(`no box for slider ${label}`);
  const now = Number(await s.getAttribute("aria-valuenow"));
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + (box.width * now) / 100, y);
  await page.mouse.down();
  await page.mouse.move(box.x + (box.width * (percent / 2)) / 100, y, { steps: 3 });
  await page.mouse.move(box.x + (box.width * percent) / 100, y, { steps: 3 });
  await page.mouse.up();
}

test("a canary added from the revision list, moved to 10 % with the mouse and 25 % with the keyboard, is applied; Roll back survives a reload", async ({
  page,
  ns,
}) => {
  await createKnativeService(ns, { traffic: [{ revisionName: "hello-00002", latestRevision: false, percent: 100 }] });

  await page.goto(`/services?`);
  await page.locator(`tr[data-service="${ns}/hello"]`).getByRole("link", { name: "hello" }).click();
  await expect(page.getByRole("heading", { name: /hello/ })).toBeVisible();
  await expect(slider(page, "hello-00002")).toHaveAttribute("aria-valuenow", "100");

  // The revision list: readiness, image and today's traffic; hello-00003 joins at 0 %.
  const row3 = page.locator('tr[data-revision="hello-00003"]');
  await expect(row3).toContainText("ghcr.io/example/hello:v3");
  await expect(row3.locator('[data-condition="Ready"]')).toHaveAttribute("data-status", "True");
  await expect(page.locator('tr[data-revision="hello-00002"]')).toContainText("100 %");
  await row3.getByRole("button", { name: "Add hello-00003 to the traffic" }).click();
  await expect(slider(page, "hello-00003")).toHaveAttribute("aria-valuenow", "0");

  await dragTo(page, "hello-00003", 10);
  await expect(slider(page, "hello-00003")).toHaveAttribute("aria-valuenow", "10");
  await expect(slider(page, "hello-00002")).toHaveAttribute("aria-valuenow", "90");

  await slider(page, "hello-00003").focus();
  await page.keyboard.press("PageUp");
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowUp");
  await expect(slider(page, "hello-00003")).toHaveAttribute("aria-valuenow", "25");
  await expect(slider(page, "hello-00002")).toHaveAttribute("aria-valuenow", "75");
  await expect(slider(page, "hello-00003")).toHaveAttribute("aria-valuetext", "25 %");

  await page.getByRole("textbox", { name: "Tag of hello-00003" }).fill("canary");
  await expect(page.locator("[data-tag-url]")).toHaveText(`→ http://canary-hello.${ns}.svc.cluster.local`);
  // What it will produce: the HTTPRoute weights net-gateway-api will write.
  await expect(page.getByRole("region", { name: "Route and HTTPRoutes diff" })).toContainText("weight: 25");
  await page.screenshot({ path: "test-results/traffic-canary-25.png" });

  await apply(page).click();
  // kubectl created the Service, so kubectl-create owns spec.traffic: taking it over is the user's call.
  await expect(page.getByText("Another tool manages spec.traffic")).toBeVisible();
  await expect(page.getByText(/kubectl-create/)).toBeVisible();
  await page.getByRole("button", { name: "Take over spec.traffic and apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied" })).toBeVisible();

  const applied = await ksvcJson(ns);
  expect(applied.spec.traffic).toEqual([
    { revisionName: "hello-00002", latestRevision: false, percent: 75 },
    { revisionName: "hello-00003", latestRevision: false, percent: 25, tag: "canary" },
  ]);
  expect(JSON.parse(applied.metadata.annotations?.["routeboard.dev/previous-traffic"] ?? "null")).toEqual([
    { revisionName: "hello-00002", latestRevision: false, percent: 100 },
  ]);

  // Roll back after a reload: the split before the last apply is on the Service itself.
  await page.reload();
  await expect(slider(page, "hello-00003")).toHaveAttribute("aria-valuenow", "25");
  await page.getByRole("button", { name: "Roll back" }).click();
  await expect(slider(page, "hello-00002")).toHaveAttribute("aria-valuenow", "100");
  await expect(slider(page, "hello-00003")).toHaveCount(0);
  await apply(page).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied" })).toBeVisible();
  expect((await ksvcJson(ns)).spec.traffic).toEqual([{ revisionName: "hello-00002", latestRevision: false, percent: 100 }]);
});

test("a tag with a dot, or percents that do not sum to 100, give a clear error and Apply stays disabled", async ({ page, ns }) => {
  // No webhook runs here, so a Service can hold traffic Knative would refuse (60 + 50).
  await createKnativeService(ns, {
    traffic: [
      { revisionName: "hello-00002", latestRevision: false, percent: 60 },
      { revisionName: "hello-00003", latestRevision: false, percent: 50 },
    ],
  });
  await page.goto(`/services/${ns}/hello`);
  await expect(page.getByText("The percents sum to 110 %, not 100 %")).toBeVisible();
  await expect(page.getByText("The percents sum to 110 %; Knative needs exactly 100 %.")).toBeVisible();
  await expect(apply(page)).toBeDisabled();
  // Moving a slider keeps the (wrong) total; it cannot make it valid by itself.
  await slider(page, "hello-00003").focus();
  await page.keyboard.press("ArrowDown");
  await expect(slider(page, "hello-00002")).toHaveAttribute("aria-valuenow", "61");
  await expect(apply(page)).toBeDisabled();

  await page.getByRole("button", { name: "Scale to 100 %" }).click();
  await expect(slider(page, "hello-00002")).toHaveAttribute("aria-valuenow", "55");
  await expect(slider(page, "hello-00003")).toHaveAttribute("aria-valuenow", "45");
  await expect(apply(page)).toBeEnabled();

  const tag = page.getByRole("textbox", { name: "Tag of hello-00003" });
  await tag.fill("v1.2");
  await expect(tag).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/"v1.2" contains a dot/).first()).toBeVisible();
  await expect(page.getByText(/hello-00003: "v1.2" contains a dot/)).toBeVisible();
  await expect(apply(page)).toBeDisabled();
  await expect(page.locator("[data-tag-url]")).toHaveCount(0);
  await page.screenshot({ path: "test-results/traffic-invalid.png" });

  await tag.fill("v1-2");
  await expect(apply(page)).toBeEnabled();
  await expect(page.locator("[data-tag-url]")).toHaveText(`→ http://v1-2-hello.${ns}.svc.cluster.local`);
});

test("a change made with kubectl between load and apply is caught and shown; overwriting is an explicit choice", async ({ page, ns }) => {
  await createKnativeService(ns, {
    traffic: [
      { revisionName: "hello-00002", latestRevision: false, percent: 90 },
      { revisionName: "hello-00003", latestRevision: false, percent: 10 },
    ],
  });
  await page.goto(`/services/${ns}/hello`);
  await slider(page, "hello-00003").focus();
  await page.keyboard.press("PageUp");
  await expect(slider(page, "hello-00003")).toHaveAttribute("aria-valuenow", "20");

  // Someone else, meanwhile: all traffic to hello-00001.
  await kubectl([
    "patch",
    "ksvc",
    "hello",
    "-n",
    ns,
    "--type=merge",
    "-p",
    JSON.stringify({ spec: { traffic: [{ revisionName: "hello-00001", latestRevision: false, percent: 100 }] } }),
  ]);
  await expect(page.getByText("Changed in the cluster since you started editing")).toBeVisible();

  await apply(page).click();
  const stale = page.getByRole("alert").filter({ hasText: "This Service was changed by someone else since you loaded it" });
  await expect(stale).toBeVisible();
  await expect(stale).toContainText("kubectl-patch");
  await expect(stale.locator('[data-diff="add"]').filter({ hasText: "hello-00001" })).toBeVisible();
  await page.screenshot({ path: "test-results/traffic-stale.png" });
  // Nothing was overwritten.
  expect((await ksvcJson(ns)).spec.traffic).toEqual([{ revisionName: "hello-00001", latestRevision: false, percent: 100 }]);

  await stale.getByRole("button", { name: "Apply over their change" }).click();
  await page.getByRole("button", { name: "Take over spec.traffic and apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied" })).toBeVisible();
  expect((await ksvcJson(ns)).spec.traffic).toEqual([
    { revisionName: "hello-00002", latestRevision: false, percent: 80 },
    { revisionName: "hello-00003", latestRevision: false, percent: 20 },
  ]);
});

test("a fraction of a percent is refused beside the field, in words, and nothing moves", async ({ page, ns }) => {
  await createKnativeService(ns, {
    traffic: [
      { revisionName: "hello-00002", latestRevision: false, percent: 90 },
      { revisionName: "hello-00003", latestRevision: false, percent: 10 },
    ],
  });
  await page.goto(`/services/${ns}/hello`);
  // At rest: no diff beside "No change to apply".
  await expect(page.locator("[data-produced-at-rest]")).toBeVisible();
  await expect(page.locator("[data-diff]")).toHaveCount(0);
  const field = page.getByRole("spinbutton", { name: "hello-00003 percent value" });
  await field.fill("0.5");
  await field.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Knative takes whole percents (0 to 100): 0.5 % cannot be set" })).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(slider(page, "hello-00003")).toHaveAttribute("aria-valuenow", "10");
  await expect(apply(page)).toBeDisabled();
});

test("locks, quick steps, the numeric field, Home/End, promote and remove keep the split at exactly 100", async ({ page, ns }) => {
  await createKnativeService(ns, {
    traffic: [
      { revisionName: "hello-00002", latestRevision: false, percent: 60 },
      { revisionName: "hello-00003", latestRevision: false, percent: 40 },
    ],
  });
  await page.goto(`/services/${ns}/hello`);
  await page.getByRole("button", { name: "Add @latest" }).click();
  await page.getByRole("button", { name: "Lock hello-00002" }).click();
  await expect(page.getByRole("button", { name: "Lock hello-00002" })).toHaveAttribute("aria-pressed", "true");

  // End: as far as the unlocked others allow; the locked 60 stays.
  await slider(page, "@latest").focus();
  await page.keyboard.press("End");
  await expect(slider(page, "@latest")).toHaveAttribute("aria-valuenow", "40");
  await expect(slider(page, "hello-00003")).toHaveAttribute("aria-valuenow", "0");
  await expect(slider(page, "hello-00002")).toHaveAttribute("aria-valuenow", "60");

  await page.getByRole("button", { name: "Set @latest to 10 %" }).click();
  await expect(slider(page, "hello-00003")).toHaveAttribute("aria-valuenow", "30");

  const field = page.getByRole("spinbutton", { name: "hello-00003 percent value" });
  await field.fill("5");
  await field.press("Enter");
  await expect(slider(page, "hello-00003")).toHaveAttribute("aria-valuenow", "5");
  await expect(slider(page, "@latest")).toHaveAttribute("aria-valuenow", "35");
  await slider(page, "hello-00003").focus();
  await page.keyboard.press("Home");
  await expect(slider(page, "@latest")).toHaveAttribute("aria-valuenow", "40");

  // Remove gives the removed share to the unlocked rest.
  await page.getByRole("button", { name: "Remove hello-00003 from the traffic" }).click();
  await expect(slider(page, "hello-00003")).toHaveCount(0);
  await expect(slider(page, "@latest")).toHaveAttribute("aria-valuenow", "40");

  // Promote is explicit: it overrides the lock.
  await page.getByRole("button", { name: "Promote @latest to 100 %" }).click();
  await expect(slider(page, "@latest")).toHaveAttribute("aria-valuenow", "100");
  await expect(slider(page, "hello-00002")).toHaveAttribute("aria-valuenow", "0");
  await expect(page.getByRole("button", { name: "Apply", exact: true })).toBeEnabled();
});

test("a user who may only read sees the page read-only up front, says why, and nothing changes", async ({ page, ns }) => {
  await createKnativeService(ns, {
    traffic: [
      { revisionName: "hello-00002", latestRevision: false, percent: 90 },
      { revisionName: "hello-00003", latestRevision: false, percent: 10 },
    ],
  });
  await page.context().addCookies([{ name: "routeboard-context", value: "viewer", url: process.env.ROUTEBOARD_URL ?? "" }]);
  await page.goto(`/services/${ns}/hello`);
  await expect(page.locator("[data-read-only]")).toContainText(`patch services.serving.knative.dev in namespace ${ns} is forbidden`);
  await expect(slider(page, "hello-00003")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Set hello-00003 to 50 %" })).toBeDisabled();
  await expect(apply(page)).toHaveCount(0);
  await page.screenshot({ path: "test-results/traffic-forbidden.png" });
  expect((await ksvcJson(ns)).spec.traffic).toEqual([
    { revisionName: "hello-00002", latestRevision: false, percent: 90 },
    { revisionName: "hello-00003", latestRevision: false, percent: 10 },
  ]);
});
