import { expect, httpRoute, test } from "./fixtures";
import { dryRunAndApply, getRoute, openRoute, shot, applyAsRouteboard } from "./canvas-helpers";

test("The HTTPRoute weight slider on the canvas sets a 0.1 % canary, and kubectl shows the expected weights", async ({ page, ns }) => {
  // Made by Routeboard before: no other field manager owns the weights.
  await applyAsRouteboard(
    httpRoute(ns, "checkout", {
      hostnames: ["checkout.example.com"],
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/" } }],
          backendRefs: [
            { name: "stable", port: 8080 },
            { name: "canary", port: 8080, weight: 0 },
          ],
        },
      ],
    }),
  );
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
  expect(refs).toEqual([
    ["stable", 999],
    ["canary", 1],
  ]);
});

test("a fraction typed as a weight scales every weight to carry it, says so, and kubectl shows the scaled weights", async ({ page, ns }) => {
  await applyAsRouteboard(
    httpRoute(ns, "halves", {
      hostnames: ["halves.example.com"],
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/" } }],
          backendRefs: [
            { name: "stable", port: 8080, weight: 1 },
            { name: "canary", port: 8080, weight: 1 },
          ],
        },
      ],
    }),
  );
  await openRoute(page, ns, "halves");
  await page.locator('[data-rule="/"]').getByText("Rule 1").click();
  await page.getByRole("tab", { name: "Selected" }).click();
  const canary = page.getByLabel("canary:8080 weight value");
  await canary.fill("0.5");
  await canary.press("Enter");
  // Not rounded to 1 behind the user's back: 0.5 of a total of 2 is 25 %.
  await expect(page.locator('[data-backend="canary"] [data-share]')).toHaveText("25 %");
  await expect(page.locator('[data-share-note="info"]')).toHaveText("Every weight was multiplied by 10 to carry 0.5; the shares are as typed.");
  await shot(page, "canvas-weights-fraction.png");
  // On the node, the same: 0.25 beside 15 and 5 scales again, by 100.
  const onNode = page.getByLabel("Weight of canary");
  await onNode.fill("0.25");
  await onNode.press("Enter");
  await expect(page.locator('[data-weight-note="info"]')).toHaveText("Every weight was multiplied by 100 to carry 0.25; the shares are as typed.");
  await expect(onNode).toHaveValue("25");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(onNode).toHaveValue("5");
  await dryRunAndApply(page);
  const route = await getRoute(ns, "halves");
  const refs = (route.spec.rules as { backendRefs: { name: string; weight: number }[] }[])[0]?.backendRefs.map((b) => [b.name, b.weight]);
  expect(refs).toEqual([
    ["stable", 15],
    ["canary", 5],
  ]);
});
