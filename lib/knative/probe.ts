import { HASH_HEADER, HASH_HEADER_OVERRIDE } from "./constants";
import { goIngressSpecJSON } from "./go-json";
import { pathsOf, splitsOf } from "./kingress-fields";
import { sha256Hex } from "./sha256";
import type { KIngress } from "./types.generated";
import type { KIngressPath, KIngressRule, KIngressSpec } from "./types";

/** KIngress defaulting (networking v1alpha1 IngressSpec.SetDefaults): rule visibility ExternalIP, a lone split at 100%. */
export function defaultIngressSpec(spec: KIngressSpec): KIngressSpec {
  return { ...spec, rules: spec.rules?.map(defaultRule) };
}

// IngressRule.SetDefaults. Go dereferences a nil `http` here (the webhook forbids it); Routeboard
// leaves such a rule as it is.
function defaultRule(r: KIngressRule): KIngressRule {
  const rule = { ...r, visibility: r.visibility || "ExternalIP" };
  // A nil `paths` stays nil: it is hashed as `null`.
  if (!r.http || !r.http.paths) return rule;
  return { ...rule, http: { paths: r.http.paths.map(defaultPath) } };
}

// HTTPIngressPath.SetDefaults: a lone split without a percent takes it all.
function defaultPath(p: KIngressPath): KIngressPath {
  const splits = splitsOf(p);
  const [only] = splits;
  return splits.length === 1 && only && !only.percent ? { ...p, splits: [{ ...only, percent: 100 }] } : p;
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
      const paths = pathsOf(r.http);
      const probes = paths.map((p) => ({
        ...p,
        headers: { ...(p.headers ?? {}), [HASH_HEADER]: { exact: HASH_HEADER_OVERRIDE } },
        appendHeaders: { ...(p.appendHeaders ?? {}), [HASH_HEADER]: hash },
      }));
      return { ...r, http: { paths: [...probes, ...paths] } };
    }),
  };
}
