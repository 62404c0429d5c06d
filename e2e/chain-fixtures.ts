// Creates the troubleshooting scenarios of lib/chain/testing through the API server, as the
// controllers would leave them: objects created parents first so ownerReferences carry the real
// uids, then every status written through the status subresource with a merge patch.
import type { KubeObject } from "../lib/k8s/meta";
import { kindOf } from "../lib/k8s";
import { chainGatewayConfig, type ChainContext } from "../lib/chain/testing/knative-chain";
import { chainIstioConfigData } from "../lib/chain/testing/istio-chain";
import type { GatewayEntry } from "../lib/knative/gateway-config";
import type { Scenario } from "../lib/chain/testing/scenarios";
import { kubectl } from "./fixtures";

/** kubectl's fully qualified resource name (Knative's and the core Service share a kind), from lib/k8s. */
export function resourceOf(o: KubeObject): string {
  const k = kindOf(o.apiVersion, o.kind);
  if (!k) throw new Error(`chain fixtures: no resource for ${o.apiVersion} ${o.kind}`);
  return k.group ? `${k.plural}.${k.group}` : k.plural;
}

/**
 * A context for one test: its namespace, a second namespace for the Gateways, a class of its
 * own, and net-gateway-api's config-gateway and net-istio's config-istio (knative-serving) naming
 * Gateways there, as in a cluster whose HTTPRoutes and VirtualServices bind them. The specs run
 * one at a time, so each sets its own.
 */
export async function chainContext(ns: string): Promise<ChainContext> {
  const ctx = { ns, gwNs: `${ns}-gw`, cls: `${ns}-class` };
  await kubectl(["create", "namespace", ctx.gwNs]);
  await writeConfigGateway(chainGatewayConfig(ctx));
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "config-istio", namespace: "knative-serving" },
    data: chainIstioConfigData(ctx),
  });
  return ctx;
}

/** Writes knative-serving/config-gateway for these gateways (creating the namespace when needed). */
export async function writeConfigGateway(cfg: { externalGateways: GatewayEntry[]; localGateways: GatewayEntry[] }): Promise<void> {
  const entries = (list: GatewayEntry[]) =>
    list
      .map(
        (g) =>
          `- class: ${g.class ?? "test"}\n  gateway: ${g.namespace}/${g.name}\n${g.supportedFeatures?.length ? `  supported-features: [${g.supportedFeatures.join(", ")}]\n` : ""}`,
      )
      .join("");
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "v1",
    kind: "List",
    items: [
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "knative-serving" } },
      {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: "config-gateway", namespace: "knative-serving" },
        data: { "external-gateways": entries(cfg.externalGateways), "local-gateways": entries(cfg.localGateways) },
      },
    ],
  });
}

/**
 * kubectl create -o json prints one pretty-printed document per object, back to back; a
 * top-level document closes with a `}` at the start of a line.
 */
export function parseJsonStream(text: string): KubeObject[] {
  const trimmed = text.trim();
  return trimmed ? (JSON.parse(`[${trimmed.replace(/^\}\s*\n\{/gm, "},{")}]`) as KubeObject[]) : [];
}

/** Runs fn over items, at most n at a time (the machine is shared: no kubectl storms). */
async function limited<T>(items: T[], n: number, fn: (t: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(n, queue.length) }, async () => {
      for (let t = queue.shift(); t !== undefined; t = queue.shift()) await fn(t);
    }),
  );
}

export async function patchStatus(o: KubeObject, status: unknown): Promise<void> {
  const args = ["patch", resourceOf(o), o.metadata.name ?? "", "--subresource=status", "--type=merge", "-p", JSON.stringify({ status })];
  if (o.metadata.namespace) args.push("-n", o.metadata.namespace);
  await kubectl(args);
}

/**
 * Creates the objects (parents before children, one `kubectl create` per generation of owners)
 * and then their statuses. Returns the objects as created, with real uids.
 */
export async function createObjects(objects: KubeObject[]): Promise<KubeObject[]> {
  const realUid = new Map<string, string>();
  const pending = objects.map((o) => ({ o, status: o.status }));
  const created: KubeObject[] = [];
  while (pending.length > 0) {
    // Objects whose owners all exist already (or that have none).
    const ready = pending.filter(({ o }) => (o.metadata.ownerReferences ?? []).every((r) => realUid.has(r.uid)));
    if (ready.length === 0) throw new Error("chain fixtures: ownerReferences form a cycle or name an object not in the list");
    const items = ready.map(({ o }) => {
      let json = JSON.stringify({ ...o, status: undefined, metadata: { ...o.metadata, uid: undefined, generation: undefined } });
      for (const [fake, real] of realUid) json = json.split(fake).join(real);
      return JSON.parse(json) as KubeObject;
    });
    const results = parseJsonStream(await kubectl(["create", "-f", "-", "-o", "json"], { apiVersion: "v1", kind: "List", items }));
    ready.forEach(({ o }, i) => {
      const r = results[i];
      if (o.metadata.uid && r?.metadata.uid) realUid.set(o.metadata.uid, r.metadata.uid);
      if (r) created.push(r);
    });
    for (const x of ready) pending.splice(pending.indexOf(x), 1);
  }
  const withStatus = objects.filter((o) => o.status !== undefined);
  await limited(withStatus, 3, async (o) => {
    let json = JSON.stringify(o.status);
    for (const [fake, real] of realUid) json = json.split(fake).join(real);
    await patchStatus(o, JSON.parse(json));
  });
  return created;
}

export async function createScenario(s: Scenario, ctx: ChainContext): Promise<KubeObject[]> {
  return createObjects(s.build(ctx));
}

/** Chains that share Gateways, a class or Istio's objects: one object per kind and name. */
export function merged(...lists: KubeObject[][]): KubeObject[] {
  const seen = new Set<string>();
  return lists.flat().filter((o) => {
    const k = `${o.apiVersion}/${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
    return !seen.has(k) && (seen.add(k), true);
  });
}
