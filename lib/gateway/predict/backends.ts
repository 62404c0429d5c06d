// Whether each backendRef of an HTTPRoute resolves (ResolvedRefs) and what a data plane does with
// it: a valid backend gets its weight share of the traffic, an invalid one its share of 500s.
import { GATEWAY_GROUP } from "../listeners";
import { referenceAllowed } from "../reference-grants";
import type { HTTPBackendRef } from "../route-types";
import type { HTTPRoute } from "../types.generated";
import { condition, warning } from "./conditions";
import { fullName, nsOf, type Inputs } from "./inputs";
import type { BackendPrediction, PredictedCondition, PredictionWarning } from "./types";

type BackendObjectRef = Pick<HTTPBackendRef, "group" | "kind" | "name" | "namespace" | "port">;

/** Application protocols an HTTP data plane speaks to a backend (KEP-3726 names, and the bare ones). */
const HTTP_APP_PROTOCOLS = new Set(["http", "https", "h2c", "ws", "wss", "kubernetes.io/h2c", "kubernetes.io/ws", "kubernetes.io/wss"]);

export interface ResolvedBackend extends Omit<BackendPrediction, "rule" | "index"> {
  readonly rule?: "backendKind" | "backendGrant" | "backendMissing";
}

/** `fromKind`: the route kind holding the reference, as ReferenceGrants name it. */
export function resolveBackend(ref: BackendObjectRef & { weight?: number }, routeNs: string, inputs: Inputs, fromKind = "HTTPRoute"): ResolvedBackend {
  const group = ref.group ?? "";
  const kind = ref.kind ?? "Service";
  const namespace = ref.namespace ?? routeNs;
  const base = { group, kind, namespace, name: ref.name, ...(ref.port !== undefined && { port: ref.port }), weight: ref.weight ?? 1 };
  const what = `${group === "" ? "" : `${group}/`}${kind} ${namespace}/${ref.name}`;
  const warnings: PredictionWarning[] = [];
  const serviceImport = group === "multicluster.x-k8s.io" && kind === "ServiceImport";
  if (!(group === "" && kind === "Service") && !serviceImport) {
    return {
      ...base,
      valid: false,
      reason: "InvalidKind",
      message: `backendRef ${what}: kind ${group || "core"}/${kind} is not a supported backend`,
      rule: "backendKind",
      warnings,
    };
  }
  if (
    namespace !== routeNs &&
    !referenceAllowed(inputs.grants, { group: GATEWAY_GROUP, kind: fromKind, namespace: routeNs }, { group, kind, namespace, name: ref.name })
  ) {
    return {
      ...base,
      valid: false,
      reason: "RefNotPermitted",
      message: `backendRef ${what}: no ReferenceGrant in ${namespace} lets ${fromKind}s in ${routeNs} use it`,
      rule: "backendGrant",
      warnings,
    };
  }
  if (serviceImport) {
    warnings.push(warning("ServiceImport", `backendRef ${what}: ServiceImport backends have Extended support`, "serviceImport"));
    return inputs.has(group, kind, namespace, ref.name)
      ? { ...base, valid: true, warnings }
      : { ...base, valid: false, reason: "BackendNotFound", message: `backendRef ${what} does not exist`, rule: "backendMissing", warnings };
  }
  const svc = inputs.service(namespace, ref.name);
  if (!svc) return { ...base, valid: false, reason: "BackendNotFound", message: `backendRef ${what} does not exist`, rule: "backendMissing", warnings };
  if (svc.type === "ExternalName") {
    warnings.push(
      warning(
        "ExternalNameService",
        `Service ${namespace}/${ref.name} is an ExternalName Service (→ ${svc.externalName ?? "?"}); implementations SHOULD NOT support it and many answer 500 or 503`,
        "externalName",
      ),
    );
    return { ...base, valid: true, warnings };
  }
  const selected = svc.selector ? { workloads: inputs.workloads(namespace, svc.selector) } : {};
  const port = (svc.ports ?? []).find((p) => p.port === ref.port);
  if (ref.port === undefined) {
    warnings.push(warning("BackendPortMissing", `backendRef ${what} has no port (the API requires one for a Service)`, "backendPort"));
  } else if (!port) {
    const exposed = (svc.ports ?? []).map((p) => p.port).join(", ") || "none";
    warnings.push(
      warning(
        "BackendPortNotExposed",
        `Service ${namespace}/${ref.name} does not expose port ${ref.port} (it exposes ${exposed}); implementations differ: 500, 503 or a connection error`,
        "backendPort",
      ),
    );
  } else if (port.appProtocol !== undefined && !HTTP_APP_PROTOCOLS.has(port.appProtocol)) {
    warnings.push(
      warning(
        "UnsupportedProtocol",
        `Service ${namespace}/${ref.name} port ${ref.port} has appProtocol ${port.appProtocol}: an implementation that cannot speak it sets ResolvedRefs False, UnsupportedProtocol`,
        "appProtocol",
      ),
    );
  }
  return { ...base, valid: true, ...selected, warnings };
}

/** Every backendRef of every rule, resolved. */
export function routeBackends(route: HTTPRoute, inputs: Inputs): BackendPrediction[] {
  const ns = nsOf(route);
  return (route.spec.rules ?? []).flatMap((rule, r) =>
    (rule.backendRefs ?? []).map((ref, i) => {
      const { rule: _rule, ...b } = resolveBackend(ref, ns, inputs);
      return { rule: r, index: i, ...b };
    }),
  );
}

/** The mirror targets of a rule's filters and its backends' filters. */
function mirrorRefs(route: HTTPRoute): BackendObjectRef[] {
  return (route.spec.rules ?? []).flatMap((rule) => [
    ...(rule.filters ?? []).flatMap((f) => (f.requestMirror ? [f.requestMirror.backendRef] : [])),
    ...(rule.backendRefs ?? []).flatMap((b) => (b.filters ?? []).flatMap((f) => (f.requestMirror ? [f.requestMirror.backendRef] : []))),
  ]);
}

/** The route's ResolvedRefs condition: the first backendRef (or mirror target) that does not resolve decides it. */
export function resolvedRefsOf(route: HTTPRoute, backends: readonly BackendPrediction[], inputs: Inputs): PredictedCondition {
  const ns = nsOf(route);
  const first = backends.find((b) => !b.valid);
  if (first?.reason) return condition("ResolvedRefs", "False", first.reason, first.message ?? "", ruleOf(first.reason));
  for (const ref of mirrorRefs(route)) {
    const m = resolveBackend(ref, ns, inputs);
    if (!m.valid && m.reason && m.rule) return condition("ResolvedRefs", "False", m.reason, `mirror ${m.message ?? ""}`, m.rule);
  }
  return condition("ResolvedRefs", "True", "ResolvedRefs", `every backendRef of HTTPRoute ${fullName(route)} resolves`, "resolvedRefs");
}

function ruleOf(reason: string): "backendKind" | "backendGrant" | "backendMissing" {
  return reason === "InvalidKind" ? "backendKind" : reason === "RefNotPermitted" ? "backendGrant" : "backendMissing";
}
