import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/meta";
import { GATEWAY_API_INGRESS_CLASS, ISTIO_INGRESS_CLASS } from "../knative/constants";
import { predictFor } from "./predicted";
import { isPredicted } from "./predicted-objects";
import { resolveChain } from "./resolve";
import { indexObjects, indexedKindOf } from "./objects";
import { predictControllerObjects, type ControllerSettings } from "./synthesize";
import { chainIstioConfig, istioChain } from "./testing/istio-chain";
import { chainGatewayConfig, knativeChain, pick, type ChainContext } from "./testing/knative-chain";

const ctx: ChainContext = { ns: "team-a", gwNs: "gateways", cls: "test-class" };
const root = { kind: "KnativeService" as const, namespace: "team-a", name: "hello" };
const CONTROLLER_MADE = new Set(["Configuration", "Revision", "Route", "KIngress", "HTTPRoute", "VirtualService"]);

/** What a Git folder holds of a cluster: no status, no uid or generation, none of what the controllers make. */
function asFolder(objects: KubeObject[], alsoDrop: (o: KubeObject) => boolean = () => false): KubeObject[] {
  return objects.flatMap((o) => {
    const kind = indexedKindOf(o.apiVersion, o.kind) ?? "";
    if (CONTROLLER_MADE.has(kind) || alsoDrop(o)) return [];
    const { uid: _uid, generation: _gen, ...metadata } = o.metadata;
    const { status, ...rest } = o;
    // The GatewayClass's status says its controller runs (the predictions start from it).
    return [kind === "GatewayClass" ? { ...rest, metadata, status } : { ...rest, metadata }];
  });
}

const revisionService = (o: KubeObject) => o.kind === "Service" && o.apiVersion === "v1" && o.metadata.name === "hello-00001";
const specOf = (o: KubeObject) => (o as { spec?: unknown }).spec;
const gatewaySettings: ControllerSettings = {
  network: { domains: { "example.com": {} }, ingressClass: GATEWAY_API_INGRESS_CLASS },
  gateway: chainGatewayConfig(ctx),
};

function chainOf(folder: KubeObject[], settings: ControllerSettings) {
  const p = predictControllerObjects(folder, settings);
  const index = indexObjects([...folder, ...p.objects]);
  return {
    p,
    chain: resolveChain(index, root, {
      ...(settings.gateway && { gateway: settings.gateway }),
      ...(settings.istio && { istio: settings.istio }),
      prediction: predictFor(index),
      predicted: p.services,
    }),
  };
}

describe("a workspace folder's Knative Service, with what the controllers would make of it", () => {
  it("predicts the Configuration, Revision and its Service, Route, KIngress and HTTPRoutes the controllers leave in a cluster", () => {
    const cluster = knativeChain(ctx);
    const { p } = chainOf(asFolder(cluster, revisionService), gatewaySettings);
    expect(p.services.get("team-a/hello")).toEqual({ kinds: ["Configuration", "Revision", "Service", "Route", "KIngress", "HTTPRoute"], problems: [] });
    expect(p.objects.every(isPredicted)).toBe(true);
    // Spec for spec, what the test cluster's chain holds (built the way the controllers build it).
    for (const [kind, name] of [
      ["Revision", "hello-00001"],
      ["Route", "hello"],
      ["KIngress", "hello"],
      ["HTTPRoute", "hello.team-a.example.com"],
      ["HTTPRoute", "hello.team-a.svc.cluster.local"],
    ] as const) {
      const predicted = p.objects.find((o) => indexedKindOf(o.apiVersion, o.kind) === kind && o.metadata.name === name);
      expect(predicted, `${kind} ${name}`).toBeDefined();
      expect(specOf(predicted as KubeObject)).toEqual(specOf(pick(cluster, kind, name)));
    }
    const svc = p.objects.find(revisionService);
    expect(specOf(svc as KubeObject)).toEqual({ ports: [{ name: "http", protocol: "TCP", port: 80, targetPort: 8012 }] });
  });

  it("runs the chain on to the Gateways, marks what is predicted, and blames no controller for the status nothing could write yet", () => {
    const { chain } = chainOf(asFolder(knativeChain(ctx), revisionService), gatewaySettings);
    expect(chain.predicted).toBe(true);
    const byKind = (k: string) => chain.nodes.filter((n) => n.kind === k);
    expect(
      byKind("Gateway")
        .map((n) => n.name)
        .sort(),
    ).toEqual(["knative-gateway", "knative-local-gateway"]);
    expect(byKind("HTTPRoute").every((n) => n.predicted && !n.missing)).toBe(true);
    expect(byKind("Route").every((n) => n.predicted)).toBe(true);
    expect(byKind("KnativeService").every((n) => !n.predicted)).toBe(true);
    // The routes' conditions are the ones a conformant implementation must write.
    expect(byKind("HTTPRoute")[0]?.conditions.some((c) => c.predicted && c.type.startsWith("Accepted") && c.status === "True")).toBe(true);
    const codes = chain.findings.map((f) => f.code);
    expect(codes).not.toContain("IngressNotConfigured");
    expect(codes).not.toContain("NoRouteStatus");
    expect(codes).not.toContain("BackendNotFound");
    expect(chain.findings).toEqual([]);
    expect(chain.health).not.toBe("error");
  });

  it("follows the ingress class: on net-istio, the VirtualServices net-istio would write", () => {
    const cluster = istioChain(ctx);
    const settings: ControllerSettings = { network: { domains: { "example.com": {} }, ingressClass: ISTIO_INGRESS_CLASS }, istio: chainIstioConfig(ctx) };
    const { p, chain } = chainOf(asFolder(cluster, revisionService), settings);
    expect(p.services.get("team-a/hello")?.kinds).toEqual(["Configuration", "Revision", "Service", "Route", "KIngress", "VirtualService"]);
    for (const name of ["hello-ingress", "hello-mesh"]) {
      const predicted = p.objects.find((o) => o.kind === "VirtualService" && o.metadata.name === name);
      expect(specOf(predicted as KubeObject)).toEqual(specOf(pick(cluster, "VirtualService", name)));
    }
    expect(chain.findings).toEqual([]);
    expect(
      chain.nodes
        .filter((n) => n.kind === "GatewayService")
        .map((n) => n.name)
        .sort(),
    ).toEqual(["istio-ingressgateway", "knative-local-gateway"]);
  });

  it("pins: a Revision the traffic names is predicted under that name, and the latest one after it", () => {
    const folder = asFolder(knativeChain(ctx), revisionService);
    const ksvc = pick(folder, "KnativeService", "hello") as KubeObject & { spec: { traffic: unknown[] } };
    ksvc.spec.traffic = [
      { revisionName: "hello-00003", percent: 90 },
      { latestRevision: true, percent: 10, tag: "canary" },
    ];
    const { p, chain } = chainOf(folder, gatewaySettings);
    expect(
      p.objects
        .filter((o) => o.kind === "Revision")
        .map((o) => o.metadata.name)
        .sort(),
    ).toEqual(["hello-00003", "hello-00004"]);
    expect(
      chain.nodes
        .filter((n) => n.kind === "Revision")
        .map((n) => `${n.name} ${n.facts[0]}`)
        .sort(),
    ).toEqual(["hello-00003 90% of traffic", "hello-00004 10% of traffic"]);
    // The tag adds its own HTTPRoute.
    expect(chain.nodes.filter((n) => n.kind === "HTTPRoute").map((n) => n.name)).toContain("canary-hello.team-a.example.com");
  });

  it("says, in Knative's words, why it would stop short: a domain template Knative refuses", () => {
    const folder = asFolder(knativeChain(ctx), revisionService);
    const { p, chain } = chainOf(folder, { ...gatewaySettings, network: { ...gatewaySettings.network, domainTemplate: "{{.Name}}" } });
    expect(p.services.get("team-a/hello")?.problems.length).toBeGreaterThan(0);
    expect(chain.firstFailing?.code).toBe("KIngressMissing");
    expect(chain.firstFailing?.title).toMatch(/^Knative would create no KIngress for Route hello: .+/);
  });

  it("another ingress class: the Knative half, and a plain word that the rest is not predicted", () => {
    const folder = asFolder(knativeChain(ctx), revisionService);
    const { p, chain } = chainOf(folder, {
      ...gatewaySettings,
      network: { ...gatewaySettings.network, ingressClass: "kourier.ingress.networking.knative.dev" },
    });
    expect(p.services.get("team-a/hello")?.kinds).toEqual(["Configuration", "Revision", "Service", "Route", "KIngress"]);
    const f = chain.findings.find((x) => x.code === "IngressNotConfigured");
    expect(f?.severity).toBe("warning");
    expect(f?.title).toMatch(/ingress class is kourier\.ingress\.networking\.knative\.dev/);
    expect(chain.findings.map((x) => x.code)).not.toContain("NoHTTPRoutes");
  });

  it("leaves a Service that has its own Route alone, and a hand-written object wins over its prediction", () => {
    const cluster = knativeChain(ctx);
    expect(predictControllerObjects(cluster, gatewaySettings).objects).toEqual([]);
    // The folder has the Configuration by hand: only what is missing is predicted.
    const folder = [...asFolder(cluster), pick(cluster, "Configuration", "hello")];
    const { p } = chainOf(folder, gatewaySettings);
    expect(p.objects.some((o) => o.kind === "Configuration")).toBe(false);
    expect(p.objects.some((o) => o.kind === "Service" && o.apiVersion === "v1")).toBe(false);
    expect(p.services.get("team-a/hello")?.kinds).toEqual(["Revision", "Route", "KIngress", "HTTPRoute"]);
  });
});
