import { expect, httpRoute, kubectl, test } from "./fixtures";

const N = 1200;
const name = (i: number) => `r-${String(i).padStart(4, "0")}`;

test("1,200 HTTPRoutes: the first screen comes from the server, the DOM holds about a screen of rows, and scrolling, Tab and the filter reach every route", async ({
  page,
  ns,
}) => {
  test.setTimeout(240_000);
  for (let i = 0; i < N; i += 300) {
    const items = Array.from({ length: Math.min(300, N - i) }, (_, k) =>
      httpRoute(ns, name(i + k), { hostnames: [`${name(i + k)}.example.com`], rules: [{ backendRefs: [{ name: "svc", port: 80 }] }] }),
    );
    await kubectl(["create", "-f", "-"], { apiVersion: "v1", kind: "List", items });
  }
  try {
    await page.goto(`/routes?q=ns:${ns}`);
    await expect(page.getByText(new RegExp(`^${N} of \\d+ routes$`))).toBeVisible({ timeout: 30_000 });

    // The server's HTML already holds the first rows, in the page's order, and only a screen of them.
    const html = await (await page.request.get(`/routes?q=ns:${ns}`)).text();
    expect(html).toContain(`data-route="${ns}/${name(0)}"`);
    expect(html).toContain(`data-route="${ns}/${name(20)}"`);
    expect(html).not.toContain(`data-route="${ns}/${name(100)}"`);

    // A screen of rows is drawn, not 1,200.
    const drawn = await page.locator("tbody[data-index]").count();
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(100);

    // Tab goes on past the first screen: two links a route (name, host), so 120 presses reach the 61st route.
    await page.getByRole("link", { name: name(0), exact: true }).focus();
    for (let k = 0; k < 120; k++) await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    await expect(focused).toHaveText(name(60));
    await expect(focused).toBeInViewport();

    // The end of the page is the end of the list.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(page.locator(`tr[data-route="${ns}/${name(N - 1)}"]`)).toBeInViewport();
    expect(await page.locator("tbody[data-index]").count()).toBeLessThan(100);

    // The filter still searches all of them, and a deletion made with kubectl reaches the page.
    await page.getByLabel("Filter routes").fill(`ns:${ns} ${name(777)}`);
    await expect(page.locator(`tr[data-route="${ns}/${name(777)}"]`)).toContainText(`${name(777)}.example.com`);
    await expect(page.getByText(/^1 of \d+ routes$/)).toBeVisible();
    await kubectl(["delete", "httproute", name(777), "-n", ns]);
    await expect(page.getByText(`No HTTPRoutes match "ns:${ns} ${name(777)}"`)).toBeVisible();

    // The troubleshoot overview draws a screen of its chains too, and its filter finds the last one.
    await page.goto(`/troubleshoot?q=ns:${ns}`);
    await expect(page.locator(`tr[data-row]`).first()).toBeVisible({ timeout: 30_000 });
    expect(await page.locator("tr[data-row]").count()).toBeLessThan(100);
    await page.getByLabel("Filter chains").fill(`ns:${ns} ${name(N - 1)}`);
    await expect(page.getByRole("link", { name: new RegExp(`HTTPRoute ${ns}/${name(N - 1)}$`) })).toBeVisible();
  } finally {
    // Later specs list every namespace: leave them the cluster as it was.
    await kubectl(["delete", "httproutes", "--all", "-n", ns, "--wait=false"]);
  }
});
