// Against the real kube-apiserver + etcd of e2e/cluster, with kubectl as the independent witness.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startApiServer, stopApiServer } from "../../../e2e/cluster/cluster";
import type { KubeObject } from "../../k8s/meta";
import type { KindState, StoreEvent } from "../types";
import { ClusterStore } from "./cluster-store";
import { forContext, loadKubeConfig } from "./kubeconfig";

const run = promisify(execFile);
const kubeconfig = inject("kubeconfig");
const clusterDir = inject("clusterDir");

async function kubectl(args: string[], input?: string, user = "admin"): Promise<string> {
  const p = run("kubectl", ["--kubeconfig", kubeconfig, "--context", user, ...args]);
  if (input !== undefined) {
    p.child.stdin?.end(input);
  }
  return (await p).stdout;
}

/** kubectl's own verdict on an object, for comparing messages word for word. */
async function kubectlDryRunError(obj: KubeObject): Promise<string> {
  try {
    await kubectl(["apply", "--server-side", "--dry-run=server", "-f", "-"], JSON.stringify(obj));
    return "";
  } catch (e) {
    return String((e as { stderr?: string }).stderr);
  }
}

function store(user: "admin" | "viewer" | "editor"): ClusterStore {
  const kc = loadKubeConfig({ KUBECONFIG: kubeconfig });
  if (!kc) throw new Error("no kubeconfig");
  return new ClusterStore(forContext(kc, user), { retryMinMs: 100, retryMaxMs: 500, recheckMs: 500 });
}

function route(name: string, namespace: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name, namespace }, spec };
}

/** Resolves with the first event that matches, or rejects after the timeout. */
function nextEvent(s: ClusterStore, match: (e: StoreEvent) => boolean, timeoutMs = 10_000): Promise<StoreEvent> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => (off(), reject(new Error("no matching event"))), timeoutMs);
    const off = s.subscribe(["HTTPRoute"], (e) => {
      if (match(e)) {
        clearTimeout(t);
        off();
        resolve(e);
      }
    });
  });
}

const stores: ClusterStore[] = [];
const admin = () => {
  const s = store("admin");
  stores.push(s);
  return s;
};
afterAll(() => stores.forEach((s) => s.close()));

describe("ClusterStore against a real API server", () => {
  it("refuses an invalid path on dry-run with the API server's own message, and creates nothing", async () => {
    const bad = route("bad-path", "default", {
      hostnames: ["example.com"],
      rules: [{ matches: [{ path: { type: "PathPrefix", value: "/a//b" } }] }],
    });
    const r = await admin().dryRun(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.type).toBe("Invalid");
    if (r.error.type !== "Invalid") return;
    expect(r.error.causes.length).toBeGreaterThan(0);
    expect(r.error.causes.map((c) => c.field).join()).toContain("spec.rules[0].matches[0].path");
    // The very words kubectl gets from the same API server.
    const witness = await kubectlDryRunError(bad);
    for (const c of r.error.causes) expect(witness).toContain(c.message);
    await expect(kubectl(["get", "httproute", "bad-path", "-n", "default"])).rejects.toThrow(/NotFound/);
  });

  it("applies with server-side apply as field manager routeboard", async () => {
    const r = await admin().apply(route("apply-me", "default", { hostnames: ["apply.example.com"], rules: [{ backendRefs: [{ name: "web", port: 80 }] }] }));
    expect(r.ok).toBe(true);
    const got = JSON.parse(await kubectl(["get", "httproute", "apply-me", "-n", "default", "-o", "json", "--show-managed-fields"]));
    expect(got.spec.hostnames).toEqual(["apply.example.com"]);
    expect(got.metadata.managedFields.map((m: { manager: string }) => m.manager)).toContain("routeboard");
  });

  it("reports a field owned by another manager as a Conflict naming that manager, and forces only when asked", async () => {
    await kubectl(
      ["apply", "--server-side", "--field-manager=team-b-ci", "-f", "-"],
      JSON.stringify(route("shared", "default", { hostnames: ["old.example.com"] })),
    );
    const s = admin();
    const mine = route("shared", "default", { hostnames: ["new.example.com"] });
    const r = await s.apply(mine);
    expect(r.ok).toBe(false);
    if (r.ok || r.error.type !== "Conflict") throw new Error(`expected a Conflict, got ${JSON.stringify(r)}`);
    expect(r.error.conflicts).toEqual([{ manager: "team-b-ci", field: ".spec.hostnames" }]);
    expect(JSON.parse(await kubectl(["get", "httproute", "shared", "-n", "default", "-o", "json"])).spec.hostnames).toEqual(["old.example.com"]);
    expect((await s.apply(mine, { force: true })).ok).toBe(true);
    expect(JSON.parse(await kubectl(["get", "httproute", "shared", "-n", "default", "-o", "json"])).spec.hostnames).toEqual(["new.example.com"]);
  });

  it("catches a change made since the object was read (stale resourceVersion) as a Conflict", async () => {
    const s = admin();
    expect((await s.apply(route("stale", "default", { hostnames: ["a.example.com"] }))).ok).toBe(true);
    const loaded = await s.get({ kind: "HTTPRoute", namespace: "default", name: "stale" });
    if (!loaded.ok) throw new Error("get failed");
    await kubectl(["label", "httproute", "stale", "-n", "default", "changed-by=someone"]);
    const edited = { ...loaded.value, spec: { hostnames: ["b.example.com"] } };
    const r = await s.apply(edited);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ type: "Conflict", stale: true });
  });

  it("says a copy is stale even when the field that changed is owned by someone else", async () => {
    const s = admin();
    await kubectl(
      ["apply", "--server-side", "--field-manager=ops-team", "-f", "-"],
      JSON.stringify(route("owned-and-moved", "default", { hostnames: ["a.example.com"] })),
    );
    const loaded = await s.get({ kind: "HTTPRoute", namespace: "default", name: "owned-and-moved" });
    if (!loaded.ok) throw new Error("get failed");
    await kubectl(
      ["apply", "--server-side", "--field-manager=ops-team", "-f", "-"],
      JSON.stringify(route("owned-and-moved", "default", { hostnames: ["b.example.com"] })),
    );
    const r = await s.apply({ ...loaded.value, spec: { hostnames: ["mine.example.com"] } });
    if (r.ok || r.error.type !== "Conflict") throw new Error(`expected a Conflict, got ${JSON.stringify(r)}`);
    expect(r.error.stale).toBe(true);
    expect(r.error.conflicts).toEqual([{ manager: "ops-team", field: ".spec.hostnames" }]);
  });

  it("gives viewer Forbidden on apply, and editor write access in team-a only", async () => {
    const viewer = store("viewer");
    const editor = store("editor");
    stores.push(viewer, editor);
    const v = await viewer.apply(route("by-viewer", "team-a", { hostnames: ["v.example.com"] }));
    expect(v.ok ? "ok" : v.error.type).toBe("Forbidden");
    const inTeam = await editor.apply(route("by-editor", "team-a", { hostnames: ["e.example.com"] }));
    expect(inTeam.ok).toBe(true);
    expect(await kubectl(["get", "httproute", "by-editor", "-n", "team-a", "-o", "name"])).toContain("by-editor");
    const outside = await editor.apply(route("by-editor", "default", { hostnames: ["e.example.com"] }));
    expect(outside.ok ? "ok" : outside.error.type).toBe("Forbidden");
    if (!outside.ok) expect(outside.error.message).toMatch(/editor.*cannot patch.*httproutes.*default/);
  });

  it("reads the installed HTTPRoute CRD, for validation in the browser, also as viewer", async () => {
    const viewer = store("viewer");
    stores.push(viewer);
    const r = await viewer.crd("httproutes.gateway.networking.k8s.io");
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const versions = (r.value.spec as { versions: { name: string }[] }).versions.map((v) => v.name);
    expect(versions).toContain("v1");
    const missing = await viewer.crd("nothings.example.com");
    expect(missing.ok ? "ok" : missing.error.type).toBe("NotFound");
  });

  it("returns NotFound for a missing object, and deletes", async () => {
    const s = admin();
    const missing = await s.get({ kind: "HTTPRoute", namespace: "default", name: "nope" });
    expect(missing.ok ? "ok" : missing.error.type).toBe("NotFound");
    expect((await s.delete({ kind: "HTTPRoute", namespace: "default", name: "apply-me" })).ok).toBe(true);
    await expect(kubectl(["get", "httproute", "apply-me", "-n", "default"])).rejects.toThrow(/NotFound/);
  });

  it("feeds the cache from a watch: a kubectl change arrives as an event", async () => {
    const s = admin();
    const first = await s.load("HTTPRoute");
    expect(first.state).toBe("ready");
    expect(first.items.map((o) => o.metadata.name)).toContain("shared");
    const added = nextEvent(s, (e) => e.type === "change" && e.object.metadata.name === "from-kubectl");
    await kubectl(["create", "-f", "-"], JSON.stringify(route("from-kubectl", "team-b", { hostnames: ["k.example.com"] })));
    const e = await added;
    expect(e).toMatchObject({ type: "change", change: "ADDED", kind: "HTTPRoute" });
    expect(s.snapshot("HTTPRoute").items.some((o) => o.metadata.name === "from-kubectl")).toBe(true);
    const deleted = nextEvent(s, (e) => e.type === "change" && e.change === "DELETED" && e.object.metadata.name === "from-kubectl");
    await kubectl(["delete", "httproute", "from-kubectl", "-n", "team-b"]);
    await deleted;
    expect(s.snapshot("HTTPRoute").items.some((o) => o.metadata.name === "from-kubectl")).toBe(false);
  });

  it("reports the API server as unreachable while it is down, and resumes the watch when it is back", async () => {
    const s = admin();
    await s.load("HTTPRoute");
    const states: KindState[] = [];
    s.subscribe(["HTTPRoute"], (e) => e.type === "state" && states.push(e.state));
    const down = nextEvent(s, (e) => e.type === "state" && e.state === "unreachable", 30_000);
    await stopApiServer(clusterDir);
    await down;
    const apply = await s.apply(route("while-down", "default", {}));
    expect(apply.ok ? "ok" : apply.error.type).toBe("Unreachable");
    await startApiServer(clusterDir);
    const back = nextEvent(s, (e) => e.type === "change" && e.object.metadata.name === "after-restart", 30_000);
    await kubectl(["create", "-f", "-"], JSON.stringify(route("after-restart", "default", { hostnames: ["r.example.com"] })));
    await back;
    expect(s.snapshot("HTTPRoute").state).toBe("ready");
    expect(states).toContain("ready");
  });

  it("reports a kind whose CRD is absent as not installed, not as an error", async () => {
    const crd = await kubectl(["get", "crd", "referencegrants.gateway.networking.k8s.io", "-o", "json"]);
    await kubectl(["delete", "crd", "referencegrants.gateway.networking.k8s.io", "--wait=true"]);
    try {
      const s = admin();
      const snap = await s.load("ReferenceGrant");
      expect(snap.state).toBe("not-installed");
      expect(snap.message).toMatch(/ReferenceGrant.*not installed/);
    } finally {
      const obj = JSON.parse(crd);
      delete obj.metadata.resourceVersion;
      delete obj.metadata.uid;
      delete obj.metadata.managedFields;
      delete obj.status;
      await kubectl(["apply", "--server-side", "-f", "-"], JSON.stringify(obj));
    }
  });
});
