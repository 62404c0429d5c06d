import { expect, httpRoute, test } from "./fixtures";
import { dryRunAndApply, getRoute, openRoute, shot, applyAsRouteboard } from "./canvas-helpers";

test("The HTTPRoute weight slider on the canvas sets a 0.1 % canary, and kubectl shows the expected weights", async ({ page, ns }) => {
  // Made by Routeboard before: no other field manager owns the weights.
  await applyAsRouteboard(httpRoute(ns, "checkout", {
    hostnames: ["checkout.example.com"],
    rules: [{ matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [{ name: "stable", port: 8080 }, { name: "canary", port: 8080, weight: 0 }] }],
  }));
  await openRoute(page, ns, "checkout");
  await page.locator('[data-rule="/"]').getByText("Rule 1").click();
  await page.getByRole("tab", { name: "Selected" }).click();
  await page.getByRole("button", { name: "Scale weights to a total of 1,000", exact: true }).click();
  const canary = page.getByLabel("canary:8080 weight value");
  await canary.fill("1");
  await canary.press("Enter");
  await expect(page.locator('[data-backend="canary"] [data-share]')).toHaveText("0.1 %");
  await expect(page.locator('[data-backend="stable"] [data-share]')).toHaveText("99.9 %");
  await shot(page, "canvas-weights.png");
  await dryRunAndApply(page);
  const route = await getRoute(ns, "checkout");
  const refs = (route.spec.rules as { backendRefs: { name: string; weight: number }[] }[])[0]?.backendRefs.map((b) => [b.name, b.weight]);
  expect(refs).toEqual([["stable", 999], ["canary", 1]]);
});
