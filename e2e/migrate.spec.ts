// The migration planner against the real API server: Knative Services on net-istio (with the
// VirtualServices and statuses net-istio writes), the Gateway API installed beside it, one
// Service ready to move and one whose domain no Gateway listener takes, and a hand-written
// VirtualService on the first one's host. The test cluster's default class is net-gateway-api's,
// so these Services keep Istio's by their own annotation, as in a cluster half way through.
import { INGRESS_CLASS_ANNOTATION, ISTIO_INGRESS_CLASS } from "../lib/knative/constants";
import type { KubeObject } from "../lib/k8s/meta";
import { istioChain } from "../lib/chain/testing/istio-chain";
import { gateway, gatewayClass, httpListener, type ChainContext } from "../lib/chain/testing/knative-chain";
import { chainContext, createObjects } from "./chain-fixtures";
import { expect, kubectl, test } from "./fixtures";

test.use({ trace: "off" });

function once(objects: KubeObject[]): KubeObject[] {
  const seen = new Set<string>();
  for (const o of objects) if (o.kind === "Service" && o.apiVersion.startsWith("serving.knative.dev/")) o.metadata.annotations = { [INGRESS_CLASS_ANNOTATION]: ISTIO_INGRESS_CLASS };
  return objects.filter((o) => {
    const k = `${o.apiVersion}/${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
    return !seen.has(k) && (seen.add(k), true);
  });
}

function handWritten(ctx: ChainContext): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1beta1",
    kind: "VirtualService",
    metadata: { name: "hello-extras", namespace: ctx.ns },
    spec: { hosts: [`hello.${ctx.ns}.example.com`], gateways: [`${ctx.gwNs}/knative-ingress-gateway`], http: [{ retries: { attempts: 3 }, timeout: "10s", route: [{ destination: { host: `hello-00001.${ctx.ns}.svc.cluster.local` } }] }] },
  };
}

test("/migrate says which Services are on Istio, which are ready to move, what blocks the rest and what would be lost", async ({ page, ns }) => {
  const ctx = await chainContext(ns);
  const objects = once([
    ...istioChain(ctx),
    ...istioChain({ ...ctx, name: "legacy", domain: "other.org" }),
    gatewayClass(ctx),
    gateway(ctx, "knative-gateway", [httpListener("*.example.com")]),
    gateway(ctx, "knative-local-gateway", [httpListener()]),
    handWritten(ctx),
  ]);
  await createObjects(objects);
  // The witness: the VirtualServices net-istio would have written are in the cluster.
  expect(await kubectl(["get", "virtualservices.networking.istio.io", "-n", ns, "-o", "name"])).toContain("virtualservice.networking.istio.io/hello-ingress");

  await page.goto(`/migrate?q=${ns}/`);
  await expect(page.getByRole("heading", { name: "Migrate to the Gateway API" })).toBeVisible();
  const hello = page.locator(`[data-plan="${ns}/hello"]`);
  const legacy = page.locator(`[data-plan="${ns}/legacy"]`);
  await expect(hello).toHaveAttribute("data-layer", "istio");
  await expect(hello).toHaveAttribute("data-ready", "true");
  await expect(hello).toContainText("ready to move");
  await expect(hello).toContainText("hand-written VirtualService on its hosts");
  await expect(legacy).toHaveAttribute("data-ready", "false");
  await expect(legacy).toContainText(`blocked: HTTPRoute legacy.${ns}.other.org would be accepted`);
  // Cluster-wide: other tests' Services count too, these two at least.
  await expect(page.locator('[data-summary="ready"]')).not.toContainText(/^0/);
  await expect(page.locator('[data-summary="blockers"]')).toContainText(`HTTPRoute legacy.${ns}.other.org would be accepted`);

  // Opened: now and after side by side, the checklist, and what the HTTPRoutes will not do.
  await hello.locator("summary").click();
  await expect(hello.getByRole("region", { name: "Now" })).toContainText("hello-ingress");
  await expect(hello.getByRole("region", { name: "Now" })).toContainText("hello-mesh");
  await expect(hello.getByRole("region", { name: "After the move" })).toContainText(`hello.${ns}.example.com → ${ctx.gwNs}/knative-gateway`);
  await expect(hello.locator('[data-check="failing"]')).toHaveCount(0);
  await expect(hello.getByRole("region", { name: "What changes" })).toContainText("retries a failed request 3 times; HTTPRoutes do not retry");
  await expect(hello.getByRole("region", { name: "What changes" })).toContainText("times requests out after 10s");
  await legacy.locator("summary").click();
  await expect(legacy.locator('[data-check="failing"]')).toContainText("NoMatchingListenerHostname");
  await page.screenshot({ path: "test-results/migrate.png", fullPage: true });

  // From the keyboard: the Service's line is a disclosure that Enter opens and closes.
  await hello.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(hello.getByRole("region", { name: "Now" })).toBeHidden();
});
