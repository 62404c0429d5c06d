// The narrow writes against the real kube-apiserver, kubectl as the witness: what reaches the
// cluster is what the page changed, force happens only with the server's own confirmation, and
// a crafted call cannot widen either.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { KubeObject } from "../k8s/meta";
import { ClusterStore } from "../store/cluster/cluster-store";
import { forContext, loadKubeConfig } from "../store/cluster/kubeconfig";
import { writeGrants, writeRoute } from "./route-write";
import { writeTraffic } from "./traffic-write";
import { writeIngressClass } from "./ingress-class-write";
import { GATEWAY_API_INGRESS_CLASS, INGRESS_CLASS_ANNOTATION, ISTIO_INGRESS_CLASS } from "../knative/constants";

const run = promisify(execFile);
const kubeconfig = inject("kubeconfig");
const ns = `writes-${randomBytes(3).toString("hex")}`;

async function kubectl(args: string[], input?: unknown): Promise<string> {
  const p = run("kubectl", ["--kubeconfig", kubeconfig, "--context", "admin", ...args]);
  if (input !== undefined) p.child.stdin?.end(typeof input === "string" ? input : JSON.stringify(input));
  return (await p).stdout;
}

const get = async (name: string): Promise<KubeObject> =>
  JSON.parse(await kubectl(["get", "httproute", name, "-n", ns, "-o", "json", "--show-managed-fields"])) as KubeObject;
const owners = (o: KubeObject, manager: string) =>
  o.metadata.managedFields
    ?.filter((m) => m.manager === manager)
    .map((m) => JSON.stringify(m.fieldsV1))
    .join("") ?? "";

let store: ClusterStore;
beforeAll(async () => {
  const kc = loadKubeConfig({ KUBECONFIG: kubeconfig });
  if (!kc) throw new Error("no kubeconfig");
  store = new ClusterStore(forContext(kc, "admin"));
  await kubectl(["create", "namespace", ns]);
});
afterAll(() => store.close());

const route = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { name, namespace: ns },
  spec,
});
const rules = (backend: string) => [{ matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [{ name: backend, port: 80 }] }];
const submission = (o: KubeObject, spec: Record<string, unknown>) => ({
  namespace: ns,
  name: o.metadata.name,
  resourceVersion: o.metadata.resourceVersion,
  spec,
  labels: o.metadata.labels,
  annotations: o.metadata.annotations,
});

describe("writeRoute", () => {
  it("takes ownership of the rules it changed, not of kubectl's hostnames or its last-applied annotation", async () => {
    await kubectl(["apply", "-f", "-"], route("kubectl-made", { hostnames: ["a.example.com"], rules: rules("a") }));
    const before = await get("kubectl-made");
    const change = submission(before, { ...(before.spec as object), rules: rules("b") });
    // kubectl's client-side apply owns the rules: changing them is a conflict the user confirms.
    const first = await writeRoute(store, "test", change, { dryRun: false });
    expect(first.ok ? "ok" : first.error).toMatchObject({ type: "Conflict", conflicts: [{ manager: "kubectl-client-side-apply", field: ".spec.rules" }] });
    const confirm = !first.ok && first.error.type === "Conflict" ? first.error.confirm : undefined;
    const r = await writeRoute(store, "test", change, { dryRun: false, confirm });
    expect(r.ok ? "ok" : r.error.message).toBe("ok");
    if (r.ok) {
      expect(r.value.metadata.managedFields).toBeUndefined();
      expect(r.value.metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]).toBeUndefined();
    }
    const after = await get("kubectl-made");
    expect((after.spec as { hostnames: string[] }).hostnames).toEqual(["a.example.com"]);
    const mine = owners(after, "routeboard");
    expect(mine).toContain("f:rules");
    expect(mine).not.toContain("f:hostnames");
    expect(mine).not.toContain("last-applied");
  });

  it("refuses to take fields from another manager without the server's confirmation, then takes exactly those", async () => {
    await kubectl(["apply", "--server-side", "--field-manager", "team-ci", "-f", "-"], route("owned", { hostnames: ["o.example.com"], rules: rules("a") }));
    const before = await get("owned");
    const change = submission(before, { ...(before.spec as object), rules: rules("b") });

    // A crafted step asking for force is read as a plain apply.
    const crafted = await writeRoute(store, "test", change, { dryRun: false, force: true });
    expect(crafted.ok ? "ok" : crafted.error).toMatchObject({ type: "Conflict", conflicts: [{ manager: "team-ci", field: ".spec.rules" }] });
    expect(await get("owned")).toMatchObject({ spec: before.spec });
    const token = !crafted.ok && crafted.error.type === "Conflict" ? crafted.error.confirm : undefined;
    expect(token).toBeTruthy();

    // Not for another change, another user, or a forged one.
    for (const [who, c, t] of [
      ["test", submission(before, { ...(before.spec as object), rules: rules("evil") }), token],
      ["someone else", change, token],
      ["test", change, "forged.token"],
    ] as const) {
      const r = await writeRoute(store, who, c, { dryRun: false, confirm: t });
      expect(r.ok ? "ok" : r.error.type).toBe("Invalid");
    }
    expect(await get("owned")).toMatchObject({ spec: before.spec });

    const done = await writeRoute(store, "test", change, { dryRun: false, confirm: token });
    expect(done.ok ? "ok" : done.error.message).toBe("ok");
    const after = await get("owned");
    expect((after.spec as { rules: unknown }).rules).toMatchObject(rules("b"));
    expect(owners(after, "routeboard")).toContain("f:rules");
    expect(owners(after, "team-ci")).toContain("f:hostnames");
  });

  it("a confirmation covers the managers it named: a new owner of a changed field is shown first", async () => {
    await kubectl(["apply", "--server-side", "--field-manager", "team-ci", "-f", "-"], route("moving", { rules: rules("a") }));
    const before = await get("moving");
    const change = { namespace: ns, name: "moving", spec: { hostnames: ["mine.example.com"], rules: rules("b") } };
    const first = await writeRoute(store, "test", { ...change, resourceVersion: before.metadata.resourceVersion }, { dryRun: false });
    const token = !first.ok && first.error.type === "Conflict" ? first.error.confirm : undefined;
    expect(first.ok ? "ok" : first.error).toMatchObject({ type: "Conflict", conflicts: [{ manager: "team-ci" }] });
    await kubectl(["apply", "--server-side", "--field-manager", "ops", "-f", "-"], route("moving", { hostnames: ["ops.example.com"] }));
    const now = await get("moving");
    const r = await writeRoute(store, "test", { ...change, resourceVersion: now.metadata.resourceVersion }, { dryRun: false, confirm: token });
    expect(r.ok ? "ok" : r.error).toMatchObject({ type: "Conflict", conflicts: expect.arrayContaining([expect.objectContaining({ manager: "ops" })]) });
    expect((await get("moving")).spec).toEqual(now.spec);
  });

  it("does not merge a new route into one that exists", async () => {
    await kubectl(["apply", "-f", "-"], route("taken", { rules: rules("theirs") }));
    const r = await writeRoute(store, "test", { namespace: ns, name: "taken", resourceVersion: "", spec: { rules: rules("mine") } }, { dryRun: false });
    expect(r.ok ? "ok" : r.error).toMatchObject({ type: "Conflict", stale: true, message: expect.stringContaining("exists already") });
    expect((await get("taken")).spec).toMatchObject({ rules: rules("theirs") });
  });

  it("refuses a malformed call with a clear message", async () => {
    for (const [sub, step] of [
      [{ namespace: ns, name: "x" }, { dryRun: true }],
      [{ namespace: ns, name: "x", resourceVersion: "", spec: [] }, { dryRun: true }],
      [{ namespace: ns, name: "x", resourceVersion: "", spec: {} }, {}],
    ] as const) {
      const r = await writeRoute(store, "test", sub, step);
      expect(r.ok ? "ok" : r.error.type).toBe("Invalid");
    }
  });
});

describe("writeGrants", () => {
  it("grants only what the route's own backends need", async () => {
    const other = `${ns}-b`;
    await kubectl(["create", "namespace", other]);
    const sub = {
      namespace: ns,
      name: "cross",
      resourceVersion: "",
      spec: {
        rules: [
          {
            backendRefs: [
              { name: "inventory", namespace: other, port: 80 },
              { name: "local", port: 80 },
            ],
          },
        ],
      },
    };
    const r = await writeGrants(store, "test", sub, { dryRun: false });
    expect(r.ok ? r.value.map((g) => `${g.metadata.namespace}/${g.metadata.name}`) : r.error.message).toEqual([`${other}/routeboard-${ns}-to-inventory`]);
    expect(await kubectl(["get", "referencegrants", "-A", "-o", "name"])).toContain(`routeboard-${ns}-to-inventory`);
    // Nothing to grant for a route without cross-namespace backends.
    const none = await writeGrants(store, "test", { ...sub, spec: { rules: [{ backendRefs: [{ name: "local", port: 80 }] }] } }, { dryRun: false });
    expect(none.ok && none.value).toEqual([]);
  });
});

describe("writeTraffic", () => {
  it("refuses targets with fields a traffic target does not have in spec", async () => {
    const r = await writeTraffic(
      store,
      "test",
      { namespace: ns, name: "svc", resourceVersion: "1", traffic: [{ percent: 100, latestRevision: true, url: "http://evil" }] },
      { dryRun: true },
    );
    expect(r.ok ? "ok" : r.error).toMatchObject({ type: "Invalid", message: expect.stringContaining("may hold only") });
  });
});

describe("writeIngressClass", () => {
  const ksvc = {
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: { name: "movable", namespace: ns },
    spec: { template: { spec: { containers: [{ image: "ghcr.io/example/hello:v1" }] } } },
  };
  const getKsvc = async (): Promise<KubeObject> =>
    JSON.parse(await kubectl(["get", "services.serving.knative.dev", "movable", "-n", ns, "-o", "json", "--show-managed-fields"])) as KubeObject;

  it("moves a Service by its ingress-class annotation alone, dry-run first, and back again", async () => {
    await kubectl(["create", "-f", "-"], ksvc);
    const before = await getKsvc();
    const to = (cls: string, o: KubeObject) => ({ namespace: ns, name: "movable", resourceVersion: o.metadata.resourceVersion, ingressClass: cls });
    const dry = await writeIngressClass(store, "test", to(GATEWAY_API_INGRESS_CLASS, before), { dryRun: true });
    expect(dry.ok ? "ok" : dry.error.message).toBe("ok");
    expect((await getKsvc()).metadata.annotations?.[INGRESS_CLASS_ANNOTATION]).toBeUndefined();
    const moved = await writeIngressClass(store, "test", to(GATEWAY_API_INGRESS_CLASS, before), { dryRun: false });
    expect(moved.ok ? "ok" : moved.error.message).toBe("ok");
    const after = await getKsvc();
    expect(after.metadata.annotations?.[INGRESS_CLASS_ANNOTATION]).toBe(GATEWAY_API_INGRESS_CLASS);
    // Routeboard owns the annotation and nothing else; the spec is untouched.
    expect(owners(after, "routeboard")).toBe(JSON.stringify({ "f:metadata": { "f:annotations": { [`f:${INGRESS_CLASS_ANNOTATION}`]: {} } } }));
    expect(after.spec).toEqual(before.spec);
    // A move made against an older version is refused, not applied over the newer one.
    const stale = await writeIngressClass(store, "test", to(ISTIO_INGRESS_CLASS, before), { dryRun: false });
    expect(stale.ok ? "ok" : stale.error).toMatchObject({ type: "Conflict", stale: true });
    const back = await writeIngressClass(store, "test", to(ISTIO_INGRESS_CLASS, after), { dryRun: false });
    expect(back.ok ? "ok" : back.error.message).toBe("ok");
    expect((await getKsvc()).metadata.annotations?.[INGRESS_CLASS_ANNOTATION]).toBe(ISTIO_INGRESS_CLASS);
  });

  it("refuses any other class, and any other field a crafted call adds", async () => {
    const o = await getKsvc();
    const r = await writeIngressClass(
      store,
      "test",
      { namespace: ns, name: "movable", resourceVersion: o.metadata.resourceVersion, ingressClass: "evil.ingress.example" },
      { dryRun: false },
    );
    expect(r.ok ? "ok" : r.error.message).toMatch(/ingressClass must be .* Nothing was changed/);
    const extra = await writeIngressClass(
      store,
      "test",
      {
        namespace: ns,
        name: "movable",
        resourceVersion: o.metadata.resourceVersion,
        ingressClass: GATEWAY_API_INGRESS_CLASS,
        spec: { template: { spec: { containers: [{ image: "evil" }] } } },
      },
      { dryRun: false },
    );
    expect(extra.ok ? "ok" : extra.error.message).toBe("ok");
    expect(JSON.stringify((await getKsvc()).spec)).not.toContain("evil");
  });
});
