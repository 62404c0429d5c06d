// Differential test: thousands of generated HTTPRoutes judged by validateHTTPRoute and by the
// real kube-apiserver (server-side dry-run create), for two Gateway API versions. The verdicts
// must agree on every route, and so must the sets of error paths.
//
// The cluster of the run has one Gateway API version installed (GATEWAY_API_VERSION). The other
// version's standard HTTPRoute CRD is installed beside it under a test API group: its schema and
// rules are byte-for-byte the release's, and v1.6's safe-upgrades ValidatingAdmissionPolicy
// forbids installing an older release over the real group.
import { readFileSync } from "node:fs";
import { Agent, request } from "node:https";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { gatewayApiCrdFiles } from "@/e2e/cluster/crds.ts";
import type { CustomResourceDefinition } from "./crd-types.ts";
import { generateRoutes } from "./route-generator.ts";
import type { Obj } from "./route-parts.ts";
import { validateHTTPRoute } from "./validate-httproute.ts";

const REAL_GROUP = "gateway.networking.k8s.io";
const TEST_GROUP = "older.gateway.routeboard.test";
const ROUTES_PER_VERSION = 2000;
const IN_FLIGHT = 12;

interface Api {
  call(method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; body: Obj }>;
  close(): void;
}

function apiFromKubeconfig(file: string): Api {
  const kc = parse(readFileSync(file, "utf8")) as {
    clusters: { cluster: { server: string; "certificate-authority-data": string } }[];
    users: { name: string; user: { token: string } }[];
  };
  const cluster = kc.clusters[0]?.cluster;
  const token = kc.users.find((u) => u.name === "admin")?.user.token;
  if (!cluster || !token) throw new Error("kubeconfig without cluster or admin token");
  const url = new URL(cluster.server);
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT, ca: Buffer.from(cluster["certificate-authority-data"], "base64") });
  const call: Api["call"] = (method, path, body, contentType = "application/json") =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        { host: url.hostname, port: url.port, path, method, agent, headers: { Authorization: `Bearer ${token}`, "Content-Type": contentType, Accept: "application/json" } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: Obj = {};
            try {
              parsed = JSON.parse(text) as Obj;
            } catch {
              parsed = { raw: text };
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on("error", reject);
      req.end(data);
    });
  return { call, close: () => agent.destroy() };
}

interface Verdict {
  valid: boolean;
  paths: string[];
  messages: string[];
}

async function serverVerdict(api: Api, group: string, route: Obj): Promise<Verdict> {
  const body = { ...route, apiVersion: `${group}/v1` };
  for (let attempt = 0; ; attempt++) {
    const res = await api.call("POST", `/apis/${group}/v1/namespaces/default/httproutes?dryRun=All`, body);
    if ((res.status === 429 || res.status >= 500) && attempt < 5) {
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      continue;
    }
    if (res.status === 201 || res.status === 200) return { valid: true, paths: [], messages: [] };
    const causes = ((res.body.details as Obj | undefined)?.causes as Obj[] | undefined) ?? [];
    if (res.status !== 422 && res.status !== 400) throw new Error(`dry-run: HTTP ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    const field = (c: Obj) => (c.field === "<nil>" || c.field === undefined ? "" : String(c.field));
    return {
      valid: false,
      paths: causes.map(field).sort(),
      messages: causes.map((c) => `${field(c)}: ${String(c.message)}`).sort(),
    };
  }
}

async function pool<T, R>(items: T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i] as T);
      }
    }),
  );
  return out;
}

async function getCrd(api: Api, name: string): Promise<CustomResourceDefinition> {
  const res = await api.call("GET", `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`);
  if (res.status !== 200) throw new Error(`GET crd ${name}: HTTP ${res.status}`);
  return res.body as unknown as CustomResourceDefinition;
}

/** Installs a release's standard HTTPRoute CRD under TEST_GROUP and waits until it serves. */
async function installUnderTestGroup(api: Api, version: string): Promise<CustomResourceDefinition> {
  const file = gatewayApiCrdFiles(version).find((f) => f.endsWith("_httproutes.yaml"));
  if (!file) throw new Error(`no HTTPRoute CRD in ${version}`);
  const crd = parse(readFileSync(file, "utf8")) as CustomResourceDefinition & { metadata: Obj };
  crd.metadata = { ...crd.metadata, name: `httproutes.${TEST_GROUP}` };
  crd.spec.group = TEST_GROUP;
  const name = `httproutes.${TEST_GROUP}`;
  const res = await api.call("PATCH", `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}?fieldManager=routeboard-test&force=true`, crd, "application/apply-patch+yaml");
  if (res.status >= 300) throw new Error(`install ${name}: HTTP ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  const probe: Obj = { apiVersion: `${TEST_GROUP}/v1`, kind: "HTTPRoute", metadata: { name: "probe" }, spec: {} };
  for (let i = 0; i < 300; i++) {
    const r = await api.call("POST", `/apis/${TEST_GROUP}/v1/namespaces/default/httproutes?dryRun=All`, probe);
    if (r.status === 201) return getCrd(api, name);
    await new Promise((r2) => setTimeout(r2, 100));
  }
  throw new Error(`${name} never served`);
}

interface Disagreement {
  label: string;
  server: Verdict;
  local: Verdict;
  route: Obj;
}

async function differential(api: Api, group: string, crd: CustomResourceDefinition, seed: number) {
  const cases = generateRoutes(seed, ROUTES_PER_VERSION);
  const server = await pool(cases, IN_FLIGHT, (c) => serverVerdict(api, group, c.route));
  const verdicts: Disagreement[] = [];
  const paths: Disagreement[] = [];
  let messageMismatches = 0;
  const samples: string[] = [];
  const times: number[] = [];
  cases.forEach((c, i) => {
    const route = { ...c.route, apiVersion: `${group}/v1` };
    const t = performance.now();
    const errs = validateHTTPRoute(route, crd);
    times.push(performance.now() - t);
    const local: Verdict = {
      valid: errs.length === 0,
      paths: errs.map((e) => e.path).sort(),
      messages: errs.map((e) => `${e.path}: ${e.message}`).sort(),
    };
    const s = server[i] as Verdict;
    const d = { label: c.label, server: s, local, route: c.route };
    if (s.valid !== local.valid) verdicts.push(d);
    else if (JSON.stringify(s.paths) !== JSON.stringify(local.paths)) paths.push(d);
    else if (JSON.stringify(s.messages) !== JSON.stringify(local.messages)) {
      messageMismatches++;
      if (samples.length < 12) samples.push(`${c.label}\n  server: ${s.messages.join(" | ")}\n  local:  ${local.messages.join(" | ")}`);
    }
  });
  times.sort((a, b) => a - b);
  return {
    total: cases.length,
    invalid: server.filter((v) => !v.valid).length,
    verdicts,
    paths,
    messageMismatches,
    samples,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
  };
}

const show = (d: Disagreement[]) =>
  d.slice(0, 8).map((x) => `${x.label}\n  server: ${x.server.valid ? "valid" : x.server.messages.join(" | ")}\n  local:  ${x.local.valid ? "valid" : x.local.messages.join(" | ")}`);

describe("validateHTTPRoute agrees with the API server", () => {
  let api: Api;
  let installed: CustomResourceDefinition;
  let installedVersion: string;
  let otherVersion: string;

  beforeAll(async () => {
    api = apiFromKubeconfig(inject("kubeconfig"));
    installed = await getCrd(api, `httproutes.${REAL_GROUP}`);
    installedVersion = installed.metadata?.annotations?.["gateway.networking.k8s.io/bundle-version"] ?? "unknown";
    otherVersion = installedVersion.startsWith("v1.2.") ? "v1.6.3" : "v1.2.1";
  });

  afterAll(async () => {
    await api.call("DELETE", `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/httproutes.${TEST_GROUP}`).catch(() => undefined);
    api.close();
  });

  it("on the installed Gateway API version", { timeout: 120_000 }, async () => {
    const t = Date.now();
    const r = await differential(api, REAL_GROUP, installed, 1);
    console.log(`${installedVersion}: ${r.total} routes (${r.invalid} invalid), ${r.verdicts.length} verdict and ${r.paths.length} path disagreements, ${r.messageMismatches} message differences, median ${r.medianMs.toFixed(3)} ms, ${Date.now() - t} ms`, r.samples.join("\n"));
    expect(show(r.verdicts)).toEqual([]);
    expect(show(r.paths)).toEqual([]);
    expect(r.samples).toEqual([]);
  });

  it("on an older Gateway API version", { timeout: 120_000 }, async () => {
    const t = Date.now();
    const crd = await installUnderTestGroup(api, otherVersion);
    const r = await differential(api, TEST_GROUP, crd, 2);
    console.log(`${otherVersion}: ${r.total} routes (${r.invalid} invalid), ${r.verdicts.length} verdict and ${r.paths.length} path disagreements, ${r.messageMismatches} message differences, median ${r.medianMs.toFixed(3)} ms, ${Date.now() - t} ms`, r.samples.join("\n"));
    expect(show(r.verdicts)).toEqual([]);
    expect(show(r.paths)).toEqual([]);
    expect(r.samples).toEqual([]);
  });
});
