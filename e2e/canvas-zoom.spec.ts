import { expect, httpRoute, kubectl, test } from "./fixtures";
import { openRoute, shot } from "./canvas-helpers";

const scale = (page: import("@playwright/test").Page) =>
  page.evaluate<number>(`new DOMMatrix(getComputedStyle(document.querySelector(".react-flow__viewport")).transform).a`);

test("zoomed out, nodes become large labels that still show problems and take edits; further out, one overview drawing", async ({ page, ns }) => {
  const rules = Array.from({ length: 16 }, (_, i) => ({
    matches: [{ path: { type: "PathPrefix", value: `/p${i}` } }],
    backendRefs: [{ name: `svc${i}`, port: 80 }],
  }));
  await kubectl(["create", "-f", "-"], httpRoute(ns, "wide", { hostnames: ["wide.example.com"], rules }));
  await openRoute(page, ns, "wide");

  // Sixteen rules fit in view only zoomed out: the rules draw as their paths, in large type.
  const rule2 = page.locator('[data-rule="/p1"]');
  await expect(rule2).toHaveAttribute("data-compact");
  await expect(rule2).toContainText("Rule 2");
  await expect(page.getByLabel("Path of Rule 2", { exact: true })).toHaveCount(0);
  await shot(page, "canvas-compact.png");

  // Selected, the rule is edited in the side panel; its problem shows on the compact node.
  await rule2.click();
  await page.getByRole("tab", { name: "Selected" }).click();
  await page.getByRole("textbox", { name: "Path", exact: true }).fill("/a//b");
  const bad = page.locator('[data-rule="/a//b"]');
  await expect(bad.locator("[data-problems]")).toContainText("1");
  await expect(bad.locator("[data-problems]")).toContainText("//");
  await expect(page.getByRole("button", { name: "Apply", exact: true })).toBeDisabled();

  // Further out, one drawing replaces the nodes.
  const zoomOut = page.getByRole("button", { name: "Zoom Out" });
  while ((await page.locator("[data-overview]").count()) === 0) await zoomOut.click();
  await expect(page.locator("[data-overview-hint]")).toContainText("scroll or double-click to zoom in");
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
  expect(await scale(page)).toBeLessThan(0.15);
  await shot(page, "canvas-overview.png");

  // Zoomed out, the edges are part of the drawing, not SVG.
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);

  // Fit brings the whole route back; zooming in brings back the fields, and the edges as SVG,
  // attached to their nodes' handles (16 rule edges + 16 backend edges).
  await page.getByRole("button", { name: "Fit view" }).click();
  await expect(page.locator("[data-overview]")).toHaveCount(0);
  await expect(page.locator('[data-rule="/p15"]')).toBeInViewport();
  await expect(page.locator('[data-rule="/p0"]')).toBeInViewport();
  const zoomIn = page.getByRole("button", { name: "Zoom In" });
  while ((await scale(page)) < 0.5) await zoomIn.click();
  await expect(page.getByLabel("Path of Rule 1", { exact: true })).toHaveValue("/p0");
  await expect(page.locator('[data-rule="/a//b"] [data-problems]')).toContainText("//");
  await expect(page.locator(".react-flow__edge")).toHaveCount(32);
  const edge = await page.locator(".react-flow__edge path").first().getAttribute("d");
  expect(edge).not.toContain("NaN");
});
