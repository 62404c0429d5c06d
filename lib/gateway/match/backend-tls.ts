// A backend governed by a BackendTLSPolicy: the Gateway connects to it with TLS. An invalid
// caCertificateRef makes those connections fail (the client gets a 5xx, BackendTLSPolicy
// docs); otherwise the handshake hangs on the backend's serving certificate, which is not
// among the objects, so the answer says it assumes the certificate passes.
import { warning } from "../predict/conditions";
import { policyFor } from "../predict/backend-tls";
import type { StatusModel } from "../predict/predict";
import type { MatchedBackend } from "./types";

/** The code of the warning saying the answer assumes the backend's certificate passes validation. */
export const BACKEND_CERTIFICATE_ASSUMED = "BackendCertificateAssumed";

export function throughBackendTLS(b: MatchedBackend, model: StatusModel): MatchedBackend {
  if (!b.valid || b.group !== "" || b.kind !== "Service") return b;
  const portName = model.inputs.service(b.namespace, b.name)?.ports?.find((p) => p.port === b.port)?.name;
  const p = policyFor(model.backendTLS, b.namespace, b.name, portName);
  if (!p) return b;
  const name = `${p.ref.namespace}/${p.ref.name}`;
  if (p.broken !== undefined) {
    const reason = p.conditions.find((c) => c.type === "ResolvedRefs")?.reason ?? "InvalidCACertificateRef";
    return { ...b, valid: false, reason, message: `BackendTLSPolicy ${name}: ${p.broken}; connections to the backend fail (5xx)` };
  }
  const w = warning(
    BACKEND_CERTIFICATE_ASSUMED,
    `BackendTLSPolicy ${name} validates the certificate of ${b.namespace}/${b.name} (hostname ${p.policy.spec.validation.hostname}); the answer assumes it passes`,
    "backendTLSCertificate",
  );
  return { ...b, warnings: [...b.warnings, w] };
}
