// Routeboard refuses names before any request (lib/store/name-check): its verdicts must be the
// API server's. Every name is offered to the real kube-apiserver (kubectl create, server-side
// dry-run) and to nameProblems; they must agree. Knative's kinds follow Knative's webhook, which
// this control plane does not run, so they are checked to be at least as strict.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { ClusterStore } from "./cluster/cluster-store";
import { forContext, loadKubeConfig } from "./cluster/kubeconfig";
import { KINDS, apiVersionOf, nameProblems, type KindKey } from "../k8s/kinds";

const run = promisify(execFile);
const kubeconfig = inject("kubeconfig");

async function serverAccepts(kind: KindKey, namespace: string | undefined, name: string): Promise<boolean> {
  const k = KINDS[kind];
  const obj = { apiVersion: apiVersionOf(k), kind: k.kind, metadata: { name, ...(namespace !== undefined && { namespace }) } };
  const p = run("kubectl", ["--kubeconfig", kubeconfig, "--context", "admin", "create", "--dry-run=server", "-o", "name", "-f", "-"]);
  p.child.stdin?.end(JSON.stringify(obj));
  try {
    await p;
    return true;
  } catch (e) {
    const stderr = String((e as { stderr?: string }).stderr);
    // A refusal for any reason but the name (a required spec field) still means the name passed.
    return !/metadata\.(name|namespace)|Invalid value: "|may not|must be no more|invalid resource name|not found/i.test(stderr);
  }
}

const NAMES = [
  "web",
  "a.b",
  "a-b",
  "1abc",
  "-a",
  "a-",
  "A",
  "a_b",
  "..",
  ".",
  "a/b",
  "a%2fb",
  "x".repeat(63),
  "x".repeat(64),
  `${"x".repeat(63)}.${"y".repeat(63)}`,
];

describe("names: Routeboard's check agrees with the API server", () => {
  for (const kind of ["HTTPRoute", "GatewayClass", "Service", "Namespace", "ReferenceGrant"] as const) {
    it(`${kind}`, { timeout: 120_000 }, async () => {
      const ns = KINDS[kind].namespaced ? "default" : undefined;
      const verdicts = await Promise.all(
        NAMES.map(async (name) => ({ name, server: await serverAccepts(kind, ns, name), ours: nameProblems(KINDS[kind], ns, name).length === 0 })),
      );
      expect(verdicts.filter((v) => v.server !== v.ours)).toEqual([]);
    });
  }

  it("namespaces", { timeout: 60_000 }, async () => {
    const verdicts = await Promise.all(
      ["default", "Team-A", "a.b", "a_b"].map(async (ns) => ({
        ns,
        server: await serverAccepts("Service", ns, "web"),
        ours: nameProblems(KINDS.Service, ns, "web").length === 0,
      })),
    );
    expect(verdicts.filter((v) => v.server !== v.ours)).toEqual([]);
  });

  it("Knative Services: no name the API server refuses is accepted (the webhook is stricter still)", { timeout: 120_000 }, async () => {
    for (const name of NAMES) {
      if (nameProblems(KINDS.KnativeService, "default", name).length === 0) expect(await serverAccepts("KnativeService", "default", name), name).toBe(true);
    }
  });
});

describe("names that would be URL segments", () => {
  it("'.' and '..' never reach the API server as a path (where '..' would read the whole list)", async () => {
    const kc = loadKubeConfig({ KUBECONFIG: kubeconfig });
    if (!kc) throw new Error("no kubeconfig");
    const s = new ClusterStore(forContext(kc, "admin"));
    try {
      for (const name of [".", "..", "a/b", "%2e%2e"]) {
        const got = await s.get({ kind: "HTTPRoute", namespace: "default", name });
        expect(got.ok ? "ok" : got.error.type, name).toBe("Invalid");
        const del = await s.delete({ kind: "HTTPRoute", namespace: "default", name });
        expect(del.ok ? "ok" : del.error.type, name).toBe("Invalid");
      }
      const ns = await s.get({ kind: "HTTPRoute", namespace: "..", name: "x" });
      expect(ns.ok ? "ok" : ns.error.type).toBe("Invalid");
    } finally {
      s.close();
    }
  });
});
