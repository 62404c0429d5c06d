import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../k8s/meta";
import type { StoreEvent } from "../types";
import { WorkspaceStore } from "./workspace-store";

const EXAMPLES = resolve("examples");
const CRDS = resolve("crds");
const dirs: string[] = [];
const stores: WorkspaceStore[] = [];

function workspace(files: Record<string, string> = {}, withExamples = false): string {
  const dir = mkdtempSync(join(tmpdir(), "routeboard-ws-"));
  dirs.push(dir);
  if (withExamples) cpSync(EXAMPLES, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function open(dir: string, watch = false): Promise<WorkspaceStore> {
  const s = new WorkspaceStore(dir, { crdDir: CRDS, watch, timing: { debounceMs: 20, pollMs: 200 } });
  stores.push(s);
  await s.refresh();
  return s;
}

afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function route(s: WorkspaceStore, ns: string, name: string): Promise<KubeObject> {
  const r = await s.get({ kind: "HTTPRoute", namespace: ns, name });
  if (!r.ok) throw new Error(r.error.message);
  return structuredClone(r.value);
}

type Ref = { name: string; weight?: number };
const refsOf = (o: KubeObject, rule: number) => (o.spec as { rules: { backendRefs: Ref[] }[] }).rules[rule]!.backendRefs;

describe("WorkspaceStore on examples/", () => {
  it("lists every example kind, with no file problems", async () => {
    const s = await open(EXAMPLES);
    expect(s.problems()).toEqual([]);
    const names = (await s.load("HTTPRoute")).items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(names).toEqual(expect.arrayContaining(["shop/shop", "api/api", "shop/checkout.shop.example.com", "billing/payments.billing.example.com"]));
    expect((await s.load("Revision")).items.filter((r) => r.metadata.namespace === "shop")).toHaveLength(3);
    for (const k of [
      "KnativeService",
      "Configuration",
      "Route",
      "KIngress",
      "VirtualService",
      "IstioGateway",
      "Gateway",
      "GatewayClass",
      "ReferenceGrant",
      "Service",
      "Namespace",
    ] as const) {
      expect(s.snapshot(k).state).toBe("ready");
      expect(s.snapshot(k).items.length).toBeGreaterThan(0);
    }
    expect(s.description).toContain("workspace folder");
  });

  it("validates every editable example against the shipped CRDs (dry-run passes)", { timeout: 30_000 }, async () => {
    const s = await open(EXAMPLES);
    for (const kind of ["HTTPRoute", "KnativeService"] as const) {
      for (const o of s.snapshot(kind).items) {
        const r = await s.dryRun(o);
        if (o.metadata.namespace === "billing") expect(r.ok ? "ok" : r.error.type).toBe("Forbidden");
        else expect(r.ok ? "ok" : r.error.message).toBe("ok");
      }
    }
  });

  it("serves the shipped CRDs", async () => {
    const r = await (await open(EXAMPLES)).crd("httproutes.gateway.networking.k8s.io");
    expect(r.ok && r.value.kind).toBe("CustomResourceDefinition");
    expect((await (await open(EXAMPLES)).crd("../package.json")).ok).toBe(false);
  });
});

describe("apply writes back in place", () => {
  it("rewrites only the edited fields: the file is byte for byte the same elsewhere, comments included", async () => {
    const dir = workspace({}, true);
    const file = join(dir, "shop", "shop-route.yaml");
    const before = readFileSync(file, "utf8");
    const s = await open(dir);
    const obj = await route(s, "shop", "shop");
    refsOf(obj, 0)[0]!.weight = 75;
    refsOf(obj, 0)[1]!.weight = 25;
    const r = await s.apply(obj);
    expect(r.ok).toBe(true);
    const after = readFileSync(file, "utf8");
    expect(after).toBe(before.replace("      weight: 90\n", "      weight: 75\n").replace("weight: 10 # raise", "weight: 25 # raise"));
    expect(after).toContain("# Storefront: 90/10 between the current UI and the redesign.");
    // The applied object reads back, with a new version.
    const back = await route(s, "shop", "shop");
    expect(refsOf(back, 0).map((b) => b.weight)).toEqual([75, 25]);
    expect(back.metadata.resourceVersion).not.toBe(obj.metadata.resourceVersion);
  });

  it("edits one document of a multi-document file and leaves the others byte for byte", async () => {
    const dir = workspace({}, true);
    const file = join(dir, "canary", "checkout-httproutes.yaml");
    const before = readFileSync(file, "utf8");
    const s = await open(dir);
    const obj = await route(s, "shop", "canary-checkout.shop.example.com");
    obj.metadata.labels = { ...obj.metadata.labels, "routeboard.dev/note": "edited" };
    expect((await s.apply(obj)).ok).toBe(true);
    const after = readFileSync(file, "utf8");
    const docs = (t: string) => t.split(/^---$/m);
    const [b, a] = [docs(before), docs(after)];
    expect(a).toHaveLength(b.length);
    const changed = a.map((d, i) => (d === b[i] ? -1 : i)).filter((i) => i >= 0);
    expect(changed).toHaveLength(1);
    expect(a[changed[0]!]).toContain("routeboard.dev/note: edited");
  });

  it("keeps status and the implicit namespace as the file has them", async () => {
    const text =
      "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r # no namespace: default\nspec:\n  rules:\n  - backendRefs:\n    - name: a\n      port: 80\n";
    const dir = workspace({ "r.yaml": text });
    const s = await open(dir);
    const obj = await route(s, "default", "r");
    expect(obj.metadata.namespace).toBe("default");
    refsOf(obj, 0)[0]!.name = "b";
    obj.status = { parents: [] };
    expect((await s.apply(obj)).ok).toBe(true);
    expect(readFileSync(join(dir, "r.yaml"), "utf8")).toBe(text.replace("name: a", "name: b"));
  });

  it("writes a new object to a new file named for it", async () => {
    const dir = workspace({}, true);
    const s = await open(dir);
    const obj = await route(s, "shop", "shop");
    obj.metadata = { name: "shop-copy", namespace: "shop" };
    expect((await s.apply(obj)).ok).toBe(true);
    const text = readFileSync(join(dir, "httproute-shop-shop-copy.yaml"), "utf8");
    expect(text).toMatch(/^apiVersion: gateway.networking.k8s.io\/v1\nkind: HTTPRoute\nmetadata:\n  name: shop-copy\n  namespace: shop\n/);
    expect(text).not.toContain("status:");
    expect((await s.get({ kind: "HTTPRoute", namespace: "shop", name: "shop-copy" })).ok).toBe(true);
  });

  it("refuses an invalid route with the API server's causes, and leaves the file alone", async () => {
    const dir = workspace({}, true);
    const file = join(dir, "shop", "shop-route.yaml");
    const before = readFileSync(file, "utf8");
    const s = await open(dir);
    const obj = await route(s, "shop", "shop");
    refsOf(obj, 0)[0]!.weight = -1;
    const r = await s.apply(obj);
    expect(r.ok ? "ok" : r.error.type).toBe("Invalid");
    if (!r.ok && r.error.type === "Invalid") expect(r.error.causes.map((c) => c.field)).toContain("spec.rules[0].backendRefs[0].weight");
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("refuses Knative traffic that does not sum to 100", async () => {
    const s = await open(workspace({}, true));
    const r = await s.get({ kind: "KnativeService", namespace: "shop", name: "checkout" });
    if (!r.ok) throw new Error(r.error.message);
    const ksvc = structuredClone(r.value);
    (ksvc.spec as { traffic: { percent: number }[] }).traffic[0]!.percent = 60;
    const d = await s.dryRun(ksvc);
    expect(d.ok ? "ok" : d.error.type).toBe("Invalid");
    (ksvc.spec as { traffic: { percent: number }[] }).traffic[0]!.percent = 50;
    (ksvc.spec as { traffic: { percent: number }[] }).traffic[1]!.percent = 40;
    expect((await s.apply(ksvc)).ok).toBe(true);
  });

  it("deletes an object: its document only, or its file when it was alone", async () => {
    const dir = workspace({}, true);
    const s = await open(dir);
    expect((await s.delete({ kind: "HTTPRoute", namespace: "shop", name: "shop" })).ok).toBe(true);
    expect(() => statSync(join(dir, "shop", "shop-route.yaml"))).toThrow();
    expect((await s.delete({ kind: "Service", namespace: "shop", name: "storefront-next" })).ok).toBe(true);
    expect(s.snapshot("Service").items.map((o) => o.metadata.name)).toEqual(expect.arrayContaining(["storefront", "inventory"]));
    expect(readFileSync(join(dir, "shop", "services.yaml"), "utf8")).not.toContain("storefront-next");
  });
});

describe("problems, conflicts, read-only dumps", () => {
  it("reports a malformed file with its file and line while the rest of the folder loads", async () => {
    const dir = workspace({ "bad.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels: {a: b\nspec: {}\n" }, true);
    const s = await open(dir);
    const problems = s.problems();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "bad.yaml" });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(5);
    expect(s.snapshot("HTTPRoute").items.length).toBeGreaterThan(3);
  });

  it("reports an object defined twice", async () => {
    const dup = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n";
    const s = await open(workspace({ "zz-dup.yaml": dup }, true));
    expect(s.problems()).toEqual([
      expect.objectContaining({ file: "zz-dup.yaml", line: 1, message: expect.stringContaining("already defined in gateway/namespaces.yaml") }),
    ]);
  });

  it("catches a file changed by another program between load and apply as a stale Conflict", async () => {
    const dir = workspace({}, true);
    const file = join(dir, "shop", "shop-route.yaml");
    const s = await open(dir);
    const obj = await route(s, "shop", "shop");
    const theirs = readFileSync(file, "utf8").replace("value: /inventory\n", "value: /stock\n");
    writeFileSync(file, theirs);
    refsOf(obj, 0)[0]!.weight = 50;
    const r = await s.apply(obj);
    expect(r.ok ? "ok" : r.error).toMatchObject({ type: "Conflict", stale: true });
    expect(readFileSync(file, "utf8")).toBe(theirs);
    // Without a version: any change to the file since the store loaded it counts.
    const s2 = await open(dir);
    const obj2 = await route(s2, "shop", "shop");
    writeFileSync(file, theirs + "# touched\n");
    delete obj2.metadata.resourceVersion;
    const r2 = await s2.apply(obj2);
    expect(r2.ok ? "ok" : r2.error).toMatchObject({ type: "Conflict", stale: true });
  });

  it("opens a kubectl dump read-only: apply is Forbidden with a clear message", async () => {
    const s = await open(workspace({}, true));
    const r = await s.get({ kind: "KIngress", namespace: "billing", name: "payments" });
    if (!r.ok) throw new Error(r.error.message);
    const a = await s.apply(r.value);
    expect(a.ok ? "ok" : a.error).toMatchObject({ type: "Forbidden", message: expect.stringContaining("read-only") });
    const dump = await open(join(EXAMPLES, "broken", "payments-dump.yaml"));
    expect(dump.description).toContain("read-only dump file");
    expect(dump.snapshot("HTTPRoute").items).toHaveLength(2);
    const d = await dump.delete({ kind: "HTTPRoute", namespace: "billing", name: "payments.billing.example.com" });
    expect(d.ok ? "ok" : d.error.type).toBe("Forbidden");
  });

  it("writes atomically: a new file is renamed into place and no temporary file is left", async () => {
    const dir = workspace({}, true);
    const file = join(dir, "shop", "shop-route.yaml");
    const inode = statSync(file).ino;
    const s = await open(dir);
    const obj = await route(s, "shop", "shop");
    refsOf(obj, 1)[0]!.weight = 3;
    expect((await s.apply(obj)).ok).toBe(true);
    expect(statSync(file).ino).not.toBe(inode);
    expect(readdirSync(join(dir, "shop")).sort()).toEqual(["services.yaml", "shop-route.yaml"]);
  });
});

describe("change notification", () => {
  it("tells subscribers when a file changes on disk (fs.watch or the poll)", async () => {
    const dir = workspace({}, true);
    const s = await open(dir, true);
    const events: StoreEvent[] = [];
    s.subscribe(["HTTPRoute"], (e) => events.push(e));
    const file = join(dir, "shop", "shop-route.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("weight: 90", "weight: 80"));
    writeFileSync(join(dir, "new.yaml"), "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: fresh, namespace: shop}\nspec: {}\n");
    await expect
      .poll(() => events.map((e) => (e.type === "change" ? `${e.change} ${e.object.metadata.name}` : e.type)).sort(), { timeout: 5000 })
      .toEqual(["ADDED fresh", "MODIFIED shop"]);
    rmSync(join(dir, "new.yaml"));
    await expect.poll(() => events.length, { timeout: 5000 }).toBe(3);
    expect(events[2]).toMatchObject({ type: "change", change: "DELETED" });
  });
});
