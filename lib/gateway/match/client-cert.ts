// The TLS handshake of an HTTPS listener with frontend client-certificate validation
// (Gateway spec.tls.frontend, GEP-91): in mode AllowValidOnly (the default) a client without a
// certificate issued by one of the caCertificateRefs' CAs does not get a connection; in
// AllowInsecureFallback it does.
import { warning } from "../predict/conditions";
import { frontendValidation } from "../predict/listeners";
import type { ListenerModel } from "../predict/listeners";
import type { Gateway } from "../types.generated";
import type { PredictionWarning } from "../predict/types";
import type { MatchInput } from "./types";

export type Handshake = { readonly ok: true; readonly warnings: readonly PredictionWarning[] } | { readonly ok: false; readonly reason: string };

export function clientHandshake(gateway: Gateway, l: ListenerModel, cert: MatchInput["clientCertificate"]): Handshake {
  const v = frontendValidation(gateway, l.listener);
  if (!v) return { ok: true, warnings: [] };
  const gwNs = gateway.metadata.namespace ?? "default";
  const cas = v.caCertificateRefs.filter((r) => r.group === "" && r.kind === "ConfigMap").map((r) => `${r.namespace ?? gwNs}/${r.name}`);
  const mode = v.mode ?? "AllowValidOnly";
  const what = `listener ${l.listener.name} validates client certificates against ConfigMap ${cas.join(", ") || "(none)"} (mode ${mode})`;
  if (cert === undefined)
    return {
      ok: true,
      warnings: [warning("ClientCertificateAssumed", `${what}: the answer assumes the client presents a certificate one of them issued`, "caCertificateRefs")],
    };
  const issuer = cert === "none" ? undefined : cert.issuer;
  const valid = issuer !== undefined && cas.includes(`${issuer.namespace}/${issuer.name}`);
  if (valid) return { ok: true, warnings: [] };
  const presented =
    cert === "none"
      ? "no client certificate"
      : issuer
        ? `a client certificate issued by ConfigMap ${issuer.namespace}/${issuer.name}'s CA`
        : "a client certificate of another CA";
  if (mode === "AllowInsecureFallback")
    return { ok: true, warnings: [warning("InsecureFallback", `${what}: ${presented} is let through by the insecure fallback`, "insecureFallback")] };
  return { ok: false, reason: `${what}: with ${presented} the TLS handshake fails` };
}
