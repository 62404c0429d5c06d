/** The CRDs whose schemas the editors validate against in the browser. */
export const VALIDATION_CRDS: readonly string[] = ["httproutes.gateway.networking.k8s.io", "services.serving.knative.dev"];
