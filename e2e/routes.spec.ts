import { expect, httpRoute, kubectl, test } from "./fixtures";

const acceptedStatus = (parent: { name: string; namespace: string }, accepted: boolean) => ({
  status: {
    parents: [
      {
        parentRef: parent,
        controllerName: "example.com/gateway-controller",
        conditions: [
          {
            type: "Accepted",
            status: accepted ? "True" : "False",
            reason: accepted ? "Accepted" : "NoMatchingListenerHostname",
            message: accepted ? "" : "no listener matches shop.example.com",
            lastTransitionTime: "2026-11-25T12:00:00Z",
            observedGeneration: 1,
          },
          {
            type: "ResolvedRefs",
            status: "True",
            reason: "ResolvedRefs",
            message: "",
            lastTransitionTime: "2026-11-25T12:00:00Z",
            observedGeneration: 1,
          },
        ],
      },
    ],
  },
});

test("/routes lists the HTTPRoutes created with kubectl, with hosts, parents, rules and conditions", async ({ page, ns }) => {
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "v1",
    kind: "List",
    items: [
      httpRoute(ns, "shop", {
        parentRefs: [{ name: "public", namespace: "infra" }],
        hostnames: ["shop.example.com"],
        rules: [
          { matches: [{ path: { type: "PathPrefix", value: "/shop" } }], backendRefs: [{ name: "ecommerce", port: 80 }] },
          { matches: [{ path: { type: "PathPrefix", value: "/inventory" } }], backendRefs: [{ name: "inventory", port: 80 }] },
        ],
      }),
      httpRoute(ns, "docs", { hostnames: ["docs.example.com"], rules: [{ backendRefs: [{ name: "docs", port: 8080 }] }] }),
    ],
  });
  await kubectl([
    "patch",
    "httproute",
    "shop",
    "-n",
    ns,
    "--subresource=status",
    "--type=merge",
    "-p",
    JSON.stringify(acceptedStatus({ name: "public", namespace: "infra" }, true)),
  ]);

  await page.goto(`/routes?q=ns:${ns}`);
  const shop = page.locator(`tr[data-route="${ns}/shop"]`);
  await expect(shop).toContainText("shop.example.com");
  await expect(shop).toContainText("infra/public");
  await expect(shop.locator("td").last()).toHaveText("2");
  await expect(shop.locator('[data-condition="Accepted"]')).toHaveAttribute("data-status", "True");
  await expect(shop.locator('[data-condition="ResolvedRefs"]')).toHaveAttribute("data-status", "True");
  const docs = page.locator(`tr[data-route="${ns}/docs"]`);
  await expect(docs).toContainText("docs.example.com");
  await expect(docs).toContainText("none");
  await expect(page.getByText("2 of")).toBeVisible();
});

test("a route created, changed and deleted while the page is open shows up without a reload", async ({ page, ns }) => {
  await page.goto(`/routes?q=ns:${ns}`);
  await expect(page.getByText("live", { exact: true })).toBeVisible();
  await expect(page.getByText(`No HTTPRoutes match "ns:${ns}"`).or(page.getByText("No HTTPRoutes in this cluster yet"))).toBeVisible();

  await kubectl(["create", "-f", "-"], httpRoute(ns, "late", { parentRefs: [{ name: "public", namespace: "infra" }], hostnames: ["late.example.com"] }));
  const row = page.locator(`tr[data-route="${ns}/late"]`);
  await expect(row).toContainText("late.example.com");
  await expect(row.locator('[data-condition="Accepted"]')).toHaveText(/no status yet/);

  // A controller's verdict arrives through the status subresource, and shows as it comes.
  await kubectl([
    "patch",
    "httproute",
    "late",
    "-n",
    ns,
    "--subresource=status",
    "--type=merge",
    "-p",
    JSON.stringify(acceptedStatus({ name: "public", namespace: "infra" }, false)),
  ]);
  await expect(row.locator('[data-condition="Accepted"]')).toHaveAttribute("data-status", "False");
  await expect(row.locator('[data-condition="Accepted"]')).toHaveText(/NoMatchingListenerHostname/);

  await kubectl(["delete", "httproute", "late", "-n", ns]);
  await expect(row).toHaveCount(0);
});

test("the filter narrows the list, lives in the URL and survives a reload", async ({ page, ns }) => {
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "v1",
    kind: "List",
    items: [httpRoute(ns, "alpha", { hostnames: ["alpha.example.com"] }), httpRoute(ns, "beta", { hostnames: ["beta.example.com"] })],
  });
  await page.goto("/routes");
  await expect(page.getByText("live", { exact: true })).toBeVisible();
  await page.keyboard.press("/");
  await expect(page.getByLabel("Filter routes")).toBeFocused();
  await page.keyboard.type(`ns:${ns} beta`);
  await expect(page.locator(`tr[data-route="${ns}/beta"]`)).toBeVisible();
  await expect(page.locator(`tr[data-route="${ns}/alpha"]`)).toHaveCount(0);
  await expect(page).toHaveURL(/q=ns%3A.*beta/);
  await page.reload();
  await expect(page.getByLabel("Filter routes")).toHaveValue(`ns:${ns} beta`);
  await expect(page.locator(`tr[data-route="${ns}/alpha"]`)).toHaveCount(0);
  await expect(page.locator(`tr[data-route="${ns}/beta"]`)).toBeVisible();
});

test("the context switcher changes whose credentials the page uses, and remembers it", async ({ page }) => {
  await page.goto("/routes");
  const select = page.getByLabel("Context");
  await expect(select).toHaveValue("admin");
  await select.selectOption("viewer");
  await expect(select).toHaveValue("viewer");
  await page.reload();
  await expect(page.getByLabel("Context")).toHaveValue("viewer");
  await expect(page.getByText("live", { exact: true })).toBeVisible();
  await page.getByLabel("Context").selectOption("admin");
  await expect(page.getByLabel("Context")).toHaveValue("admin");
});
