import { CONFIGURATION_LABEL, H2C_PORT, HTTP1_PORT, SERVICE_LABEL, SERVING_API_VERSION } from "./constants";
import { controllerRef, serviceChildMeta } from "./owner-ref";
import { protocolOf } from "./traffic-config";
import type { Configuration, KnativeService, Revision } from "./types.generated";
import type { KubeObject } from "../k8s/meta";

/**
 * The Configuration a Knative Service owns (pkg/reconciler/service/resources/configuration.go
 * MakeConfiguration): same name, the Service's labels plus the service label, its annotations
 * but kubectl's last-applied one, and the Service's template.
 */
export function configurationFromService(ksvc: KnativeService): Configuration {
  return {
    apiVersion: SERVING_API_VERSION,
    kind: "Configuration",
    metadata: serviceChildMeta(ksvc),
    spec: { ...(ksvc.spec?.template && { template: ksvc.spec.template }) },
  };
}

/**
 * The name of the Revision a Configuration stamps out at a generation: the template's own name
 * when it has one, else `<configuration>-<generation, 5 digits>` (hello-00001).
 */
export function revisionNameAt(config: Configuration, generation: number): string {
  return config.spec?.template?.metadata?.name || `${config.metadata.name ?? ""}-${String(generation).padStart(5, "0")}`;
}

/** The Revision a Configuration creates (configuration/resources MakeRevision): its template, labelled with the Configuration and Service. */
export function revisionFromConfiguration(config: Configuration, name: string, generation: number): Revision {
  const template = config.spec?.template;
  const service = config.metadata.labels?.[SERVICE_LABEL];
  const labels: Record<string, string> = {
    ...Object.fromEntries(Object.entries(template?.metadata?.labels ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k, v]]))),
    [CONFIGURATION_LABEL]: config.metadata.name ?? "",
    "serving.knative.dev/configurationGeneration": String(generation),
    ...(service !== undefined && { [SERVICE_LABEL]: service }),
  };
  return {
    apiVersion: SERVING_API_VERSION,
    kind: "Revision",
    metadata: { name, namespace: config.metadata.namespace, labels, ownerReferences: [controllerRef(config)] },
    spec: { ...(template?.spec ?? { containers: [] }) },
  };
}

/**
 * The public Service of a Revision, the backend every split names (serverlessservice/resources
 * MakePublicService): the Revision's name, one port — http 80 → 8012, or http2 81 → 8013 for h2c.
 */
export function revisionPublicService(rev: Revision): KubeObject {
  const name = rev.metadata.name ?? "";
  const h2c = protocolOf(rev) === "h2c";
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name,
      namespace: rev.metadata.namespace,
      labels: { ...rev.metadata.labels, "networking.internal.knative.dev/serverlessservice": name, "networking.internal.knative.dev/serviceType": "Public" },
    },
    spec: { ports: [{ name: h2c ? "http2" : "http", protocol: "TCP", port: h2c ? H2C_PORT : HTTP1_PORT, targetPort: h2c ? 8013 : 8012 }] },
  };
}
