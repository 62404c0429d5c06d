// The status of an HTTPRoute for each of its parentRefs: Accepted (with the listeners it attached
// to), ResolvedRefs and PartiallyInvalid, by the rules of the ParentReference, Listener and
// HTTPRoute documentation.
import { attach, describeAllowedNamespaces, describeKinds, effectiveHostnames, GATEWAY_GROUP, type AttachVerdict, type AnyListener } from "../listeners";
import type { HTTPRouteRule, ParentReference } from "../route-types";
import type { HTTPRoute } from "../types.generated";
import { routeBackends, resolvedRefsOf } from "./backends";
import { condition, warning, type RuleKey } from "./conditions";
import type { GatewayModel } from "./gateway";
import { fullName, nsOf, type Inputs } from "./inputs";
import type { ListenerModel } from "./listeners";
import type { BackendPrediction, PredictedCondition, PredictionWarning, RouteParentPrediction } from "./types";

export interface Attachment {
  readonly listener: ListenerModel;
  readonly hostnames: readonly string[] | "any";
}

export interface ParentModel {
  readonly prediction: RouteParentPrediction;
  /** The listeners the route is Accepted on through this parentRef. */
  readonly attachments: readonly Attachment[];
}

export interface RouteModel {
  readonly route: HTTPRoute;
  readonly parents: readonly ParentModel[];
  readonly backends: readonly BackendPrediction[];
  readonly invalidRules: ReadonlyMap<number, { readonly reason: string; readonly message: string }>;
  readonly warnings: readonly PredictionWarning[];
}

const FILTER_TYPES = new Set(["RequestHeaderModifier", "ResponseHeaderModifier", "RequestMirror", "RequestRedirect", "URLRewrite", "ExtensionRef", "CORS"]);
const PATH_TYPES = new Set(["Exact", "PathPrefix", "RegularExpression"]);
const VALUE_TYPES = new Set(["Exact", "RegularExpression"]);
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]);
const MODIFIERS = new Set(["ReplaceFullPath", "ReplacePrefixMatch"]);

/** Why a rule is dropped, or undefined when it is valid. */
function ruleProblem(rule: HTTPRouteRule): { reason: string; message: string } | undefined {
  const filters = rule.filters ?? [];
  const unknown = filters.find((f) => !FILTER_TYPES.has(f.type));
  if (unknown) return { reason: "UnsupportedValue", message: `filter type ${unknown.type} is not supported` };
  if (filters.some((f) => f.type === "RequestRedirect") && filters.some((f) => f.type === "URLRewrite")) {
    return { reason: "IncompatibleFilters", message: "RequestRedirect and URLRewrite cannot be combined" };
  }
  for (const f of filters) {
    const path = f.requestRedirect?.path ?? f.urlRewrite?.path;
    if (path && !MODIFIERS.has(path.type)) return { reason: "UnsupportedValue", message: `path modifier type ${path.type} is not supported` };
    if (path?.type === "ReplacePrefixMatch") {
      // No matches is the default single PathPrefix "/" match.
      const ms = rule.matches?.length ? rule.matches : [{}];
      if (ms.length !== 1 || (ms[0]?.path?.type ?? "PathPrefix") !== "PathPrefix")
        return { reason: "UnsupportedValue", message: "ReplacePrefixMatch needs exactly one PathPrefix match" };
    }
    const scheme = f.requestRedirect?.scheme;
    if (scheme !== undefined && scheme !== "http" && scheme !== "https")
      return { reason: "UnsupportedValue", message: `redirect scheme ${String(scheme)} is not supported` };
    const code = f.requestRedirect?.statusCode;
    if (code !== undefined && ![301, 302, 303, 307, 308].includes(code))
      return { reason: "UnsupportedValue", message: `redirect statusCode ${code} is not supported` };
  }
  for (const m of rule.matches ?? []) {
    if (m.path?.type !== undefined && !PATH_TYPES.has(m.path.type))
      return { reason: "UnsupportedValue", message: `path match type ${m.path.type} is not supported` };
    if (m.method !== undefined && !METHODS.has(m.method)) return { reason: "UnsupportedValue", message: `method ${m.method} is not supported` };
    const odd = [...(m.headers ?? []), ...(m.queryParams ?? [])].find((h) => h.type !== undefined && !VALUE_TYPES.has(h.type));
    if (odd) return { reason: "UnsupportedValue", message: `match type ${odd.type ?? ""} is not supported` };
  }
  return undefined;
}

function ruleWarnings(route: HTTPRoute): PredictionWarning[] {
  const out: PredictionWarning[] = [];
  (route.spec.rules ?? []).forEach((rule, r) => {
    const ms = rule.matches ?? [];
    if (ms.some((m) => m.path?.type === "RegularExpression" || [...(m.headers ?? []), ...(m.queryParams ?? [])].some((h) => h.type === "RegularExpression"))) {
      out.push(warning("RegularExpression", `rule ${r}: regular-expression matches have an implementation-specific dialect and precedence`, "regex"));
    }
    if ((rule.filters ?? []).some((f) => f.type === "ExtensionRef")) {
      out.push(
        warning(
          "ExtensionRef",
          `rule ${r}: ExtensionRef filters are implementation-specific; one that cannot be resolved makes the rule answer errors`,
          "invalidRules",
        ),
      );
    }
  });
  return out;
}

function explain(v: Extract<AttachVerdict, { ok: false }>, ref: ParentReference, route: HTTPRoute, parentName: string): [string, RuleKey] {
  const ls = v.listeners;
  const list = (f: (l: AnyListener) => string) => ls.map((l) => `${l.name}: ${f(l)}`).join("; ") || "no listeners";
  switch (v.cause) {
    case "sectionName":
      return [`${parentName} has no listener named ${ref.sectionName ?? ""} (listeners: ${ls.map((l) => l.name).join(", ") || "none"})`, "noMatchingParent"];
    case "port":
      return [
        `no listener of ${parentName}${ref.sectionName ? ` named ${ref.sectionName}` : ""} listens on port ${ref.port ?? ""} (${list((l) => String(l.port))})`,
        "noMatchingParent",
      ];
    case "notAccepted":
      return [`the selected listeners of ${parentName} are not accepted, so they take no routes`, "notAllowedNotAccepted"];
    case "kinds":
      return [
        `the route kind is the cause, not its namespace: no selected listener of ${parentName} takes HTTPRoutes (${list(describeKinds)})`,
        "notAllowedKinds",
      ];
    case "namespaces":
      return [
        `the route's namespace ${nsOf(route)} is not allowed by the selected listeners of ${parentName} (${list(describeAllowedNamespaces)})`,
        "notAllowedNamespaces",
      ];
    case "hostnames":
      return [
        `no hostname of the route (${(route.spec.hostnames ?? []).join(", ")}) intersects a listener hostname of ${parentName} (${list((l) => l.hostname ?? "any")})`,
        "noMatchingHostname",
      ];
  }
}

type ParentResolution =
  | { readonly kind: "skip"; readonly why: string; readonly rule: RuleKey; readonly reconciled: boolean }
  | { readonly kind: "ok"; readonly listeners: readonly ListenerModel[]; readonly owner: string; readonly label: string };

export function resolveParent(parent: RouteParentPrediction["parent"], gateways: ReadonlyMap<string, GatewayModel>, inputs: Inputs): ParentResolution {
  const label = `${parent.kind} ${parent.namespace}/${parent.name}`;
  if (parent.group !== GATEWAY_GROUP || (parent.kind !== "Gateway" && parent.kind !== "ListenerSet")) {
    return {
      kind: "skip",
      why: `${parent.group || "core"}/${parent.kind} ${parent.namespace}/${parent.name} is not a Gateway or ListenerSet`,
      rule: "parentUnsupported",
      reconciled: false,
    };
  }
  if (parent.kind === "Gateway") {
    const gw = gateways.get(`${parent.namespace}/${parent.name}`);
    if (!gw) return { kind: "skip", why: `${label} does not exist: no controller writes status for this parentRef`, rule: "parentMissing", reconciled: false };
    if (!gw.reconciled) return { kind: "skip", why: gw.conditions[0]?.message ?? "", rule: "classMissing", reconciled: false };
    return { kind: "ok", listeners: gw.listeners.filter((l) => l.source.kind === "Gateway"), owner: parent.namespace, label };
  }
  const ls = inputs.listenerSet(parent.namespace, parent.name);
  if (!ls) return { kind: "skip", why: `${label} does not exist: no controller writes status for this parentRef`, rule: "parentMissing", reconciled: false };
  const model = [...gateways.values()].flatMap((g) => g.listenerSets).find((s) => s.ref.namespace === parent.namespace && s.ref.name === parent.name);
  const gw = model?.parent && gateways.get(`${model.parent.namespace}/${model.parent.name}`);
  if (!model || !gw?.reconciled)
    return { kind: "skip", why: `the parent Gateway of ${label} is not reconciled by any controller`, rule: "listenerSetParent", reconciled: false };
  return { kind: "ok", listeners: model.attached ? model.listeners : [], owner: parent.namespace, label };
}

export function predictRoute(route: HTTPRoute, gateways: ReadonlyMap<string, GatewayModel>, inputs: Inputs): RouteModel {
  const ns = nsOf(route);
  const name = fullName(route);
  const rules = route.spec.rules ?? [];
  const invalidRules = new Map<number, { reason: string; message: string }>();
  rules.forEach((r, i) => {
    const p = ruleProblem(r);
    if (p) invalidRules.set(i, p);
  });
  const backends = routeBackends(route, inputs);
  const resolvedRefs = resolvedRefsOf(route, backends, inputs);
  const allInvalid = rules.length > 0 && invalidRules.size === rules.length;
  const parents = (route.spec.parentRefs ?? []).map((ref): ParentModel => {
    const parent = {
      group: ref.group ?? GATEWAY_GROUP,
      kind: ref.kind ?? "Gateway",
      namespace: ref.namespace ?? ns,
      name: ref.name,
      ...(ref.sectionName !== undefined && { sectionName: ref.sectionName }),
      ...(ref.port !== undefined && { port: ref.port }),
    };
    const res = resolveParent(parent, gateways, inputs);
    if (res.kind === "skip") {
      const conditions = res.rule === "parentUnsupported" ? [] : [condition("Accepted", "Unknown", "Pending", res.why, res.rule)];
      return { prediction: { parentRef: ref, parent, reconciled: res.reconciled, conditions, listeners: [] }, attachments: [] };
    }
    const verdict = attach<AnyListener>({
      kind: { group: GATEWAY_GROUP, kind: "HTTPRoute" },
      namespace: ns,
      hostnames: route.spec.hostnames ?? [],
      ref,
      listeners: res.listeners.map((l) => l.listener),
      ownerNamespace: res.owner,
      labels: inputs.namespaceLabels,
      usable: (l) => res.listeners.find((m) => m.listener === l)?.usable ?? false,
    });
    const conditions: PredictedCondition[] = [];
    let attachments: Attachment[] = [];
    if (!verdict.ok) {
      const [message, rule] = explain(verdict, ref, route, res.label);
      conditions.push(condition("Accepted", "False", verdict.reason, message, rule));
    } else if (allInvalid) {
      const first = invalidRules.get(0);
      conditions.push(
        condition(
          "Accepted",
          "False",
          first?.reason === "IncompatibleFilters" ? "IncompatibleFilters" : "UnsupportedValue",
          `every rule of HTTPRoute ${name} is invalid: ${[...invalidRules].map(([i, p]) => `rule ${i}: ${p.message}`).join("; ")}`,
          first?.reason === "IncompatibleFilters" ? "incompatibleFilters" : "invalidRules",
        ),
      );
    } else {
      const hostnames = route.spec.hostnames ?? [];
      attachments = verdict.listeners.flatMap((l) => {
        const m = res.listeners.find((x) => x.listener === l);
        return m ? [{ listener: m, hostnames: effectiveHostnames(hostnames, l.hostname) }] : [];
      });
      conditions.push(
        condition(
          "Accepted",
          "True",
          "Accepted",
          `HTTPRoute ${name} is attached to ${res.label} through listeners ${verdict.listeners.map((l) => l.name).join(", ")}`,
          "accepted",
        ),
      );
    }
    conditions.push(resolvedRefs);
    if (!allInvalid && invalidRules.size > 0 && verdict.ok) {
      conditions.push(
        condition(
          "PartiallyInvalid",
          "True",
          "UnsupportedValue",
          `Dropped Rule(s): ${[...invalidRules].map(([i, p]) => `rule ${i} (${p.message})`).join("; ")}`,
          "invalidRules",
        ),
      );
    }
    const listeners = attachments.map((a) => ({
      gateway: a.listener.gateway,
      source: a.listener.source,
      listener: a.listener.listener.name,
      hostnames: a.hostnames,
    }));
    return { prediction: { parentRef: ref, parent, reconciled: true, conditions, listeners }, attachments };
  });
  const warnings = [...ruleWarnings(route), ...backends.flatMap((b) => b.warnings)];
  return { route, parents, backends, invalidRules, warnings };
}
