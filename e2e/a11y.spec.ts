// Issue #14: every page checked with axe-core (WCAG 2.0/2.1 A and AA rules) in Chromium, with
// real data on it; no serious or critical violation is allowed.
import type { Page } from "@playwright/test";
import { violations } from "./axe";
import { expect, httpRoute, kubectl, test } from "./fixtures";
import { createKnativeService } from "./knative-traffic-fixtures";

// The login page is checked where a login is configured (auth-token.spec.ts).
test("every page has no serious or critical accessibility violation", async ({ page, ns }) => {
  test.setTimeout(180_000);
  await kubectl(["create", "-f", "-"], {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "web", namespace: ns },
    spec: { ports: [{ name: "http", port: 80, targetPort: 8080 }] },
  });
  await kubectl(
    ["create", "-f", "-"],
    httpRoute(ns, "shop", {
      hostnames: ["shop.example.com"],
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/shop" } }],
          backendRefs: [
            { name: "web", port: 80, weight: 90 },
            { name: "web", port: 80, weight: 10 },
          ],
        },
      ],
    }),
  );
  await createKnativeService(ns, { traffic: [{ revisionName: "hello-00002", latestRevision: false, percent: 100 }] });

  const pages: [string, (p: Page) => Promise<void>][] = [
    ["/", async (p) => void (await expect(p.locator("main")).toBeVisible())],
    ["/routes", async (p) => void (await expect(p.locator(`tr[data-route="${ns}/shop"]`).first()).toBeVisible())],
    ["/routes/new", async (p) => void (await expect(p.locator("[data-namespaces-offered]")).toBeVisible())],
    [`/routes/${ns}/shop`, async (p) => void (await expect(p.locator("[data-layout]")).toHaveAttribute("data-layout", "elk"))],
    ["/hosts/shop.example.com", async (p) => void (await expect(p.locator("main")).toContainText("shop.example.com"))],
    ["/services", async (p) => void (await expect(p.locator(`tr[data-service="${ns}/hello"]`)).toBeVisible())],
    [`/services/${ns}/hello`, async (p) => void (await expect(p.getByRole("slider").first()).toBeVisible())],
    ["/troubleshoot", async (p) => void (await expect(p.locator(`tr[data-row="ksvc/${ns}/hello"]`)).toBeVisible())],
    [`/troubleshoot/ksvc/${ns}/hello`, async (p) => void (await expect(p.locator("[data-chain-health]")).toBeVisible())],
    [`/troubleshoot/httproute/${ns}/shop`, async (p) => void (await expect(p.locator("[data-chain-health]")).toBeVisible())],
    ["/troubleshoot/offline", async (p) => void (await expect(p.locator("main")).toBeVisible())],
    ["/migrate", async (p) => void (await expect(p.locator("main")).toContainText(`${ns}/hello`))],
    ["/no-such-page", async (p) => void (await expect(p.locator("main")).toBeVisible())],
  ];
  const found: string[] = [];
  for (const [path, ready] of pages) {
    await page.goto(path);
    await ready(page);
    found.push(...(await violations(page)).map((v) => `${path}: ${v}`));
  }
  expect(found).toEqual([]);
});

test("the skip link is the first Tab stop and lands on the page's content", async ({ page }) => {
  await page.goto("/routes");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("canvas edges are not Tab stops, and each is named in words", async ({ page, ns }) => {
  await kubectl(
    ["create", "-f", "-"],
    httpRoute(ns, "named", {
      hostnames: ["named.example.com"],
      rules: [{ matches: [{ path: { type: "PathPrefix", value: "/a" } }], backendRefs: [{ name: "web", port: 80 }] }],
    }),
  );
  await page.goto(`/routes/${ns}/named`);
  await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");
  const edges = page.locator(".react-flow__edge");
  await expect(edges.first()).toBeAttached();
  expect(await edges.evaluateAll((es) => es.filter((e) => e.getAttribute("tabindex") === "0").length)).toBe(0);
  await expect(page.locator(`.react-flow__edge[aria-label="Rule 1, PathPrefix /a to backend ${ns}/web:80, 100 %"]`)).toBeAttached();
  await expect(page.locator('.react-flow__edge[aria-label^="hostname named.example.com to Rule 1"]')).toBeAttached();
});
