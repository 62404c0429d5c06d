// What the migration planner may write: one Knative Service's networking.knative.dev/ingress.class
// annotation, to net-gateway-api's class or back to net-istio's. Nothing else of the Service.
import { GATEWAY_API_INGRESS_CLASS, INGRESS_CLASS_ANNOTATION, ISTIO_INGRESS_CLASS } from "../knative/constants";
import type { KubeObject } from "../k8s/meta";
import type { Result, Store } from "../store";
import { isRecord, str } from "./input";
import { invalid, runWrite, writeStep } from "./run-write";

export const MOVABLE_CLASSES: readonly string[] = [GATEWAY_API_INGRESS_CLASS, ISTIO_INGRESS_CLASS];

export interface IngressClassSubmission {
  namespace: string;
  name: string;
  /** The version the user looked at; a newer one in the cluster makes the API server refuse. */
  resourceVersion: string;
  /** One of MOVABLE_CLASSES. */
  ingressClass: string;
}

function refused(message: string): Result<never> {
  console.warn(`routeboard: refused submitIngressClass: ${message}`);
  return invalid(`${message}. Nothing was changed.`);
}

export async function writeIngressClass(store: Store, who: string, raw: unknown, rawStep: unknown): Promise<Result<KubeObject>> {
  const step = writeStep(rawStep);
  if (!isRecord(raw) || !step) return refused("expected a Service's namespace, name, resourceVersion and ingressClass, and a step");
  const namespace = str(raw.namespace, "namespace");
  const name = str(raw.name, "name");
  const rv = str(raw.resourceVersion, "resourceVersion");
  if (!namespace.ok || !name.ok || !rv.ok) return refused([namespace, name, rv].flatMap((r) => (r.ok ? [] : [r.message])).join("; "));
  const cls = raw.ingressClass;
  if (typeof cls !== "string" || !MOVABLE_CLASSES.includes(cls)) return refused(`ingressClass must be ${MOVABLE_CLASSES.join(" or ")}`);
  // Server-side apply of the annotation alone: Routeboard owns it and nothing else of the Service.
  const body: KubeObject = {
    apiVersion: "serving.knative.dev/v1",
    kind: "Service",
    metadata: { name: name.value, namespace: namespace.value, resourceVersion: rv.value, annotations: { [INGRESS_CLASS_ANNOTATION]: cls } },
  };
  return runWrite(store, who, body, step);
}
