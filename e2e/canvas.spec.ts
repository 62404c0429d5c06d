import { expect, httpRoute, kubectl, test } from "./fixtures";
import { dryRunAndApply, getRoute, openRoute, services, shot } from "./canvas-helpers";

test("the example.com routes (/api/v1, /api/v2, /docs) are built by drag and drop, applied, and kubectl shows exactly that spec", async ({ page, ns }) => {
  await services(ns, ["users", "compat", "docs"]);
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "Gateway",
    metadata: { namespace: ns, name: "public" },
    spec: { gatewayClassName: "example", listeners: [{ name: "http", port: 80, protocol: "HTTP", hostname: "*.com" }] },
  });

  await page.goto("/routes");
  await page.getByRole("link", { name: "New route" }).click();
  await page.getByLabel("Namespace").selectOption(ns);
  await page.getByLabel("Name", { exact: true }).fill("example-com");
  await page.getByLabel("Hostname (optional)").fill("example.com");
  await expect(page.locator("option", { hasText: `${ns}/public` })).toBeAttached();
  await page.getByLabel("Gateway (optional)").selectOption(`${ns}/public`);
  await page.getByRole("button", { name: "Open on the canvas" }).click();
  await expect(page).toHaveURL(new RegExp(`/routes/${ns}/example-com$`));
  await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");
  await expect(page.locator('[data-hostname="example.com"] [data-fit]')).toHaveAttribute("data-fit", "fits");

  // Three rules, each dragged from the palette onto an empty part of the canvas.
  const pane = page.locator(".react-flow__pane");
  const box = await pane.boundingBox();
  for (let i = 0; i < 3; i++) {
    await page.locator('[data-palette="new-rule"]').dragTo(pane, { targetPosition: { x: (box?.width ?? 600) - 30, y: 20 } });
    await expect(page.locator("[data-rule-index]")).toHaveCount(i + 1);
  }
  const paths = ["/api/v1", "/api/v2", "/docs"];
  for (const [i, p] of paths.entries()) await page.getByLabel(`Path of Rule ${i + 1}`, { exact: true }).fill(p);
  await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");

  // Each Service dragged from the palette onto its rule.
  for (const [svc, p] of [
    ["users", "/api/v1"],
    ["compat", "/api/v2"],
    ["docs", "/docs"],
  ] as const) {
    await page.locator(`[data-palette-item="${ns}/${svc}"]`).dragTo(page.locator(`[data-rule="${p}"]`));
    await expect(page.locator(`[data-backend="${svc}"]`)).toBeVisible();
  }
  await expect(page.locator("[data-yaml]")).toContainText("value: /api/v2");
  await shot(page, "canvas-example-com.png");

  await dryRunAndApply(page);
  // The page says so, with the version, and the restored-draft note of the new route is gone.
  await page.waitForTimeout(500);
  await expect(page.locator("[data-apply-status]")).toHaveText(/^Applied \(resourceVersion \d+\)\.$/);
  await expect(page.locator("[data-restored]")).toHaveCount(0);
  const route = await getRoute(ns, "example-com");
  const rule = (value: string, name: string) => ({
    matches: [{ path: { type: "PathPrefix", value } }],
    backendRefs: [{ group: "", kind: "Service", name, port: 8080, weight: 1 }],
  });
  expect(route.spec).toEqual({
    parentRefs: [{ group: "gateway.networking.k8s.io", kind: "Gateway", name: "public" }],
    hostnames: ["example.com"],
    rules: [rule("/api/v1", "users"), rule("/api/v2", "compat"), rule("/docs", "docs")],
  });
  // Applied: the draft is gone, a reload shows the cluster's route with nothing to apply.
  await page.reload();
  await expect(page.locator("[data-apply-status]")).toContainText("No changes to apply");
});

test("a kubectl change between load and apply is caught as a conflict; nothing is overwritten silently", async ({ page, ns }) => {
  await services(ns, ["ecommerce"], 80);
  await kubectl(
    ["create", "-f", "-"],
    httpRoute(ns, "shop", {
      hostnames: ["shop.example.com"],
      rules: [{ matches: [{ path: { type: "PathPrefix", value: "/shop" } }], backendRefs: [{ name: "ecommerce", port: 80 }] }],
    }),
  );
  await openRoute(page, ns, "shop");
  await kubectl(["patch", "httproute", "shop", "-n", ns, "--type=merge", "-p", JSON.stringify({ spec: { hostnames: ["shop2.example.com"] } })]);

  await page.getByLabel("Path of Rule 1", { exact: true }).fill("/store");
  await page.getByRole("button", { name: "Dry-run" }).click();
  const conflict = page.locator("[data-conflict]");
  await expect(conflict).toContainText("The route was changed by someone else since you loaded it");
  await expect(conflict.locator('[data-diff-line="added"]').first()).toContainText("shop2.example.com");
  await shot(page, "canvas-conflict.png");
  let now = await getRoute(ns, "shop");
  expect(now.spec.hostnames).toEqual(["shop2.example.com"]);
  expect(JSON.stringify(now.spec.rules)).toContain('"/shop"');

  // Rebase keeps their hostname and our path; kubectl's fields are then taken only explicitly.
  await page.getByRole("button", { name: "Rebase onto theirs" }).click();
  await expect(page.locator("[data-yaml]")).toContainText("shop2.example.com");
  await expect(page.locator("[data-yaml]")).toContainText("/store");
  await page.getByRole("button", { name: "Dry-run" }).click();
  await expect(conflict).toContainText("Other field managers own fields you changed");
  now = await getRoute(ns, "shop");
  expect(JSON.stringify(now.spec.rules)).toContain('"/shop"');
  await page.getByRole("button", { name: "Take over these fields and apply" }).click();
  await expect(page.locator("[data-apply-status]")).toHaveAttribute("data-apply-status", "applied");
  now = await getRoute(ns, "shop");
  expect(now.spec.hostnames).toEqual(["shop2.example.com"]);
  expect(JSON.stringify(now.spec.rules)).toContain('"/store"');
});

test("an invalid path shows its error on the rule node and Apply stays disabled; a route over 16 rules is offered a split", async ({ page, ns }) => {
  await kubectl(["create", "-f", "-"], httpRoute(ns, "paths", { rules: [{ matches: [{ path: { type: "PathPrefix", value: "/a" } }] }] }));
  await openRoute(page, ns, "paths");
  await page.getByLabel("Path of Rule 1", { exact: true }).fill("/a//b");
  await expect(page.locator('[data-rule="/a//b"] [data-problems]')).toContainText("//");
  await expect(page.getByRole("button", { name: "Apply", exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Dry-run" })).toBeDisabled();
  await shot(page, "canvas-invalid-path.png");

  const rules = Array.from({ length: 16 }, (_, i) => ({
    matches: [{ path: { type: "PathPrefix", value: `/p${i}` } }],
    backendRefs: [{ name: "svc", port: 80 }],
  }));
  await kubectl(["create", "-f", "-"], httpRoute(ns, "big", { hostnames: ["big.example.com"], rules }));
  await openRoute(page, ns, "big");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByRole("button", { name: "Apply", exact: true })).toBeDisabled();
  await page.getByRole("tab", { name: /Problems/ }).click();
  await expect(page.locator("[data-limits]")).toContainText("17 rules; an HTTPRoute allows at most 16");
  await page.getByRole("button", { name: "Split into several routes…" }).click();
  await expect(page.locator("[data-split-offer]")).toContainText("Split into 2 routes: big, big-1");
  await page.getByRole("button", { name: "Apply the 2 routes" }).click();
  await expect
    .poll(async () => (await kubectl(["get", "httproutes", "-n", ns, "-o", "name"])).split("\n").filter(Boolean).sort())
    .toEqual(["httproute.gateway.networking.k8s.io/big", "httproute.gateway.networking.k8s.io/big-1", "httproute.gateway.networking.k8s.io/paths"]);
  const first = await getRoute(ns, "big");
  const second = await getRoute(ns, "big-1");
  expect((first.spec.rules as unknown[]).length + (second.spec.rules as unknown[]).length).toBe(17);
});
