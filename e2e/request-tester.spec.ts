import type { Page } from "@playwright/test";
import { expect, httpRoute, kubectl, test } from "./fixtures";
import { getRoute, services, shot } from "./canvas-helpers";

const GW = "gateway.networking.k8s.io/v1";

/** A GatewayClass, a Gateway with one HTTP listener, Services, and two routes on one host, the later one shadowed on /api. */
async function shop(ns: string): Promise<string> {
  const host = `${ns}.example.com`;
  await services(ns, ["docs", "users-v2", "users-v3"], 80);
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "v1",
    kind: "List",
    items: [
      { apiVersion: GW, kind: "GatewayClass", metadata: { name: `${ns}-class` }, spec: { controllerName: "example.com/routeboard-e2e" } },
      {
        apiVersion: GW,
        kind: "Gateway",
        metadata: { namespace: ns, name: "gw" },
        spec: { gatewayClassName: `${ns}-class`, listeners: [{ name: "http", port: 80, protocol: "HTTP", allowedRoutes: { namespaces: { from: "Same" } } }] },
      },
      httpRoute(ns, "shop", {
        parentRefs: [{ name: "gw" }],
        hostnames: [host],
        rules: [
          { matches: [{ path: { type: "PathPrefix", value: "/docs" } }], backendRefs: [{ name: "docs", port: 80 }] },
          {
            matches: [{ path: { type: "PathPrefix", value: "/api" } }],
            backendRefs: [
              { name: "users-v2", port: 80, weight: 90 },
              { name: "users-v3", port: 80, weight: 10 },
            ],
          },
          {
            matches: [{ path: { type: "PathPrefix", value: "/old" } }],
            filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } }],
          },
        ],
      }),
    ],
  });
  // creationTimestamp has one-second resolution: the older route must be older to win the tie.
  await new Promise((r) => setTimeout(r, 1100));
  await kubectl(
    ["create", "-f", "-"],
    httpRoute(ns, "legacy", {
      parentRefs: [{ name: "gw" }],
      hostnames: [host],
      rules: [{ matches: [{ path: { type: "PathPrefix", value: "/api" } }], backendRefs: [{ name: "docs", port: 80 }] }],
    }),
  );
  return host;
}

async function ask(page: Page, url: string): Promise<void> {
  const tester = page.locator("[data-request-tester]");
  await tester.getByLabel("URL").fill(url);
  await tester.getByLabel("URL").press("Enter");
}

const headline = (page: Page) => page.locator("[data-tester-headline]");
const tested = (page: Page) => page.locator('.react-flow__node[data-tested="true"]');

test("on the hosts page, a typed request shows the winning route, rule and backends, lights them on the canvas, and survives a reload", async ({
  page,
  ns,
}) => {
  const host = await shop(ns);
  await page.goto(`/hosts/${host}`);
  await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");
  await expect(page.locator("[data-request-tester]").getByLabel("URL")).toHaveValue(`http://${host}/`);

  await ask(page, `http://${host}/api/v2`);
  await expect(headline(page)).toHaveText(`GET http://${host}/api/v2 → HTTPRoute ${ns}/shop, rule 2 (PathPrefix /api), backends: users-v2 90 %, users-v3 10 %`);
  await expect(page.locator("[data-tester-status]")).toHaveAttribute("data-tester-status", "200");
  // Gateway, hostname, rule and both backends of team shop's route; legacy's /api rule stays unlit.
  await expect(tested(page)).toHaveCount(5);
  await expect(tested(page).locator('[data-rule="/api"]')).toContainText(`${ns}/shop`);
  await expect(tested(page).locator('[data-backend="users-v2"]')).toBeVisible();
  await expect(tested(page).locator('[data-backend="users-v3"]')).toBeVisible();
  await expect(page.locator('[data-routing-table] tr[data-row-tested="true"]')).toHaveCount(1);
  // The shadowed rule says by what, on its node and in the table.
  await expect(page.locator("[data-shadowed-by]")).toHaveText(`shadowed by ${ns}/shop rule 2`);
  await expect(page.locator('[data-routing-table] tr[data-row-shadowed="true"]')).toContainText(`shadowed by ${ns}/shop rule 2`);
  await shot(page, "request-tester-hosts.png");

  await expect(page).toHaveURL(/[?&]req=GET/);
  await page.reload();
  await expect(headline(page)).toContainText(`→ HTTPRoute ${ns}/shop, rule 2 (PathPrefix /api)`);
  await expect(page.locator("[data-request-tester]").getByLabel("URL")).toHaveValue(`http://${host}/api/v2`);

  await ask(page, `http://${host}/nothing`);
  await expect(headline(page)).toContainText(`GET http://${host}/nothing → 404 Not Found`);
  await expect(tested(page)).toHaveCount(0);
  await expect(page.locator("[data-tester-status]")).toHaveAttribute("data-tester-status", "404");
  await shot(page, "request-tester-404.png");

  await ask(page, `http://${host}/old/page?x=1`);
  await expect(headline(page)).toContainText(`→ 301 redirect to https://${host}/old/page?x=1`);
  await expect(page.locator('[data-tester-detail="Location"]')).toHaveText(`https://${host}/old/page?x=1`);

  // Headers and a method: a bad header line is said where it was typed.
  await page.locator("[data-request-tester]").getByLabel("Headers, one per line (Name: value)").fill("not a header");
  await ask(page, `http://${host}/api`);
  await expect(page.locator("#tester-error")).toContainText("Header line 1");
  await page.getByRole("button", { name: "Clear the tested request" }).click();
  await expect(page).not.toHaveURL(/[?&]req=/);
  await expect(headline(page)).toHaveText("");
});

test("on the canvas, the draft answers: an unsaved edit changes the winning rule, its backends, and what is lit", async ({ page, ns }) => {
  const host = await shop(ns);
  // From the hosts page to the route's editor, with the request carried along.
  await page.goto(`/hosts/${host}?req=${encodeURIComponent(`GET http://${host}/api/x`)}`);
  await expect(headline(page)).toContainText(`→ HTTPRoute ${ns}/shop, rule 2`);
  await page.getByRole("link", { name: `open ${ns}/shop` }).click();
  await expect(page).toHaveURL(new RegExp(`/routes/${ns}/shop\\?req=`));
  await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");
  await expect(page.getByRole("tab", { name: "Routing" })).toHaveAttribute("aria-selected", "true");
  await expect(headline(page)).toHaveText(`GET http://${host}/api/x → HTTPRoute ${ns}/shop, rule 2 (PathPrefix /api), backends: users-v2 90 %, users-v3 10 %`);
  await expect(tested(page)).toHaveCount(5);
  await expect(tested(page).locator('[data-rule-index="1"]')).toBeVisible();

  // A weight moved on the canvas, not applied: the shares follow.
  await page.getByLabel("Weight of users-v3").fill("90");
  await page.getByLabel("Weight of users-v3").press("Enter");
  await expect(headline(page)).toContainText("backends: users-v2 50 %, users-v3 50 %");
  await expect(page.getByText("Answered with your unsaved edits.")).toBeVisible();
  await shot(page, "request-tester-canvas.png");

  // The rule's path changed in the draft: /api now goes to the older-but-shadowed route's rule.
  await page.getByLabel("Path of Rule 2", { exact: true }).fill("/v2");
  await expect(headline(page)).toHaveText(`GET http://${host}/api/x → HTTPRoute ${ns}/legacy, rule 1 (PathPrefix /api), backends: docs 100 %`);
  await expect(tested(page)).toHaveCount(0);
  await expect(page.locator("[data-request-tester]")).toContainText("That route is not on this canvas.");
  await ask(page, `http://${host}/v2/users`);
  await expect(headline(page)).toContainText(`→ HTTPRoute ${ns}/shop, rule 2 (PathPrefix /v2)`);
  await expect(tested(page)).toHaveCount(5);
  // Nothing was applied: the cluster still has /api.
  const stored = await getRoute(ns, "shop");
  expect(JSON.stringify(stored.spec)).toContain('"/api"');
});
