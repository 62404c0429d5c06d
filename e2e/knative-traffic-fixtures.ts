import { kubectl } from "./fixtures";

// Knative objects as Knative Serving's controllers write them (semantics.md "Links between
// objects"): the user's Service (as stored after the defaulting webhook), its Configuration
// and Revisions hello-00001..N (labels, ownerReferences), its Route, and every status through
// the status subresource. No Knative controller runs in the test control plane.

export interface TrafficSpec {
  revisionName?: string;
  latestRevision?: boolean;
  percent?: number;
  tag?: string;
}

const SERVING = "serving.knative.dev/v1";
const T = "2026-11-25T12:00:00Z";
const ready = (type: string, status = "True") => ({ type, status, lastTransitionTime: T });

function template(image: string) {
  return {
    metadata: {},
    spec: {
      containerConcurrency: 0,
      timeoutSeconds: 300,
      enableServiceLinks: false,
      containers: [{ name: "user-container", image, readinessProbe: { successThreshold: 1, tcpSocket: { port: 0 } }, resources: {} }],
    },
  };
}

async function uidOf(resource: string, ns: string, name: string): Promise<string> {
  return (await kubectl(["get", resource, name, "-n", ns, "-o", "jsonpath={.metadata.uid}"])).trim();
}

async function patchStatus(resource: string, ns: string, name: string, status: unknown): Promise<void> {
  await kubectl(["patch", resource, name, "-n", ns, "--subresource=status", "--type=merge", "-p", JSON.stringify({ status })]);
}

/**
 * A Knative Service `name` with `revisions` Ready revisions (the last one is the latest) and
 * `traffic` in its spec, reconciled: statuses say the traffic is routed as asked.
 */
export async function createKnativeService(ns: string, opts: { name?: string; revisions?: number; traffic: TrafficSpec[] }): Promise<void> {
  const name = opts.name ?? "hello";
  const count = opts.revisions ?? 3;
  const revName = (n: number) => `${name}-${String(n).padStart(5, "0")}`;
  const image = (n: number) => `ghcr.io/example/${name}:v${n}`;
  const latest = revName(count);
  const domain = `${name}.${ns}.svc.cluster.local`;

  // 1. The user's Service, as the API server stores it after Knative's defaulting webhook.
  await kubectl(["create", "-f", "-"], {
    apiVersion: SERVING,
    kind: "Service",
    metadata: { name, namespace: ns, annotations: { "serving.knative.dev/creator": "admin", "serving.knative.dev/lastModifier": "admin" } },
    spec: { template: template(image(count)), traffic: opts.traffic },
  });
  const ksvcUid = await uidOf("services.serving.knative.dev", ns, name);
  const svcOwner = { apiVersion: SERVING, kind: "Service", name, uid: ksvcUid, controller: true, blockOwnerDeletion: true };

  // 2. The Configuration and the Route the service controller makes.
  await kubectl(["create", "-f", "-"], {
    apiVersion: "v1",
    kind: "List",
    items: [
      {
        apiVersion: SERVING,
        kind: "Configuration",
        metadata: {
          name,
          namespace: ns,
          labels: { "serving.knative.dev/service": name, "serving.knative.dev/serviceUID": ksvcUid },
          ownerReferences: [svcOwner],
        },
        spec: { template: template(image(count)) },
      },
      {
        apiVersion: SERVING,
        kind: "Route",
        metadata: { name, namespace: ns, labels: { "serving.knative.dev/service": name }, ownerReferences: [svcOwner] },
        spec: { traffic: opts.traffic.map((t) => (t.revisionName ? t : { ...t, configurationName: name })) },
      },
    ],
  });
  const cfgUid = await uidOf("configurations.serving.knative.dev", ns, name);

  // 3. One Revision per generation of the Configuration, owned by it.
  const routed = new Set(opts.traffic.filter((t) => (t.percent ?? 0) > 0 || t.tag).map((t) => t.revisionName ?? latest));
  const revisions = Array.from({ length: count }, (_, i) => i + 1).map((n) => ({
    apiVersion: SERVING,
    kind: "Revision",
    metadata: {
      name: revName(n),
      namespace: ns,
      labels: {
        "serving.knative.dev/configuration": name,
        "serving.knative.dev/configurationUID": cfgUid,
        "serving.knative.dev/configurationGeneration": String(n),
        "serving.knative.dev/service": name,
        "serving.knative.dev/serviceUID": ksvcUid,
        "serving.knative.dev/routingState": routed.has(revName(n)) ? "active" : "reserve",
      },
      annotations: { "serving.knative.dev/routingStateModified": T, "serving.knative.dev/creator": "admin" },
      ownerReferences: [{ apiVersion: SERVING, kind: "Configuration", name, uid: cfgUid, controller: true, blockOwnerDeletion: true }],
    },
    spec: template(image(n)).spec,
  }));
  await kubectl(["create", "-f", "-"], { apiVersion: "v1", kind: "List", items: revisions });

  // 4. Statuses, as each controller reports them.
  for (let n = 1; n <= count; n++) {
    const active = routed.has(revName(n));
    await patchStatus("revisions.serving.knative.dev", ns, revName(n), {
      observedGeneration: 1,
      conditions: [ready("Active", active ? "True" : "False"), ready("ContainerHealthy"), ready("Ready"), ready("ResourcesAvailable")],
      containerStatuses: [{ name: "user-container", imageDigest: `${image(n)}@sha256:${String(n).repeat(64)}` }],
      actualReplicas: active ? 1 : 0,
      desiredReplicas: active ? 1 : 0,
    });
  }
  await patchStatus("configurations.serving.knative.dev", ns, name, {
    observedGeneration: 1,
    latestCreatedRevisionName: latest,
    latestReadyRevisionName: latest,
    conditions: [ready("Ready")],
  });
  const statusTraffic = opts.traffic.map((t) => ({
    ...(t.tag ? { tag: t.tag, url: `http://${t.tag}-${domain}` } : {}),
    revisionName: t.revisionName ?? latest,
    latestRevision: !t.revisionName,
    percent: t.percent ?? 0,
  }));
  const url = `http://${domain}`;
  const address = { url: `http://${name}.${ns}.svc.cluster.local` };
  await patchStatus("routes.serving.knative.dev", ns, name, {
    observedGeneration: 1,
    url,
    address,
    traffic: statusTraffic,
    conditions: [ready("AllTrafficAssigned"), ready("CertificateProvisioned"), ready("IngressReady"), ready("Ready")],
  });
  await patchStatus("services.serving.knative.dev", ns, name, {
    observedGeneration: 1,
    url,
    address,
    latestCreatedRevisionName: latest,
    latestReadyRevisionName: latest,
    traffic: statusTraffic,
    conditions: [ready("ConfigurationsReady"), ready("Ready"), ready("RoutesReady")],
  });
}

/** spec.traffic of the Service, read back with kubectl: the independent witness. */
export async function ksvcJson(ns: string, name = "hello"): Promise<{ metadata: { annotations?: Record<string, string> }; spec: { traffic?: TrafficSpec[] } }> {
  return JSON.parse(await kubectl(["get", "ksvc", name, "-n", ns, "-o", "json"])) as {
    metadata: { annotations?: Record<string, string> };
    spec: { traffic?: TrafficSpec[] };
  };
}
