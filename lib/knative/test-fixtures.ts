// Realistic objects for the unit tests: Knative Service `hello` in `default`, three ready
// revisions, and a canary tag on the latest one. Only imported by *.test.ts files.
import type { Configuration, KnativeService, Revision } from "./types.generated";
import type { TrafficTarget } from "./types";

export function revision(n: number, opts: { ready?: "True" | "False" | "Unknown"; h2c?: boolean } = {}): Revision {
  const name = `hello-0000${n}`;
  return {
    apiVersion: "serving.knative.dev/v1",
    kind: "Revision",
    metadata: {
      name,
      namespace: "default",
      uid: `rev-uid-${n}`,
      labels: {
        "serving.knative.dev/configuration": "hello",
        "serving.knative.dev/service": "hello",
        "serving.knative.dev/configurationGeneration": String(n),
      },
    },
    spec: { containers: [{ image: `ghcr.io/example/hello:v${n}`, ports: [{ containerPort: 8080, ...(opts.h2c ? { name: "h2c" } : {}) }] }] },
    status: { conditions: [{ type: "Ready", status: opts.ready ?? "True" }] },
  };
}

export function configuration(latestReady = "hello-00003"): Configuration {
  return {
    apiVersion: "serving.knative.dev/v1",
    kind: "Configuration",
    metadata: { name: "hello", namespace: "default", uid: "config-uid", labels: { "serving.knative.dev/service": "hello" } },
    status: { latestReadyRevisionName: latestReady, latestCreatedRevisionName: latestReady, conditions: [{ type: "Ready", status: "True" }] },
  };
}

export const CANARY_TRAFFIC: TrafficTarget[] = [
  { revisionName: "hello-00002", percent: 90 },
  { latestRevision: true, percent: 10, tag: "canary" },
];

export function helloService(traffic: TrafficTarget[] = CANARY_TRAFFIC): KnativeService {
  return {
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: {
      name: "hello",
      namespace: "default",
      uid: "ksvc-uid",
      labels: { app: "hello" },
      annotations: {
        "serving.knative.dev/creator": "alice@example.com",
        "kubectl.kubernetes.io/last-applied-configuration": "{}",
      },
    },
    spec: { template: { spec: { containers: [{ image: "ghcr.io/example/hello:v3" }] } }, traffic },
  };
}

export const RESOLUTION = { configurations: [configuration()], revisions: [revision(1), revision(2), revision(3)] };
