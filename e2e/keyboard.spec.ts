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

test("the canvas is one Tab stop: arrows go between nodes, Tab goes into the current node's fields and then out of the canvas", async ({ page, ns }) => {
  await kubectl(["create", "-f", "-"], {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { namespace: ns, name: "walk" },
    spec: {
      hostnames: ["walk.example.com"],
      rules: ["/a", "/b", "/c"].map((value) => ({ matches: [{ path: { type: "PathPrefix", value } }], backendRefs: [{ name: "svc", port: 80 }] })),
    },
  });
  await page.goto(`/routes/${ns}/walk`);
  await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");
  const nodes = page.locator(".react-flow__node");
  await expect(nodes).toHaveCount(7); // hostname, three rules, three backends
  expect(await nodes.evaluateAll((ns) => ns.filter((n) => n.getAttribute("tabindex") === "0").length)).toBe(1);
  // Inside the nodes, only the current node's fields are Tab stops.
  const tabbableFields = () =>
    page
      .locator(".react-flow__node")
      .evaluateAll((ns) => ns.flatMap((n) => [...n.querySelectorAll("input, select, button")]).filter((f) => f.getAttribute("tabindex") !== "-1").length);
  const ruleNode = (path: string) => page.locator(".react-flow__node", { has: page.locator(`[data-rule="${path}"]`) });

  // The Tab stop starts on the hostname; Right goes to the rules' column, Up to its top.
  await page.locator('.react-flow__node[tabindex="0"]').focus();
  await expect(page.locator(".react-flow__node:focus")).toHaveAttribute("aria-label", /walk\.example\.com/);
  expect(await tabbableFields()).toBe(0); // a hostname node has no fields
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(".react-flow__node:focus [data-rule]")).toBeVisible();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(ruleNode("/a")).toBeFocused();
  expect(await tabbableFields()).toBe(4); // its ↑ ↓ buttons, path type and path
  await page.keyboard.press("ArrowDown");
  await expect(ruleNode("/b")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(ruleNode("/c")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(ruleNode("/b")).toBeFocused();
  expect(await nodes.evaluateAll((ns) => ns.filter((n) => n.getAttribute("tabindex") === "0").length)).toBe(1);
  // An arrow moves the focus, never the node (React Flow would move a selected node).
  const before = await ruleNode("/b").boundingBox();
  await page.keyboard.press("Enter"); // selects it
  await expect(page.getByRole("tab", { name: "Selected" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(".react-flow__node:focus [data-backend]")).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await expect(ruleNode("/b")).toBeFocused();
  expect(await ruleNode("/b").boundingBox()).toEqual(before);
  // Tab walks the current node's fields, then leaves the canvas: no other node is on the way.
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Move Rule 2 up")).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
  await expect(page.getByLabel("Path of Rule 2", { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest(".react-flow__node") === null)).toBe(true);
});
