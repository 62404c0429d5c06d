import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startCluster, stopCluster } from "./cluster.ts";

declare module "vitest" {
  export interface ProvidedContext {
    clusterDir: string;
    kubeconfig: string;
  }
}

export default async function setup(project: TestProject) {
  const s = await startCluster();
  project.provide("clusterDir", s.dir);
  project.provide("kubeconfig", s.kubeconfig);
  return async () => stopCluster(s.dir);
}
