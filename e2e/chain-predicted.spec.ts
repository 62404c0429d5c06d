// Issue #13: the same broken setups as e2e/chain.spec.ts, as a Git folder holds them — no
// status anywhere, since no controller ever saw them. The chain page shows the conditions a
// conformant implementation must write, marked as predicted, and names the same broken link.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { stringify } from "yaml";
import { nodeId } from "../lib/chain";
import type { ChainContext } from "../lib/chain/testing/knative-chain";
import { SCENARIOS } from "../lib/chain/testing/scenarios";
import { startApp, type App } from "./server.ts";

const ctx: ChainContext = { ns: "shop", gwNs: "gateways", cls: "example" };
// The plain-HTTPRoute setups whose verdict follows from the spec alone (not from a controller's
// status; the Knative ones need Knative's statuses, which a folder of manifests never has).
const CANDIDATES = [
  "no-matching-parent",
  "gateway-missing",
  "ref-not-permitted",
  "grpc-only-listener",
  "backend-port-missing",
  "external-name",
  "rule-shadowed",
  "healthy-route",
];
const IDS = CANDIDATES.filter((id) => SCENARIOS.find((x) => x.id === id)?.root === "HTTPRoute");

let app: App;
let dir: string;
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "routeboard-predicted-"));
  for (const id of IDS) {
    const s = SCENARIOS.find((x) => x.id === id);
    if (!s) throw new Error(id);
    const objects = s.build({ ...ctx, ns: id, gwNs: `${id}-gw`, cls: `${id}-class` }).map((o) => {
      // As written by hand: no status (but the GatewayClass's, which says its controller exists).
      const { status, ...rest } = o;
      const meta = { ...o.metadata };
      delete meta.uid;
      delete meta.generation;
      return o.kind === "GatewayClass" ? { ...rest, metadata: meta, status } : { ...rest, metadata: meta };
    });
    writeFileSync(join(dir, `${id}.yaml`), objects.map((o) => stringify(o)).join("---\n"));
  }
  app = await startApp({ kubeconfig: join(dir, "absent"), workspace: dir });
});
test.afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

for (const id of IDS) {
  test(`workspace, predicted: ${id}`, async ({ page }) => {
    const s = SCENARIOS.find((x) => x.id === id);
    if (!s) throw new Error(id);
    const c = { ...ctx, ns: id, gwNs: `${id}-gw`, cls: `${id}-class` };
    await page.goto(`${app.url}/troubleshoot/httproute/${id}/${encodeURIComponent(s.rootName(c))}`);
    // The route's conditions are the predicted ones (a missing Gateway has no controller to predict for).
    if (id !== "gateway-missing") {
      // From the keyboard, as a callout drawn over the graph may cover the node.
      await page
        .locator(`[data-node-id="${nodeId("HTTPRoute", id, s.rootName(c))}"]`)
        .first()
        .focus();
      await page.keyboard.press("Enter");
      await expect(page.locator("[data-details]")).toHaveAttribute("data-details", nodeId("HTTPRoute", id, s.rootName(c)));
      await expect(page.locator("[data-details] [data-predicted]").first()).toBeVisible();
    }
    if (id === "grpc-only-listener") await page.screenshot({ path: test.info().outputPath("chain-predicted.png") });
    if (!s.expect) {
      await expect(page.locator("[data-chain-health]")).toHaveAttribute("data-chain-health", /ok|pending|warning/);
      await expect(page.locator("[data-first-finding]")).not.toHaveAttribute("data-first-finding", /NotAllowed|NoMatching|NotFound|RefNotPermitted|Missing/);
      return;
    }
    await expect(page.locator("[data-first-finding]")).toHaveAttribute("data-first-finding", s.expect.code);
    await expect(page.locator('[data-first-failing="true"]')).toHaveAttribute("data-node-id", nodeId(s.expect.kind, s.expect.namespace(c), s.expect.name(c)));
  });
}
