// Issue #11, item 3: server actions called as an attacker would, from Routeboard's own origin
// (the Host and Origin checks passed): each writes only the kind and fields of its page, force
// is the server's decision, and no answer carries managedFields or kubectl's last-applied copy.
import { startApp, type App } from "../server.ts";
import { createKnativeService } from "../knative-traffic-fixtures.ts";
import { expect, kubectl, test } from "../fixtures";
import { actionIds, actionResult, callAction, raw } from "./attack.ts";

let app: App;
test.beforeAll(async () => {
  app = await startApp({ kubeconfig: process.env.ROUTEBOARD_KUBECONFIG ?? "" });
});
test.afterAll(async () => app?.stop());

test("there is no generic write: only the five narrow actions exist", () => {
  expect(Object.keys(actionIds()).sort()).toEqual(["submitGrants", "submitIngressClass", "submitRoute", "submitTraffic", "switchContext"]);
});

test("submitIngressClass writes one annotation of a Knative Service to one of two classes: not another class, not its spec, not another annotation", async ({
  ns,
}) => {
  const id = actionIds().submitIngressClass ?? "";
  await createKnativeService(ns, { traffic: [{ revisionName: "hello-00002", latestRevision: false, percent: 100 }] });
  const get = async () =>
    JSON.parse(await kubectl(["get", "ksvc", "hello", "-n", ns, "-o", "json"])) as {
      metadata: { resourceVersion: string; annotations?: Record<string, string> };
      spec: unknown;
    };
  const before = await get();
  const sub = { namespace: ns, name: "hello", resourceVersion: before.metadata.resourceVersion };
  const evil = actionResult(await callAction(app.url, id, [{ ...sub, ingressClass: "evil.ingress.example" }, { dryRun: false }]));
  expect(evil).toMatchObject({ ok: false, error: { type: "Invalid" } });
  const widened = actionResult(
    await callAction(app.url, id, [
      {
        ...sub,
        ingressClass: "gateway-api.ingress.networking.knative.dev",
        spec: { template: { spec: { containers: [{ image: "evil" }] } } },
        annotations: { planted: "yes" },
      },
      { dryRun: false, force: true },
    ]),
  );
  expect(widened.ok).toBe(true);
  const after = await get();
  expect(after.spec).toEqual(before.spec);
  expect(after.metadata.annotations?.planted).toBeUndefined();
  expect(after.metadata.annotations?.["networking.knative.dev/ingress.class"]).toBe("gateway-api.ingress.networking.knative.dev");
});

test("submitRoute writes HTTPRoutes only: a GatewayClass or a kube-system Service with externalIPs does not get through", async () => {
  const id = actionIds().submitRoute ?? "";
  const gatewayClass = {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "GatewayClass",
    metadata: { name: "planted" },
    spec: { controllerName: "example.com/evil" },
  };
  const r1 = actionResult(await callAction(app.url, id, [gatewayClass, { dryRun: false }]));
  expect(r1).toMatchObject({ ok: false, error: { type: "Invalid" } });

  // Shaped as the canvas sends a route, but with a Service's spec: the API server refuses the
  // fields an HTTPRoute does not have, and no Service is made of it.
  const service = {
    kind: "Service",
    namespace: "kube-system",
    name: "planted",
    resourceVersion: "",
    spec: { type: "ClusterIP", ports: [{ port: 80 }], externalIPs: ["203.0.113.7"] },
  };
  const r2 = actionResult(await callAction(app.url, id, [service, { dryRun: false }]));
  expect(r2.ok).toBe(false);
  expect(await kubectl(["get", "gatewayclasses", "-o", "name"])).not.toContain("planted");
  expect(await kubectl(["get", "services,httproutes", "-n", "kube-system", "-o", "name"])).not.toContain("planted");
});

test("force is not the client's to ask for; a forged confirmation is refused; nothing is overwritten", async ({ ns }) => {
  const id = actionIds().submitRoute ?? "";
  await kubectl(["apply", "--server-side", "--field-manager=team-ci", "-f", "-"], {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { namespace: ns, name: "owned" },
    spec: { hostnames: ["owned.example.com"], rules: [{ backendRefs: [{ name: "theirs", port: 80 }] }] },
  });
  const before = JSON.parse(await kubectl(["get", "httproute", "owned", "-n", ns, "-o", "json"])) as { metadata: { resourceVersion: string }; spec: unknown };
  const mine = {
    namespace: ns,
    name: "owned",
    resourceVersion: before.metadata.resourceVersion,
    spec: { hostnames: ["owned.example.com"], rules: [{ backendRefs: [{ name: "attacker", port: 80 }] }] },
  };
  for (const step of [
    { dryRun: false, force: true },
    { dryRun: false, confirm: "forged.token" },
    { dryRun: false, force: "true", confirm: 1 },
  ]) {
    const r = actionResult(await callAction(app.url, id, [mine, step]));
    expect(r.ok, JSON.stringify(step)).toBe(false);
  }
  const after = JSON.parse(await kubectl(["get", "httproute", "owned", "-n", ns, "-o", "json"])) as { spec: unknown };
  expect(after.spec).toEqual(before.spec);
  expect(app.logs()).toMatch(/apply HTTPRoute e2e-\w+\/owned as context \w+: Conflict: Apply failed with 1 conflict: conflict with "team-ci"/);
});

test("submitTraffic writes spec.traffic of a Knative Service, not a forced take-over the client asked for", async ({ ns }) => {
  const id = actionIds().submitTraffic ?? "";
  await createKnativeService(ns, { traffic: [{ revisionName: "hello-00002", latestRevision: false, percent: 100 }] });
  const before = JSON.parse(await kubectl(["get", "ksvc", "hello", "-n", ns, "-o", "json"])) as {
    metadata: { resourceVersion: string };
    spec: { traffic: unknown };
  };
  const sub = {
    namespace: ns,
    name: "hello",
    resourceVersion: before.metadata.resourceVersion,
    before: before.spec.traffic,
    traffic: [{ revisionName: "hello-00003", latestRevision: false, percent: 100 }],
  };
  const r = actionResult(await callAction(app.url, id, [sub, { dryRun: false, force: true }]));
  // kubectl created the Service and owns spec.traffic: a conflict the user must confirm.
  expect(r).toMatchObject({ ok: false, error: { type: "Conflict" } });
  const after = JSON.parse(await kubectl(["get", "ksvc", "hello", "-n", ns, "-o", "json"])) as { spec: { traffic: unknown } };
  expect(after.spec.traffic).toEqual(before.spec.traffic);
  // A target with fields spec.traffic does not have is refused before anything is sent.
  const bad = actionResult(
    await callAction(app.url, id, [{ ...sub, traffic: [{ revisionName: "hello-00003", percent: 100, url: "http://x" }] }, { dryRun: true }]),
  );
  expect(bad).toMatchObject({ ok: false, error: { type: "Invalid" } });
});

test("answers carry no managedFields and no last-applied copy", async ({ ns }) => {
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { namespace: ns, name: "applied" },
    spec: { rules: [{ backendRefs: [{ name: "web", port: 80 }] }] },
  });
  const got = await raw(app.url, `/api/object?kind=HTTPRoute&namespace=${ns}&name=applied`);
  expect(got.body).toContain('"name":"applied"');
  const fresh = await raw(app.url, `/api/object?kind=HTTPRoute&namespace=${ns}&name=fresh`);
  expect(fresh.body).toContain("NotFound");
  const dry = await callAction(app.url, actionIds().submitRoute ?? "", [
    { namespace: ns, name: "fresh", resourceVersion: "", spec: { rules: [{ backendRefs: [{ name: "web", port: 80 }] }] } },
    { dryRun: true },
  ]);
  expect(actionResult(dry).ok).toBe(true);
  for (const body of [got.body, dry.body]) {
    expect(body).not.toContain("managedFields");
    expect(body).not.toContain("last-applied-configuration");
  }
});

test("ConfigMaps are read only on the server, by name: pages cannot list or fetch them", async () => {
  expect((await raw(app.url, "/api/resources?kind=ConfigMap")).status).toBe(400);
  expect((await raw(app.url, "/api/events?kinds=ConfigMap")).status).toBe(400);
  expect((await raw(app.url, "/api/object?kind=ConfigMap&namespace=kube-system&name=extension-apiserver-authentication")).body).toContain('"type":"Invalid"');
});

test("names that are paths are refused before any request: '..' does not read a list", async () => {
  for (const name of ["..", ".", "a%2Fb"]) {
    const r = await raw(app.url, `/api/object?kind=HTTPRoute&namespace=default&name=${name}`);
    expect(r.body, name).toContain('"type":"Invalid"');
    expect(r.body).not.toContain('"items"');
  }
});
