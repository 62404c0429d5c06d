import { referenceGrantFor } from "../gateway/reference-grants";
import type { ReferenceGrant } from "../gateway/types.generated";
import { HTTP1_PORT } from "./constants";
import { DEFAULT_CLUSTER_DOMAIN } from "./network-config";
import type { HTTPBackendRef, HTTPRouteFilter, HTTPRouteRule } from "./types";

/** A path on a shared host whose backend is a Knative Service. */
export interface KnativePathRule {
  /** PathPrefix to match, e.g. "/api/v1". */
  path: string;
  ksvc: { name: string; namespace: string };
  weight?: number;
  /** Rewrite the matched prefix to "/" (the service sees "/users", not "/api/v1/users"). */
  stripPrefix?: boolean;
}

export interface KnativePathRoutingConfig {
  /** Namespace of the HTTPRoute being compiled. */
  routeNamespace: string;
  /**
   * "local-gateway" (default): send to the Knative local gateway Service, which routes by the
   * rewritten Host. "placeholder": send to the ksvc's own placeholder Service (ExternalName).
   */
  via?: "local-gateway" | "placeholder";
  /** The Knative local gateway Service (config-gateway local-gateways service). */
  localGatewayService?: { namespace: string; name: string; port?: number };
  clusterDomain?: string;
}

export interface CompiledKnativePath {
  rule: HTTPRouteRule;
  /** Needed when the backend Service is in another namespace than the HTTPRoute. */
  referenceGrant: ReferenceGrant | null;
  warnings: string[];
}

const DEFAULT_LOCAL_GATEWAY_SERVICE = { namespace: "istio-system", name: "knative-local-gateway", port: HTTP1_PORT };

/**
 * Path routing across Knative Services on one host, which Knative has no feature for
 * (knative/serving#11997): match the prefix, rewrite Host to the ksvc's cluster-local name, and
 * send to a Service that routes by Host. Inferred from how DomainMapping is wired, not an
 * official Knative sample, hence the warnings.
 */
export function compileKnativePath(input: KnativePathRule, cfg: KnativePathRoutingConfig): CompiledKnativePath {
  const clusterDomain = cfg.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
  const { name, namespace } = input.ksvc;
  const hostname = `${name}.${namespace}.svc.${clusterDomain}`;
  const via = cfg.via ?? "local-gateway";
  const target = via === "placeholder" ? { namespace, name, port: HTTP1_PORT } : { ...DEFAULT_LOCAL_GATEWAY_SERVICE, ...cfg.localGatewayService };
  const crossNamespace = target.namespace !== cfg.routeNamespace;

  const filters: HTTPRouteFilter[] = [
    {
      type: "URLRewrite",
      urlRewrite: { hostname, ...(input.stripPrefix ? { path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/" } } : {}) },
    },
  ];
  const backend: HTTPBackendRef = {
    group: "",
    kind: "Service",
    name: target.name,
    ...(crossNamespace ? { namespace: target.namespace } : {}),
    port: target.port ?? HTTP1_PORT,
    ...(input.weight !== undefined ? { weight: input.weight } : {}),
  };
  const rule: HTTPRouteRule = {
    matches: [{ path: { type: "PathPrefix", value: input.path } }],
    filters,
    backendRefs: [backend],
  };

  const warnings: string[] = [
    `${input.path} → Knative Service ${namespace}/${name}: Knative has no native path routing across services; this rule rewrites the Host to ${hostname} and relies on the Knative gateway to route by Host.`,
  ];
  if (via === "placeholder") {
    warnings.push(
      `The placeholder Service ${namespace}/${name} is an ExternalName Service. The Gateway API says implementations SHOULD NOT support ExternalName backends, and some gateways answer 503 (knative-extensions/net-gateway-api#961). Prefer the Knative local gateway Service.`,
    );
  }
  if (crossNamespace) {
    warnings.push(
      `The backend Service ${target.namespace}/${target.name} is in another namespace than the HTTPRoute (${cfg.routeNamespace}): a ReferenceGrant in ${target.namespace} must allow it.`,
    );
  }
  return { rule, referenceGrant: crossNamespace ? referenceGrantFor(cfg.routeNamespace, target) : null, warnings };
}

/** Several Knative paths as the rules of one HTTPRoute, with grants deduplicated by name. */
export function compileKnativePaths(
  paths: readonly KnativePathRule[],
  cfg: KnativePathRoutingConfig,
): {
  rules: HTTPRouteRule[];
  referenceGrants: ReferenceGrant[];
  warnings: string[];
} {
  const compiled = paths.map((p) => compileKnativePath(p, cfg));
  const grants = new Map<string, ReferenceGrant>();
  for (const c of compiled) if (c.referenceGrant) grants.set(`${c.referenceGrant.metadata.namespace}/${c.referenceGrant.metadata.name}`, c.referenceGrant);
  return {
    rules: compiled.map((c) => c.rule),
    referenceGrants: [...grants.values()],
    warnings: [...new Set(compiled.flatMap((c) => c.warnings))],
  };
}
