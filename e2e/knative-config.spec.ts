// Issue #12: the traffic page's preview follows the cluster's own Knative configuration
// (knative-serving ConfigMaps), says where each value comes from, and says so when the user may
// not read it. The ConfigMaps are the cluster's: the test puts them back as it found them.
import type { Page } from "@playwright/test";
import { writeConfigGateway } from "./chain-fixtures";
import { asUser } from "./canvas-helpers";
import { netGatewayApiConfig } from "./knative-config-fixtures";
import { createKnativeService } from "./knative-traffic-fixtures";
import { expect, kubectl, test } from "./fixtures";

const gateways = (features: string[]) => ({
  externalGateways: [{ namespace: "envoy-gateway", name: "public", class: "eg", supportedFeatures: features }],
  localGateways: [{ namespace: "envoy-gateway", name: "internal", class: "eg", supportedFeatures: features }],
});

async function publicDomain(): Promise<void> {
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "config-domain", namespace: "knative-serving" },
    data: { "apps.example.com": "" },
  });
}

const produced = (page: Page) => page.getByLabel("Route and HTTPRoutes it will produce");

async function openPreview(page: Page, ns: string): Promise<void> {
  await page.goto(`/services/${ns}/hello`);
  await page.getByText("All of it, not only the changes").click();
  await page.getByText(/^Knative configuration in effect \(/).click();
}

test("a custom gateway with and without HTTPRouteRequestTimeout changes the preview; each value says where it came from", async ({ page, ns }) => {
  await createKnativeService(ns, { traffic: [{ revisionName: "hello-00002", latestRevision: false, percent: 100 }] });
  await publicDomain();
  try {
    await writeConfigGateway(gateways(["HTTPRouteRequestTimeout"]));
    await openPreview(page, ns);
    await expect(produced(page)).toContainText(`name: hello.${ns}.apps.example.com`);
    await expect(produced(page)).toContainText("namespace: envoy-gateway");
    await expect(produced(page)).toContainText("name: public");
    await expect(produced(page)).toContainText("request: 0s");
    const settings = page.locator("[data-knative-settings]");
    await expect(settings.locator('[data-setting="external gateway"]')).toContainText("envoy-gateway/public (class eg; supports HTTPRouteRequestTimeout)");
    await expect(settings.locator('[data-setting="external gateway"]')).toContainText("ConfigMap config-gateway external-gateways");
    await expect(settings.locator('[data-setting="ingress class"]')).toContainText("ConfigMap config-network key ingress-class");
    await expect(settings.locator('[data-setting="domain"]').first()).toContainText("apps.example.com");
    await expect(settings.locator('[data-setting="tag template"]')).toContainText("Knative's default");
    await page.screenshot({ path: test.info().outputPath("traffic-knative-config.png"), fullPage: true });

    // The same gateway without the feature: no request timeouts in any rule.
    await writeConfigGateway(gateways([]));
    await openPreview(page, ns);
    await expect(produced(page)).toContainText("name: public");
    await expect(produced(page)).not.toContainText("timeouts");
    await expect(page.locator('[data-setting="external gateway"]')).toContainText("no declared features");

    // A user who may not read knative-serving's ConfigMaps is told the defaults are assumed.
    await asUser(page, "viewer");
    await openPreview(page, ns);
    await expect(page.locator("[data-settings-notes]")).toContainText(
      "ConfigMap knative-serving/config-gateway could not be read (you may not read it): Knative's defaults are assumed for it.",
    );
    // Knative's default ingress class is Istio's: net-gateway-api would make no HTTPRoutes.
    await expect(page.locator("[data-other-ingress-class]")).toContainText("istio.ingress.networking.knative.dev");
    await expect(produced(page)).not.toContainText("kind: HTTPRoute");
  } finally {
    await netGatewayApiConfig();
  }
});
