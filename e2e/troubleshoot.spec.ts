// The overview of every chain, live, and the offline view over a kubectl dump.
import type { KubeObject } from "../lib/k8s/meta";
import { nodeId } from "../lib/chain";
import { knativeChain, plainRouteChain, type ChainContext } from "../lib/chain/testing/knative-chain";
import { SCENARIOS } from "../lib/chain/testing/scenarios";
import { chainContext, createObjects, merged } from "./chain-fixtures";
import { expect, test } from "./fixtures";

// Other runs on this machine share test-results/ and clear it when they start, which can take a
// trace file from under a passing test; screenshots are written explicitly instead.
test.use({ trace: "off" });

function brokenShop(ctx: ChainContext): KubeObject[] {
  // The shop route names a Gateway that does not exist.
  return plainRouteChain(ctx).map((o) =>
    o.kind === "HTTPRoute" ? { ...o, spec: { ...(o.spec as object), parentRefs: [{ name: "nope", namespace: ctx.gwNs }] }, status: undefined } : o,
  );
}

test("/troubleshoot lists every Knative Service and HTTPRoute worst first, filters, and opens a chain", async ({ page, ns }) => {
  const ctx = await chainContext(ns);
  await createObjects(merged(knativeChain(ctx), brokenShop(ctx)));
  await page.goto(`/troubleshoot?q=ns:${ns}`);
  await expect(page.getByText("live", { exact: true })).toBeVisible();
  const rows = page.locator("tr[data-row]");
  await expect(rows).toHaveCount(4); // the KSvc, its two HTTPRoutes, and shop
  await expect(rows.first()).toHaveAttribute("data-row", `httproute/${ns}/shop`);
  await expect(rows.first()).toHaveAttribute("data-health", "error");
  await expect(rows.first()).toContainText("which does not exist");
  await expect(page.locator(`tr[data-row="ksvc/${ns}/hello"]`)).toHaveAttribute("data-health", "ok");
  await expect(page.locator(`tr[data-row="httproute/${ns}/hello.${ns}.example.com"]`)).toContainText("Knative: hello");
  await page.screenshot({ path: "test-results/chain-overview.png" });

  await page.getByLabel("Filter chains").fill(`ns:${ns} is:error`);
  await expect(rows).toHaveCount(1);
  await expect(page).toHaveURL(/is%3Aerror/);

  await page.getByRole("link", { name: `Open the chain of HTTPRoute ${ns}/shop` }).click();
  await expect(page).toHaveURL(new RegExp(`/troubleshoot/httproute/${ns}/shop$`));
  await expect(page.locator('[data-first-failing="true"]')).toHaveAttribute("data-node-id", nodeId("Gateway", ctx.gwNs, "nope"));
});

test("a blocked rollout reads as serving with a warning, after a real outage; its chain names what serves", async ({ page, ns }) => {
  const byId = (id: string) =>
    SCENARIOS.find((s) => s.id === id) ??
    (() => {
      throw new Error(id);
    })();
  const blocked = await chainContext(ns);
  const down = { ...blocked, name: "down" };
  await createObjects(merged(byId("rollout-blocked").build(blocked)));
  await createObjects(merged(byId("container-missing").build(down)).filter((o) => !["Gateway", "GatewayClass"].includes(o.kind)));
  await page.goto(`/troubleshoot?q=ns:${ns} kind:ksvc`);
  const rows = page.locator("tr[data-row]");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute("data-row", `ksvc/${ns}/down`);
  await expect(rows.nth(0)).toHaveAttribute("data-health", "error");
  await expect(rows.nth(1)).toHaveAttribute("data-row", `ksvc/${ns}/hello`);
  await expect(rows.nth(1)).toHaveAttribute("data-health", "warning");
  await expect(rows.nth(1)).toContainText("Rollout blocked: hello-00002 is not Ready");
  await page.screenshot({ path: "test-results/chain-overview-rollout.png" });

  await page.goto(`/troubleshoot/ksvc/${ns}/hello`);
  await expect(page.locator("[data-chain-health]")).toHaveAttribute("data-chain-health", "warning");
  await expect(page.locator("main")).toContainText("serving hello-00001 100%");
  await expect(page.locator("[data-first-finding]")).toContainText("The Service keeps serving hello-00001 100%");
});

test("offline: a kubectl List dump uploaded in the browser shows the same overview and chains", async ({ page }) => {
  const ctx: ChainContext = { ns: "team-a", gwNs: "gateways", cls: "offline-class" };
  const s = SCENARIOS.find((x) => x.id === "hostname");
  if (!s?.expect) throw new Error("no hostname scenario");
  const list = { apiVersion: "v1", kind: "List", items: merged(s.build(ctx), plainRouteChain(ctx)) };
  // Nothing may go to the server once the page is loaded: the dump stays in the tab.
  const requests: string[] = [];
  await page.goto("/troubleshoot/offline");
  page.on("request", (r) => {
    if (r.method() !== "GET") requests.push(`${r.method()} ${r.url()}`);
  });
  await page.getByLabel("Upload a file").setInputFiles({ name: "chain.yaml", mimeType: "text/yaml", buffer: Buffer.from(JSON.stringify(list)) });
  await expect(page.getByText(`Read ${list.items.length} objects from chain.yaml`)).toBeVisible();
  await expect(page.locator("tr[data-row]").first()).toHaveAttribute("data-health", "error");
  await page.getByRole("button", { name: "Open the chain of Knative Service team-a/hello" }).click();
  await expect(page.locator('[data-first-failing="true"]')).toHaveAttribute("data-node-id", nodeId("HTTPRoute", "team-a", "hello.team-a.example.com"));
  await expect(page.locator("[data-first-finding]")).toContainText(s.expect.text);
  await page.screenshot({ path: "test-results/chain-offline.png" });
  expect(requests).toEqual([]);

  await page.getByRole("button", { name: "← All chains in the dump" }).click();
  await page.getByRole("button", { name: "Load another dump" }).click();
  await page.getByLabel("or paste it").fill("apiVersion: v1\nkind: List\nitems:\n  - kind: [broken\n");
  await page.getByRole("button", { name: "Diagnose" }).click();
  await expect(page.getByText("The file could not be read")).toBeVisible();
  await expect(page.getByText(/line \d+, column \d+/).first()).toBeVisible();
});
