// Issue #14: the path-routing task of the first spec (three rules, /api/v1 → users, /api/v2 →
// compat, /docs → docs, on a new route), done with the keyboard only, and its key presses counted
// from the moment the canvas is open: every Tab, Enter and typed character. The goal is 60.
import type { Page } from "@playwright/test";
import { expect, kubectl, test } from "./fixtures";
import { getRoute, services } from "./canvas-helpers";

const GOAL = 60;

function counter(page: Page) {
  let presses = 0;
  return {
    press: async (key: string) => {
      presses++;
      await page.keyboard.press(key);
    },
    type: async (text: string) => {
      presses += text.length;
      await page.keyboard.type(text);
    },
    get count() {
      return presses;
    },
  };
}

test(`three path rules built and applied without a mouse, in at most ${GOAL} key presses`, async ({ page, ns }) => {
  await services(ns, ["users", "compat", "docs"]);
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "Gateway",
    metadata: { namespace: ns, name: "public" },
    spec: { gatewayClassName: "example", listeners: [{ name: "http", port: 80, protocol: "HTTP", hostname: "*.com" }] },
  });
  // The new route, named in the form (not counted: the task is the canvas).
  await page.goto("/routes/new");
  await page.getByLabel("Namespace").selectOption(ns);
  await page.getByLabel("Name", { exact: true }).fill("keys");
  await page.getByLabel("Hostname (optional)").fill("example.com");
  await expect(page.locator("option", { hasText: `${ns}/public` })).toBeAttached();
  await page.getByLabel("Gateway (optional)").selectOption(`${ns}/public`);
  await page.getByRole("button", { name: "Open on the canvas" }).click();
  await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");
  await expect(page.locator(`[data-palette-item="${ns}/docs"]`)).toBeVisible();
  // From the top of the page, as a user arriving on it (the draft is kept in the browser).
  await page.reload();
  await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");
  await expect(page.locator(`[data-palette-item="${ns}/docs"]`)).toBeVisible();

  const k = counter(page);
  // Skip link, then on to the toolbar's Add rule.
  await k.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await k.press("Enter");
  const addRule = page.getByRole("toolbar", { name: "Canvas tools" }).getByRole("button", { name: "Add rule" });
  for (let i = 0; i < 10 && !(await addRule.evaluate((b) => b === document.activeElement)); i++) await k.press("Tab");
  await expect(addRule).toBeFocused();

  for (const [i, [path, svc]] of [
    ["/api/v1", "users"],
    ["/api/v2", "compat"],
    ["/docs", "docs"],
  ].entries()) {
    if (i > 0) {
      // From the palette's search, one step back is its New rule.
      await k.press("Shift+Tab");
      await expect(page.locator('[data-palette="new-rule"]')).toBeFocused();
    }
    await k.press("Enter");
    const field = page.getByLabel(`Path of Rule ${i + 1}`, { exact: true });
    await expect(field).toBeFocused();
    await k.type(path ?? "");
    await k.press("Enter");
    await expect(page.getByLabel("Search Services")).toBeFocused();
    await k.type(svc ?? "");
    await k.press("Enter");
    await expect(page.locator(`[data-rule="${path}"]`)).toBeVisible();
    await expect(page.locator(`[data-backend="${svc}"]`)).toBeVisible();
  }
  await k.press("Control+Enter");
  await expect(page.locator("[data-apply-status]")).toHaveAttribute("data-apply-status", "dry-run-ok");
  await k.press("Control+Enter");
  await expect(page.locator("[data-apply-status]")).toHaveAttribute("data-apply-status", "applied");
  test.info().annotations.push({ type: "key presses", description: String(k.count) });
  console.log(`keyboard path-routing task: ${k.count} key presses (goal ${GOAL})`);

  // kubectl, as a witness: exactly the three rules, each to its Service.
  const route = await getRoute(ns, "keys");
  const rules = (route.spec.rules as { matches: { path: { value: string } }[]; backendRefs: { name: string }[] }[]).map((r) => [
    r.matches[0]?.path.value,
    r.backendRefs.map((b) => b.name),
  ]);
  expect(rules).toEqual([
    ["/api/v1", ["users"]],
    ["/api/v2", ["compat"]],
    ["/docs", ["docs"]],
  ]);
  expect(k.count).toBeLessThanOrEqual(GOAL);
});

test("the palette is one Tab stop: arrows move within it, Enter adds to the selected rule", async ({ page, ns }) => {
  await services(ns, ["alpha", "beta", "gamma"]);
  await kubectl(["create", "-f", "-"], {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { namespace: ns, name: "list" },
    spec: { hostnames: ["list.example.com"], rules: [{ matches: [{ path: { type: "PathPrefix", value: "/" } }] }] },
  });
  await page.goto(`/routes/${ns}/list`);
  await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");
  const items = page.locator("button[data-palette-item]");
  await expect(items.first()).toBeVisible();
  expect(await items.evaluateAll((bs) => bs.filter((b) => b.getAttribute("tabindex") === "0").length)).toBe(1);
  // Choose the rule from its path field, then walk the list.
  await page.getByLabel("Path of Rule 1", { exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Search Services")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.locator(`[data-palette-item="${ns}/alpha"]`)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.locator(`[data-palette-item="${ns}/beta"]`)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator('[data-backend="beta"]')).toBeVisible();
  // Tab leaves the list in one step.
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByLabel("Search Services")).toBeFocused();
});
