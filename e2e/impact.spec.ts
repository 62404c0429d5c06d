// Issue #13 (5c): impact before apply. Next to the YAML diff, the canvas and the traffic page say
// which conditions the change will change — for the edited route and for the other routes on
// its listeners — as a conformant implementation must write them (predicted, from the spec).
import type { Page } from "@playwright/test";
import { writeConfigGateway } from "./chain-fixtures";
import { applyAsRouteboard, dryRunAndApply, getRoute, openRoute, services, shot } from "./canvas-helpers";
import { netGatewayApiConfig } from "./knative-config-fixtures";
import { createKnativeService } from "./knative-traffic-fixtures";
import { expect, httpRoute, kubectl, test } from "./fixtures";

const GW = "gateway.networking.k8s.io/v1";

async function gatewayAndClass(ns: string, gateways: { name: string; hostname?: string }[]): Promise<void> {
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "v1",
    kind: "List",
    items: [
      { apiVersion: GW, kind: "GatewayClass", metadata: { name: `${ns}-class` }, spec: { controllerName: "example.com/routeboard-e2e" } },
      ...gateways.map((g) => ({
        apiVersion: GW,
        kind: "Gateway",
        metadata: { namespace: ns, name: g.name },
        spec: {
          gatewayClassName: `${ns}-class`,
          listeners: [
            { name: "http", port: 80, protocol: "HTTP", ...(g.hostname && { hostname: g.hostname }), allowedRoutes: { namespaces: { from: "Same" } } },
          ],
        },
      })),
    ],
  });
}

const impactRows = (page: Page) => page.locator("[data-impact] li");

test("on the canvas, an edit says which other route's rule it frees, before apply; after the apply the impact is gone", async ({ page, ns }) => {
  const host = `${ns}.example.com`;
  await services(ns, ["docs", "users"], 80);
  await gatewayAndClass(ns, [{ name: "gw" }]);
  await applyAsRouteboard(
    httpRoute(ns, "shop", {
      parentRefs: [{ name: "gw" }],
      hostnames: [host],
      rules: [
        { matches: [{ path: { type: "PathPrefix", value: "/docs" } }], backendRefs: [{ name: "docs", port: 80 }] },
        { matches: [{ path: { type: "PathPrefix", value: "/api" } }], backendRefs: [{ name: "users", port: 80 }] },
      ],
    }),
  );
  // creationTimestamp has one-second resolution: shop must be older to win the tie on /api.
  await new Promise((r) => setTimeout(r, 1100));
  await kubectl(
    ["create", "-f", "-"],
    httpRoute(ns, "legacy", {
      parentRefs: [{ name: "gw" }],
      hostnames: [host],
      rules: [{ matches: [{ path: { type: "PathPrefix", value: "/api" } }], backendRefs: [{ name: "docs", port: 80 }] }],
    }),
  );

  await openRoute(page, ns, "shop");
  await page.getByLabel("Path of Rule 2", { exact: true }).fill("/v2");
  // Said at the apply bar, and in full next to the diff.
  await expect(page.locator("[data-apply-impact]")).toHaveText("Predicted impact: 1 fixed (see Diff).");
  await page.getByRole("tab", { name: /^Diff/ }).click();
  await expect(page.getByLabel("Diff against the cluster")).toContainText("/v2");
  const row = impactRows(page).filter({ hasText: `HTTPRoute ${ns}/legacy` });
  await expect(row).toHaveAttribute("data-impact-effect", "fixed");
  await expect(row).toHaveAttribute("data-impact-self", "false");
  await expect(row).toContainText(`rule 1 (PathPrefix /api) on Gateway ${ns}/gw, listener http`);
  await expect(row).toContainText(`Requests reach it again (it was shadowed by HTTPRoute ${ns}/shop rule 2 (PathPrefix /api)).`);
  await shot(page, "impact-canvas.png");

  // Back to /api: nothing left to say.
  await page.getByLabel("Path of Rule 2", { exact: true }).fill("/api");
  await expect(page.locator("[data-apply-impact]")).toHaveCount(0);

  // Applied: the cluster holds the change, so there is no impact left to predict.
  await page.getByLabel("Path of Rule 2", { exact: true }).fill("/v2");
  await dryRunAndApply(page);
  await expect(page.locator("[data-apply-impact]")).toHaveCount(0);
  expect(JSON.stringify((await getRoute(ns, "shop")).spec)).toContain('"/v2"');
  await expect(page.locator("[data-impact]")).toHaveCount(0);
});

test("on the traffic page, a tag whose host no listener takes is a new issue; moving weights changes nothing", async ({ page, ns }) => {
  await createKnativeService(ns, { traffic: [{ revisionName: "hello-00002", latestRevision: false, percent: 100 }] });
  await services(ns, ["hello-00002", "hello-00003"], 80);
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "config-domain", namespace: "knative-serving" },
    data: { "apps.example.com": "" },
  });
  // The external Gateway takes only the Service's own host; the local one takes any.
  await gatewayAndClass(ns, [{ name: "public", hostname: `hello.${ns}.apps.example.com` }, { name: "internal" }]);
  try {
    await writeConfigGateway({
      externalGateways: [{ namespace: ns, name: "public", class: `${ns}-class` }],
      localGateways: [{ namespace: ns, name: "internal", class: `${ns}-class` }],
    });
    await page.goto(`/services/${ns}/hello`);
    await page.locator('tr[data-revision="hello-00003"]').getByRole("button", { name: "Add hello-00003 to the traffic" }).click();
    const canary = page.getByRole("slider", { name: "hello-00003 percent" });
    await canary.focus();
    await page.keyboard.press("PageUp");
    await expect(canary).toHaveAttribute("aria-valuenow", "10");
    const impact = page.locator("[data-traffic-impact]");
    await expect(impact.locator("[data-impact-none]")).toHaveText("No condition changes: every route and listener compared keeps its status.");

    await page.getByRole("textbox", { name: "Tag of hello-00003" }).fill("canary");
    const tagRoute = `HTTPRoute ${ns}/canary-hello.${ns}.apps.example.com`;
    const introduced = impact.locator('li[data-impact-effect="introduced"]');
    await expect(introduced).toHaveCount(1);
    await expect(introduced).toContainText(tagRoute);
    await expect(introduced).toContainText(`Accepted by ${ns}/public`);
    await expect(introduced).toContainText("— → False (NoMatchingListenerHostname)");
    // The local tag route attaches to the local Gateway: new, and fine.
    await expect(
      impact
        .locator('li[data-impact-effect="added"]')
        .filter({ hasText: `canary-hello.${ns}.svc.cluster.local` })
        .first(),
    ).toContainText(`Accepted by ${ns}/internal`);
    await impact.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath("impact-traffic.png"), fullPage: true });
  } finally {
    await netGatewayApiConfig();
  }
});
