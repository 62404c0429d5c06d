// Every troubleshooting scenario built through the real API server, its chain page opened:
// the right link is highlighted with the right finding.
import { nodeId } from "../lib/chain";
import { SCENARIOS, type Scenario } from "../lib/chain/testing/scenarios";
import { gwConditions, ok } from "../lib/chain/testing/conditions";
import { chainContext, createScenario, patchStatus } from "./chain-fixtures";
import { expect, kubectl, test } from "./fixtures";
import type { Page } from "@playwright/test";
import type { ChainContext } from "../lib/chain/testing/knative-chain";

// Other runs on this machine share test-results/ and clear it when they start, which can take a
// trace file from under a passing test; screenshots are written explicitly instead.
test.use({ trace: "off" });

function chainPath(s: Scenario, ctx: ChainContext): string {
  return `/troubleshoot/${s.root === "KnativeService" ? "ksvc" : "httproute"}/${ctx.ns}/${encodeURIComponent(s.rootName(ctx))}`;
}

async function expectFirstFailing(page: Page, id: string, code: string, text: RegExp) {
  const first = page.locator('[data-first-failing="true"]');
  await expect(first).toHaveCount(1);
  await expect(first).toHaveAttribute("data-node-id", id);
  await expect(page.locator("[data-first-finding]")).toHaveAttribute("data-first-finding", code);
  await expect(page.locator("[data-first-finding]")).toContainText(text);
  // The finding is also drawn beside the failing link in the graph.
  await expect(page.locator(`[data-callout="${code}"]`)).toContainText(text);
}

const SHOTS = new Set(["hostname", "container-missing", "healthy", "rule-shadowed", "istio-healthy", "istio-vs-not-owned"]);

for (const s of SCENARIOS.filter((x) => !x.unitOnly)) {
  test(`chain ${s.id}: ${s.title}`, async ({ page, ns }) => {
    const ctx = await chainContext(ns);
    await createScenario(s, ctx);
    await page.goto(chainPath(s, ctx));
    await expect(page.getByText("live", { exact: true })).toBeVisible();
    const e = s.expect;
    if (!e) {
      await expect(page.locator("[data-chain-health]")).toHaveAttribute("data-chain-health", "ok");
      await expect(page.locator('[data-first-failing="true"]')).toHaveCount(0);
      await expect(page.getByText("Every link of the chain is healthy.")).toBeVisible();
      await expect(page.locator('button[data-node-id][data-health="ok"]').first()).toBeVisible();
      await expect(page.locator('button[data-node-id]:not([data-health="ok"])')).toHaveCount(0);
    } else {
      await expect(page.locator("[data-chain-health]")).toHaveAttribute("data-chain-health", /error|warning/);
      await expectFirstFailing(page, nodeId(e.kind, e.namespace(ctx), e.name(ctx)), e.code, e.text);
      // The failing object's conditions are shown beside the graph until another is picked.
      await expect(page.locator("[data-details]")).toHaveAttribute("data-details", nodeId(e.kind, e.namespace(ctx), e.name(ctx)));
    }
    if (SHOTS.has(s.id)) await page.screenshot({ path: `test-results/chain-${s.id}.png` });
  });
}

test("conditions of any link open from the keyboard (Tab to a node, Enter)", async ({ page, ns }) => {
  const s = SCENARIOS.find((x) => x.id === "healthy");
  if (!s) throw new Error("no healthy scenario");
  const ctx = await chainContext(ns);
  await createScenario(s, ctx);
  await page.goto(chainPath(s, ctx));
  const rev = page.getByRole("button", { name: /^Revision hello-00001: healthy/ });
  await rev.focus();
  await page.keyboard.press("Enter");
  const details = page.locator("[data-details]");
  await expect(details).toHaveAttribute("data-details", nodeId("Revision", ns, "hello-00001"));
  await expect(details.locator('[data-condition="ContainerHealthy"]')).toContainText("True");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(details).not.toHaveAttribute("data-details", nodeId("Revision", ns, "hello-00001"));
});

test("a status fixed while the page is open turns the chain green without a reload", async ({ page, ns }) => {
  const s = SCENARIOS.find((x) => x.id === "class-not-accepted");
  if (!s?.expect) throw new Error("no class-not-accepted scenario");
  const ctx = await chainContext(ns);
  const created = await createScenario(s, ctx);
  await page.goto(chainPath(s, ctx));
  await expectFirstFailing(page, nodeId("GatewayClass", undefined, ctx.cls), "GatewayClassNotAccepted", s.expect.text);

  // The controller accepts the class, then programs the Gateways, as it would after a fix.
  const byKind = (k: string) => created.filter((o) => o.kind === k);
  for (const o of byKind("GatewayClass")) await patchStatus(o, { conditions: gwConditions(ok("Accepted")) });
  await expect(page.locator(`button[data-node-id="${nodeId("GatewayClass", undefined, ctx.cls)}"]`)).toHaveAttribute("data-health", "ok");
  for (const o of byKind("Gateway")) await patchStatus(o, { conditions: gwConditions(ok("Accepted", "Programmed")) });
  await expect(page.locator("[data-chain-health]")).toHaveAttribute("data-chain-health", "ok");
  await expect(page.locator('[data-first-failing="true"]')).toHaveCount(0);
  await expect(page.getByText("Every link of the chain is healthy.")).toBeVisible();
});

test("a route changed after its status was written shows the status as stale", async ({ page, ns }) => {
  const s = SCENARIOS.find((x) => x.id === "healthy-route");
  if (!s) throw new Error("no healthy-route scenario");
  const ctx = await chainContext(ns);
  await createScenario(s, ctx);
  await page.goto(chainPath(s, ctx));
  await expect(page.locator("[data-chain-health]")).toHaveAttribute("data-chain-health", "ok");
  await kubectl([
    "patch",
    "httproute",
    "shop",
    "-n",
    ns,
    "--type=merge",
    "-p",
    JSON.stringify({ spec: { hostnames: ["shop.example.com", "www.example.com"] } }),
  ]);
  await expectFirstFailing(page, nodeId("HTTPRoute", ns, "shop"), "StaleStatus", /written for generation 1, but the route is at generation 2/);
  await expect(page.locator("[data-chain-health]")).toHaveAttribute("data-chain-health", "warning");
});

test("a chain page for an object that does not exist says so", async ({ page, ns }) => {
  await page.goto(`/troubleshoot/ksvc/${ns}/nothing`);
  await expect(page.getByText(`There is no Knative Service ${ns}/nothing`)).toBeVisible();
});
