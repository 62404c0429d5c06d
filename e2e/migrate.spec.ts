// The migration planner against the real API server: Knative Services on net-istio (with the
// VirtualServices and statuses net-istio writes), the Gateway API installed beside it, one
// Service ready to move and one whose domain no Gateway listener takes, and a hand-written
// VirtualService on the first one's host. The test cluster's default class is net-gateway-api's,
// so these Services keep Istio's by their own annotation, as in a cluster half way through.
import { GATEWAY_API_INGRESS_CLASS, INGRESS_CLASS_ANNOTATION, ISTIO_INGRESS_CLASS } from "../lib/knative/constants";
import { kingressToHTTPRoutes } from "../lib/knative/kingress-to-httproutes";
import type { KubeObject } from "../lib/k8s/meta";
import { istioChain } from "../lib/chain/testing/istio-chain";
import { acceptedParents, chainGatewayConfig, gateway, gatewayClass, httpListener, type ChainContext } from "../lib/chain/testing/knative-chain";
import { chainContext, createObjects, merged, patchStatus } from "./chain-fixtures";
import { expect, kubectl, test } from "./fixtures";

test.use({ trace: "off" });

/** One object per kind and name, the Knative Services pinned to Istio's class. */
function once(objects: KubeObject[]): KubeObject[] {
  for (const o of objects)
    if (o.kind === "Service" && o.apiVersion.startsWith("serving.knative.dev/")) o.metadata.annotations = { [INGRESS_CLASS_ANNOTATION]: ISTIO_INGRESS_CLASS };
  return merged(objects);
}

function handWritten(ctx: ChainContext): KubeObject {
  return {
    apiVersion: "networking.istio.io/v1beta1",
    kind: "VirtualService",
    metadata: { name: "hello-extras", namespace: ctx.ns },
    spec: {
      hosts: [`hello.${ctx.ns}.example.com`],
      gateways: [`${ctx.gwNs}/knative-ingress-gateway`],
      http: [{ retries: { attempts: 3 }, timeout: "10s", route: [{ destination: { host: `hello-00001.${ctx.ns}.svc.cluster.local` } }] }],
    },
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
  await expect(
    hello.getByRole("region", { name: "What changes" }).getByRole("button", { name: `Open the suggested HTTPRoute ${ns}/hello-extras as a draft` }),
  ).toBeVisible();
  await legacy.locator("summary").click();
  await expect(legacy.locator('[data-check="failing"]')).toContainText("NoMatchingListenerHostname");
  await page.screenshot({ path: "test-results/migrate.png", fullPage: true });

  // From the keyboard: the Service's line is a disclosure that Enter opens and closes.
  await hello.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(hello.getByRole("region", { name: "Now" })).toBeHidden();
});

test("a hand-written VirtualService is a read-only node on its host's canvas, and its suggested HTTPRoute opens as a draft that applies", async ({
  page,
  ns,
}) => {
  const ctx = await chainContext(ns);
  const extras: KubeObject = {
    apiVersion: "networking.istio.io/v1beta1",
    kind: "VirtualService",
    metadata: { name: "hello-extras", namespace: ns },
    spec: {
      hosts: [`hello.${ns}.example.com`],
      gateways: [`${ctx.gwNs}/knative-ingress-gateway`],
      http: [
        {
          name: "beta",
          match: [{ uri: { prefix: "/api/" }, headers: { "x-beta": { exact: "1" } } }],
          retries: { attempts: 3 },
          timeout: "10s",
          route: [{ destination: { host: `hello-00001.${ns}.svc.cluster.local` } }],
        },
        { retries: { attempts: 0 }, route: [{ destination: { host: `hello-00001.${ns}.svc.cluster.local` } }] },
      ],
    },
  };
  await createObjects(
    once([
      ...istioChain(ctx),
      gatewayClass(ctx),
      gateway(ctx, "knative-gateway", [httpListener("*.example.com")]),
      gateway(ctx, "knative-local-gateway", [httpListener()]),
      extras,
    ]),
  );

  // The host has no HTTPRoute yet: the canvas shows the VirtualService, read-only; net-istio's own are not "hand-written".
  await page.goto(`/hosts/hello.${ns}.example.com`);
  const node = page.locator(`[data-virtual-service="${ns}/hello-extras"]`);
  await expect(node).toContainText("Istio VirtualService · read-only");
  await expect(node).toContainText("/api/… x-beta = 1 → hello-00001 (timeout 10s, 3 retries)");
  await expect(page.locator(`[data-virtual-service="${ns}/hello-ingress"]`)).toHaveCount(0);
  await expect(node).toContainText("1 thing an HTTPRoute cannot carry over");
  await page.screenshot({ path: test.info().outputPath("host-virtual-service.png") });

  await node.getByRole("button", { name: `Open the suggested HTTPRoute ${ns}/hello-extras as a draft` }).click();
  await expect(page).toHaveURL(new RegExp(`/routes/${ns}/hello-extras$`));
  await expect(page.getByRole("heading", { name: `New HTTPRoute ${ns}/hello-extras` })).toBeVisible();
  const origin = page.locator(`[data-suggested-from="VirtualService ${ns}/hello-extras"]`);
  await expect(origin).toContainText("1 thing it does that this HTTPRoute will not");
  await origin.locator("summary").click();
  await expect(origin).toContainText("retries 3 times: HTTPRoutes do not retry");
  await expect(page.locator("[data-yaml]")).toContainText("request: 10s");
  await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");
  await page.screenshot({ path: test.info().outputPath("suggested-draft.png") });

  // The API server judges it (dry-run, then apply); kubectl witnesses what reached the cluster.
  await page.getByRole("button", { name: "Dry-run" }).click();
  await expect(page.locator("[data-apply-status]")).toHaveAttribute("data-apply-status", "dry-run-ok");
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.locator("[data-apply-status]")).toHaveAttribute("data-apply-status", "applied");
  const route = JSON.parse(await kubectl(["get", "httproute", "hello-extras", "-n", ns, "-o", "json"])) as { spec: { hostnames: string[]; rules: unknown[] } };
  expect(route.spec.hostnames).toEqual([`hello.${ns}.example.com`]);
  expect(route.spec.rules).toMatchObject([
    {
      name: "beta",
      matches: [{ path: { type: "PathPrefix", value: "/api/" }, headers: [{ name: "x-beta", type: "Exact", value: "1" }] }],
      backendRefs: [{ name: "hello-00001", port: 80 }],
      timeouts: { request: "10s" },
    },
    { backendRefs: [{ name: "hello-00001", port: 80 }] },
  ]);
});

/** What Knative and net-gateway-api do after a move: the KIngress takes the new class, net-istio's VirtualServices go, the HTTPRoutes come with their status. */
async function controllersCatchUp(ctx: ChainContext): Promise<void> {
  const ns = ctx.ns;
  await kubectl([
    "annotate",
    "--overwrite",
    "ingresses.networking.internal.knative.dev",
    "hello",
    "-n",
    ns,
    `${INGRESS_CLASS_ANNOTATION}=${GATEWAY_API_INGRESS_CLASS}`,
  ]);
  await kubectl(["delete", "virtualservices.networking.istio.io", "hello-ingress", "hello-mesh", "-n", ns]);
  const kingress = JSON.parse(await kubectl(["get", "ingresses.networking.internal.knative.dev", "hello", "-n", ns, "-o", "json"])) as KubeObject;
  // Owned by the real KIngress (its uid is in the objects net-gateway-api makes).
  const routes = kingressToHTTPRoutes(kingress as never, chainGatewayConfig(ctx)) as unknown as KubeObject[];
  await kubectl(["create", "-f", "-"], { apiVersion: "v1", kind: "List", items: routes });
  for (const r of routes) await patchStatus(r, acceptedParents(r));
}

test("a Service moved through the planner: dry-run then apply of its annotation, the chain switches to HTTPRoutes, and the way back restores it", async ({
  page,
  ns,
}) => {
  const ctx = await chainContext(ns);
  const objects = once([
    ...istioChain(ctx),
    gatewayClass(ctx),
    gateway(ctx, "knative-gateway", [httpListener("*.example.com")]),
    gateway(ctx, "knative-local-gateway", [httpListener()]),
  ]);
  await createObjects(objects);
  const annotation = async () =>
    ((JSON.parse(await kubectl(["get", "services.serving.knative.dev", "hello", "-n", ns, "-o", "json"])) as KubeObject).metadata.annotations ?? {})[
      INGRESS_CLASS_ANNOTATION
    ];

  await page.goto(`/migrate?q=${ns}/`);
  const hello = page.locator(`[data-plan="${ns}/hello"]`);
  await hello.locator("summary").click();
  await hello.getByRole("button", { name: "Move to the Gateway API" }).click();
  // kubectl created the Service with the annotation: taking it over is the user's call, and says whose it was.
  await expect(hello.getByRole("alert")).toContainText("kubectl");
  expect(await annotation()).toBe(ISTIO_INGRESS_CLASS);
  await hello.getByRole("button", { name: "Take over the annotation and move" }).click();
  await expect(hello.getByText(/^Moved to the Gateway API \(resourceVersion \d+\)/)).toBeVisible();
  expect(await annotation()).toBe(GATEWAY_API_INGRESS_CLASS);
  await expect(hello).toHaveAttribute("data-layer", "gateway-api");

  // The chain, live: VirtualServices while net-istio's objects are there, HTTPRoutes once the controllers catch up.
  const chain = await page.context().newPage();
  await chain.goto(`/troubleshoot/ksvc/${ns}/hello`);
  await expect(chain.locator(`[data-node-id="VirtualService/${ns}/hello-ingress"]`)).toBeVisible();
  await controllersCatchUp(ctx);
  await expect(chain.locator(`[data-node-id="HTTPRoute/${ns}/hello.${ns}.example.com"]`)).toBeVisible();
  await expect(chain.locator(`[data-node-id^="VirtualService/"]`)).toHaveCount(0);
  await expect(chain.locator("[data-chain-health]")).toHaveAttribute("data-chain-health", "ok");
  await chain.screenshot({ path: "test-results/migrate-chain-switched.png" });

  // The way back, one click away.
  await hello.getByRole("button", { name: "Move back to Istio" }).click();
  await expect(hello.getByText(/^Moved to Istio \(resourceVersion \d+\)/)).toBeVisible();
  expect(await annotation()).toBe(ISTIO_INGRESS_CLASS);
});

test("a viewer sees the planner read-only, and why", async ({ page, ns }) => {
  const ctx = await chainContext(ns);
  await createObjects(
    once([
      ...istioChain(ctx),
      gatewayClass(ctx),
      gateway(ctx, "knative-gateway", [httpListener("*.example.com")]),
      gateway(ctx, "knative-local-gateway", [httpListener()]),
    ]),
  );
  await page.context().addCookies([{ name: "routeboard-context", value: "viewer", url: process.env.ROUTEBOARD_URL ?? "" }]);
  await page.goto(`/migrate?q=${ns}/`);
  const hello = page.locator(`[data-plan="${ns}/hello"]`);
  await hello.locator("summary").click();
  await expect(hello.locator("[data-read-only]")).toContainText(`patch services.serving.knative.dev in namespace ${ns} is forbidden`);
  await expect(hello.getByRole("button", { name: /Move/ })).toHaveCount(0);
});
