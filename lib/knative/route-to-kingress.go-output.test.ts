// End to end against Knative's own code: ConfigMaps → networkConfigFromConfigMaps →
// routeToKIngress must equal what knative.dev/serving v0.50.0 (knative-v1.23.0) wrote for the
// same Route and ConfigMaps (resources.MakeIngress after netcfg.NewConfigFromMap,
// NewDomainFromConfigMap and NewFeaturesConfigFromMap; see "source" in the data file). The
// traffic.Config handed to Go was written out as BuildTrafficConfiguration builds it for
// CANARY_TRAFFIC, and its Visibility as visibility.Resolver resolves the targetVisibility listed
// (so Routeboard's own traffic and visibility steps are checked here too, not Go's).
import { describe, expect, it } from "vitest";
import { networkConfigFromConfigMaps, type KnativeConfigMaps } from "./config-maps";
import { routeToKIngress } from "./route-to-kingress";
import { routeFromService } from "./service-route";
import { RESOLUTION, helloService } from "./test-fixtures";
import data from "./testdata/make-ingress.serving-v0.50.0.json";
import type { IngressVisibility } from "./types";

describe("routeToKIngress = knative.dev/serving v0.50.0 (knative-v1.23.0) MakeIngress output", () => {
  it.each(data.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const route = routeFromService(helloService());
    route.metadata.uid = "route-uid";
    route.metadata.annotations = {
      ...route.metadata.annotations,
      "networking.knative.dev/ingress-class": "alt",
      "networking.knative.dev/certificate-class": "c",
    };
    const parsed = networkConfigFromConfigMaps(c.configMaps as KnativeConfigMaps);
    expect(parsed.errors).toEqual([]);
    const r = routeToKIngress(route, { ...RESOLUTION, ...parsed.config, targetVisibility: c.targetVisibility as Record<string, IngressVisibility> });
    expect(r.errors).toEqual([]);
    const { apiVersion, kind, ...rest } = r.ingress!;
    expect([apiVersion, kind]).toEqual(["networking.internal.knative.dev/v1alpha1", "Ingress"]);
    expect(JSON.parse(JSON.stringify(rest))).toStrictEqual(c.ingress);
  });
});
