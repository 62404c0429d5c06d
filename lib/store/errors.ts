import type { FieldCause, FieldConflict, StoreError } from "./types";

// Kubernetes reports failures as a metav1.Status; these turn it (or a network failure) into
// the typed errors the UI shows.

interface StatusBody {
  kind?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { causes?: { field?: string; message?: string; reason?: string; type?: string }[] };
}

function isStatus(b: unknown): b is StatusBody {
  return typeof b === "object" && b !== null && (b as StatusBody).kind === "Status";
}

/** `conflict with "kubectl" using gateway.networking.k8s.io/v1` → kubectl */
const MANAGER = /conflict with "([^"]+)"/;

export function errorFromStatus(status: number, body: unknown): StoreError {
  const s: StatusBody = isStatus(body) ? body : { message: typeof body === "string" ? body : undefined };
  const message = s.message?.trim() || `the API server answered HTTP ${status}`;
  const causes = s.details?.causes ?? [];
  switch (status) {
    case 422:
      return {
        type: "Invalid",
        message,
        causes: causes.map((c): FieldCause => ({ field: c.field ?? "", message: c.message ?? "", reason: c.reason ?? c.type })),
      };
    case 409: {
      const conflicts = causes
        .filter((c) => (c.reason ?? c.type) === "FieldManagerConflict")
        .map((c): FieldConflict => ({ manager: MANAGER.exec(c.message ?? "")?.[1] ?? "unknown", field: c.field ?? "" }));
      return { type: "Conflict", message, conflicts, stale: conflicts.length === 0 };
    }
    case 403:
    case 401:
      return { type: "Forbidden", message };
    case 404:
      return { type: "NotFound", message };
    case 502:
    case 503:
    case 504:
      return { type: "Unreachable", message };
    default:
      return { type: "Failed", message, code: status };
  }
}

/** A request that never got an HTTP answer: refused, reset, timed out, DNS, TLS. */
export function errorFromNetwork(err: unknown, server: string | undefined): StoreError {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const detail = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
  return {
    type: "Unreachable",
    message: `cannot reach the API server${server ? ` at ${server}` : ""} (${detail})`,
  };
}
