import { HASH_HEADER, HASH_HEADER_OVERRIDE } from "./constants";
import { goIngressSpecJSON } from "./go-json";
import { sha256Hex } from "./sha256";
import type { KIngress } from "./types.generated";
import type { KIngressSpec } from "./types";

/** KIngress defaulting (networking v1alpha1): rule visibility ExternalIP, a lone split at 100%. */
export function defaultIngressSpec(spec: KIngressSpec): KIngressSpec {
  return {
    ...spec,
    rules: spec.rules?.map((r) => ({
      ...r,
      visibility: r.visibility || "ExternalIP",
      ...(r.http
        ? {
            http: {
              paths: r.http.paths.map((p) =>
                p.splits.length === 1 && !p.splits[0]!.percent ? { ...p, splits: [{ ...p.splits[0]!, percent: 100 }] } : p,
              ),
            },
          }
        : {}),
    })),
  };
}

/** ingress.ComputeHash: SHA-256 of the spec's JSON, the namespace and the name. */
export function computeIngressHash(ingress: Pick<KIngress, "metadata">, spec: KIngressSpec): string {
  return sha256Hex(goIngressSpecJSON(spec) + (ingress.metadata.namespace ?? "") + (ingress.metadata.name ?? ""));
}

/**
 * ingress.InsertProbe: before every path, a copy that matches `K-Network-Hash: override` and
 * sets `K-Network-Hash: <hash>`, so the controller can tell when a gateway serves this version.
 */
export function insertProbe(spec: KIngressSpec, hash: string): KIngressSpec {
  return {
    ...spec,
    rules: spec.rules?.map((r) => {
      if (!r.http) return r;
      const probes = r.http.paths.map((p) => ({
        ...p,
        headers: { ...(p.headers ?? {}), [HASH_HEADER]: { exact: HASH_HEADER_OVERRIDE } },
        appendHeaders: { ...(p.appendHeaders ?? {}), [HASH_HEADER]: hash },
      }));
      return { ...r, http: { paths: [...probes, ...r.http.paths] } };
    }),
  };
}
