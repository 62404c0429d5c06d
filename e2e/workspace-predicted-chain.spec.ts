// Issue #16: a Git folder holds Knative Services, not the Configuration, Revision, Route, KIngress
// and HTTPRoutes the controllers make of them. In workspace mode the chain predicts those (as
// lib/knative reproduces Knative and net-gateway-api), marks them, and runs on to the Gateways —
// so a Service that would not attach is named before anything is applied. A copy of examples/.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { nodeId } from "../lib/chain";
import { startApp, type App } from "./server.ts";

let app: App;
let dir: string;
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "routeboard-ws-predict-"));
  cpSync(resolve("examples"), dir, { recursive: true });
  app = await startApp({ kubeconfig: join(dir, "absent-kubeconfig"), workspace: dir });
});
test.afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const node = (kind: Parameters<typeof nodeId>[0], ns: string | undefined, name: string) => `[data-node-id="${nodeId(kind, ns, name)}"]`;

test("a Knative Service alone: its chain runs through predicted objects to the Gateways, healthy", async ({ page }) => {
  await page.goto(`${app.url}/troubleshoot/ksvc/web/hello`);
  await expect(page.locator(node("Route", "web", "hello"))).toHaveAttribute("data-predicted-node", "true");
  for (const [kind, name] of [
    ["Configuration", "hello"],
    ["Revision", "hello-00001"],
    ["KIngress", "hello"],
    ["HTTPRoute", "hello.web.example.com"],
    ["HTTPRoute", "hello.web.svc.cluster.local"],
  ] as const) {
    await expect(page.locator(node(kind, "web", name)), `${kind} ${name}`).toHaveAttribute("data-predicted-node", "true");
  }
  // What the folder holds is not predicted: the Service itself, the Gateways.
  await expect(page.locator(node("KnativeService", "web", "hello"))).not.toHaveAttribute("data-predicted-node", "true");
  await expect(page.locator(node("Gateway", "istio-system", "knative-gateway"))).toBeVisible();
  await expect(page.locator(node("Gateway", "istio-system", "knative-local-gateway"))).toBeVisible();
  await expect(page.locator("[data-first-finding]")).toHaveAttribute("data-first-finding", "none");
  await expect(page.locator("[data-chain-predicted]")).toContainText("Knative and net-gateway-api would create");
  // The predicted HTTPRoute carries the conditions a conformant implementation must write.
  await page
    .locator(node("HTTPRoute", "web", "hello.web.example.com"))
    .first()
    .focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-details] [data-predicted]").first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("workspace-predicted-chain.png"), fullPage: true });
});

test("a Service whose namespace the gateway does not admit: the predicted HTTPRoute is the first failing link", async ({ page }) => {
  await page.goto(`${app.url}/troubleshoot/ksvc/intranet/wiki`);
  await expect(page.locator("[data-first-finding]")).toHaveAttribute("data-first-finding", "NotAllowedByListeners");
  await expect(page.locator('[data-first-failing="true"]')).toHaveAttribute("data-node-id", nodeId("HTTPRoute", "intranet", "wiki.intranet.example.com"));
  await expect(page.getByRole("status").first()).toContainText("no listener allows routes from namespace intranet");
});

test("the overview lists the predicted HTTPRoutes, marked, and each opens", async ({ page }) => {
  await page.goto(`${app.url}/troubleshoot`);
  const row = page.locator('tr[data-row="httproute/web/hello.web.example.com"]');
  await expect(row).toContainText("predicted");
  await expect(page.locator('tr[data-row="ksvc/intranet/wiki"]')).toHaveAttribute("data-health", "error");
  // Hand-written routes are not marked.
  await expect(page.locator('tr[data-row="httproute/shop/shop"]')).not.toContainText("predicted");
  await page.screenshot({ path: test.info().outputPath("workspace-predicted-overview.png"), fullPage: true });
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/troubleshoot\/httproute\/web\/hello\.web\.example\.com$/);
  await expect(page.locator(node("HTTPRoute", "web", "hello.web.example.com"))).toHaveAttribute("data-predicted-node", "true");
});

test("an edit of the folder's Service reaches the open chain: a tag adds its predicted HTTPRoute", async ({ page }) => {
  await page.goto(`${app.url}/troubleshoot/ksvc/web/hello`);
  await expect(page.locator(node("HTTPRoute", "web", "hello.web.example.com"))).toBeVisible();
  const file = join(dir, "hello", "hello.yaml");
  const text = readFileSync(file, "utf8").replace(
    "            - containerPort: 8080\n",
    "            - containerPort: 8080\n  traffic:\n    - latestRevision: true\n      percent: 100\n      tag: preview\n",
  );
  writeFileSync(file, text);
  await expect(page.locator(node("HTTPRoute", "web", "preview-hello.web.example.com"))).toHaveAttribute("data-predicted-node", "true", { timeout: 15_000 });
});
