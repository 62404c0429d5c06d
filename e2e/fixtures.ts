import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { test as base } from "@playwright/test";

const run = promisify(execFile);

export interface Kubectl {
  (args: string[], input?: unknown, user?: "admin" | "viewer" | "editor"): Promise<string>;
}

/** kubectl against the run's cluster: how fixtures are made and the witness of what arrived. */
export const kubectl: Kubectl = async (args, input, user = "admin") => {
  const p = run("kubectl", ["--kubeconfig", process.env.ROUTEBOARD_KUBECONFIG ?? "", "--context", user, ...args]);
  if (input !== undefined) p.child.stdin?.end(typeof input === "string" ? input : JSON.stringify(input));
  return (await p).stdout;
};

export const clusterDir = () => process.env.ROUTEBOARD_CLUSTER_DIR ?? "";

/**
 * Each test gets a namespace of its own. It is not deleted: with no namespace controller in
 * the test control plane it would only hang in Terminating; the cluster goes at the end.
 */
export const test = base.extend<{ ns: string }>({
  ns: async ({}, provide) => {
    const ns = `e2e-${randomBytes(3).toString("hex")}`;
    await kubectl(["create", "namespace", ns]);
    await provide(ns);
  },
});

export { expect } from "@playwright/test";

export function httpRoute(namespace: string, name: string, spec: Record<string, unknown>) {
  return { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { namespace, name }, spec };
}
