// The status of a Gateway (Accepted, Programmed, ResolvedRefs) and of the ListenerSets that name
// it as their parent, from the spec and the objects they reference.
import { GATEWAY_GROUP, labelsOfNamespace, selectorMatches } from "../listeners";
import { referenceAllowed } from "../reference-grants";
import type { Gateway, ListenerSet } from "../types.generated";
import { condition, conditionOf, warning } from "./conditions";
import { fullName, nameOf, nsOf, olderFirst, type Inputs } from "./inputs";
import { predictListeners, type ListenerModel } from "./listeners";
import type { ObjectRef, PredictedCondition, PredictionWarning } from "./types";

/** The conformance suite's stand-in for the class under test: taken as an existing, accepted class. */
export const SUITE_CLASS_PLACEHOLDER = "{GATEWAY_CLASS_NAME}";

export interface ListenerSetModel {
  readonly listenerSet: ListenerSet;
  readonly ref: ObjectRef;
  readonly parent?: ObjectRef;
  readonly conditions: readonly PredictedCondition[];
  readonly listeners: readonly ListenerModel[];
  /** Accepted: its listeners are part of the Gateway. */
  readonly attached: boolean;
}

export interface GatewayModel {
  readonly gateway: Gateway;
  readonly ref: ObjectRef;
  readonly reconciled: boolean;
  readonly conditions: readonly PredictedCondition[];
  /** Own listeners first, then those of attached ListenerSets in precedence order. */
  readonly listeners: readonly ListenerModel[];
  readonly listenerSets: readonly ListenerSetModel[];
  readonly warnings: readonly PredictionWarning[];
}

/** The Gateway a ListenerSet names as its parent, with defaults filled in. */
export function listenerSetParent(ls: ListenerSet): ObjectRef | undefined {
  const p = ls.spec.parentRef;
  if ((p.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (p.kind ?? "Gateway") !== "Gateway") return undefined;
  return { namespace: p.namespace ?? nsOf(ls), name: p.name };
}

function listenerSetAllowed(gateway: Gateway, ls: ListenerSet, inputs: Inputs): boolean {
  const ns = gateway.spec.allowedListeners?.namespaces;
  const from = ns?.from ?? "None";
  if (from === "All") return true;
  if (from === "Same") return nsOf(ls) === nsOf(gateway);
  if (from === "Selector") return selectorMatches(ns?.selector, labelsOfNamespace(inputs.namespaceLabels, nsOf(ls)));
  return false;
}

const pending = (what: string, rule: "classMissing" | "classRejected"): PredictedCondition[] => [
  condition("Accepted", "Unknown", "Pending", what, rule, rule === "classRejected" ? "implementation-specific" : "required"),
  condition("Programmed", "Unknown", "Pending", what, rule, rule === "classRejected" ? "implementation-specific" : "required"),
];

function whyNotReconciled(gateway: Gateway, inputs: Inputs): [string, "classMissing" | "classRejected"] | undefined {
  const className = gateway.spec.gatewayClassName;
  if (className === SUITE_CLASS_PLACEHOLDER || inputs.assumedClass(className)) return undefined;
  const cls = inputs.gatewayClass(className);
  if (!cls) return [`GatewayClass ${className} does not exist: no controller reconciles Gateway ${fullName(gateway)}`, "classMissing"];
  const accepted = cls.status?.conditions?.find((c) => c.type === "Accepted");
  if (accepted?.status === "False")
    return [
      `GatewayClass ${className} is not accepted by its controller (${accepted.reason}): it does not program Gateway ${fullName(gateway)}`,
      "classRejected",
    ];
  return undefined;
}

function acceptedCondition(gateway: Gateway, own: readonly ListenerModel[], inputs: Inputs): PredictedCondition {
  const name = fullName(gateway);
  const params = gateway.spec.infrastructure?.parametersRef;
  if (params && !inputs.has(params.group, params.kind, nsOf(gateway), params.name)) {
    return condition(
      "Accepted",
      "False",
      "InvalidParameters",
      `infrastructure.parametersRef ${params.group}/${params.kind} ${params.name} is not among the objects read`,
      "invalidParameters",
    );
  }
  const odd = (gateway.spec.addresses ?? []).find((a) => a.type !== undefined && a.type !== "IPAddress" && a.type !== "Hostname");
  if (odd)
    return condition(
      "Accepted",
      "False",
      "UnsupportedAddress",
      `address type ${odd.type ?? ""} is not a standard address type`,
      "unsupportedAddress",
      "implementation-specific",
    );
  const ok = own.filter((l) => l.usable);
  if (ok.length === 0) return condition("Accepted", "False", "ListenersNotValid", `no listener of Gateway ${name} is accepted`, "gatewayListeners");
  if (ok.length < own.length) {
    const bad = own.filter((l) => !l.usable).map((l) => `${l.listener.name} (${l.accepted.reason})`);
    return condition("Accepted", "True", "ListenersNotValid", `Gateway ${name} is accepted without listeners ${bad.join(", ")}`, "gatewayListeners");
  }
  return condition("Accepted", "True", "Accepted", `Gateway ${name} and all its listeners are valid`, "gatewayListeners");
}

function resolvedRefsCondition(gateway: Gateway, own: readonly ListenerModel[], inputs: Inputs): PredictedCondition {
  const ref = gateway.spec.tls?.backend?.clientCertificateRef;
  const gwNs = nsOf(gateway);
  if (ref) {
    const group = ref.group ?? "";
    const kind = ref.kind ?? "Secret";
    const ns = ref.namespace ?? gwNs;
    if (group !== "" || kind !== "Secret")
      return condition(
        "ResolvedRefs",
        "False",
        "InvalidClientCertificateRef",
        `tls.backend.clientCertificateRef ${group || "core"}/${kind} ${ref.name} is not a Secret`,
        "gatewayResolvedRefs",
      );
    if (
      ns !== gwNs &&
      !referenceAllowed(inputs.grants, { group: GATEWAY_GROUP, kind: "Gateway", namespace: gwNs }, { group: "", kind: "Secret", namespace: ns, name: ref.name })
    ) {
      return condition(
        "ResolvedRefs",
        "False",
        "RefNotPermitted",
        `no ReferenceGrant in ${ns} lets Gateways in ${gwNs} use Secret ${ref.name}`,
        "gatewayResolvedRefs",
      );
    }
    const state = inputs.certificateSecret(ns, ref.name);
    if (state.state === "missing")
      return condition("ResolvedRefs", "False", "InvalidClientCertificateRef", `Secret ${ns}/${ref.name} does not exist`, "gatewayResolvedRefs");
    if (state.state === "invalid")
      return condition("ResolvedRefs", "False", "InvalidClientCertificateRef", `Secret ${ns}/${ref.name} is not usable: ${state.why}`, "gatewayResolvedRefs");
    if (state.state === "unknown")
      return condition(
        "ResolvedRefs",
        "Unknown",
        "Pending",
        `cannot tell whether Secret ${ns}/${ref.name} exists: the Secrets that exist were not given`,
        "certificatesUnknown",
      );
  }
  const bad = own.filter((l) => l.resolvedRefs.status === "False");
  if (bad.length > 0)
    return condition(
      "ResolvedRefs",
      "False",
      "ListenersNotResolved",
      `listeners ${bad.map((l) => `${l.listener.name} (${l.resolvedRefs.reason})`).join(", ")} have unresolved references`,
      "gatewayResolvedRefs",
    );
  return condition("ResolvedRefs", "True", "ResolvedRefs", `every reference of Gateway ${fullName(gateway)} resolves`, "gatewayResolvedRefs");
}

function programmedCondition(accepted: PredictedCondition, all: readonly ListenerModel[], name: string): PredictedCondition {
  if (accepted.status !== "True")
    return condition("Programmed", "False", "Invalid", `Gateway ${name} is not accepted (${accepted.reason})`, "gatewayProgrammed", accepted.certainty);
  if (all.some((l) => l.programmed.status === "True"))
    return condition(
      "Programmed",
      "True",
      "Programmed",
      `Gateway ${name} has listeners to program (assuming the implementation can assign it an address)`,
      "gatewayProgrammed",
    );
  if (all.some((l) => l.programmed.status === "Unknown"))
    return condition(
      "Programmed",
      "Unknown",
      "Pending",
      `whether the listeners of Gateway ${name} can be programmed depends on Secrets that were not given`,
      "certificatesUnknown",
    );
  return condition("Programmed", "False", "Invalid", `no listener of Gateway ${name} can be programmed`, "gatewayProgrammed");
}

function listenerSetConditions(gwAccepted: PredictedCondition, ls: ListenerSet, listeners: readonly ListenerModel[]): PredictedCondition[] {
  const name = fullName(ls);
  if (gwAccepted.status !== "True") {
    return [
      condition("Accepted", "False", "ParentNotAccepted", `the parent Gateway of ListenerSet ${name} is not accepted`, "listenerSetParent"),
      condition("Programmed", "False", "ParentNotProgrammed", `the parent Gateway of ListenerSet ${name} is not accepted`, "listenerSetParent"),
    ];
  }
  // An invalid route kind beside valid ones only narrows what the listener takes.
  const valid = listeners.filter(
    (l) => l.usable && (l.resolvedRefs.status !== "False" || (l.resolvedRefs.reason === "InvalidRouteKinds" && l.supportedKinds.length > 0)),
  );
  if (valid.length === 0) {
    const why = listeners.map((l) => `${l.listener.name} (${l.usable ? l.resolvedRefs.reason : l.accepted.reason})`).join(", ");
    return [
      condition("Accepted", "False", "ListenersNotValid", `no listener of ListenerSet ${name} is valid: ${why}`, "listenerSetListeners"),
      condition("Programmed", "False", "ListenersNotValid", `no listener of ListenerSet ${name} is valid: ${why}`, "listenerSetListeners"),
    ];
  }
  const accepted =
    valid.length < listeners.length
      ? condition(
          "Accepted",
          "True",
          "ListenersNotValid",
          `ListenerSet ${name} is attached without listeners ${listeners
            .filter((l) => !valid.includes(l))
            .map((l) => l.listener.name)
            .join(", ")}`,
          "listenerSetListeners",
        )
      : condition("Accepted", "True", "Accepted", `ListenerSet ${name} is attached to its Gateway`, "listenerSetListeners");
  const programmed = valid.some((l) => l.programmed.status === "True")
    ? condition("Programmed", "True", "Programmed", `ListenerSet ${name} has listeners to program`, "listenerSetListeners")
    : condition(
        "Programmed",
        "Unknown",
        "Pending",
        `whether the listeners of ListenerSet ${name} can be programmed depends on Secrets that were not given`,
        "certificatesUnknown",
      );
  return [accepted, programmed];
}

export function predictGateway(gateway: Gateway, inputs: Inputs): GatewayModel {
  const ref = { namespace: nsOf(gateway), name: nameOf(gateway) };
  const children = inputs.listenerSets.filter((ls) => {
    const p = listenerSetParent(ls);
    return p?.namespace === ref.namespace && p.name === ref.name;
  });
  const not = whyNotReconciled(gateway, inputs);
  if (not) {
    const conditions = pending(not[0], not[1]);
    const listenerSets = children.map((ls) => ({
      listenerSet: ls,
      ref: { namespace: nsOf(ls), name: nameOf(ls) },
      parent: ref,
      conditions: pending(not[0], not[1]),
      listeners: [],
      attached: false,
    }));
    return { gateway, ref, reconciled: false, conditions, listeners: [], listenerSets, warnings: [] };
  }
  const allowed = children.filter((ls) => listenerSetAllowed(gateway, ls, inputs)).sort((a, b) => olderFirst(a, b) || (fullName(a) < fullName(b) ? -1 : 1));
  const owners = [
    { source: { kind: "Gateway" as const, ...ref }, listeners: gateway.spec.listeners },
    ...allowed.map((ls) => ({ source: { kind: "ListenerSet" as const, namespace: nsOf(ls), name: nameOf(ls) }, listeners: ls.spec.listeners })),
  ];
  const models = predictListeners(gateway, owners, inputs);
  const own = models.filter((m) => m.source.kind === "Gateway");
  const accepted = acceptedCondition(gateway, own, inputs);
  const listenerSets: ListenerSetModel[] = children.map((ls) => {
    const lsRef = { namespace: nsOf(ls), name: nameOf(ls) };
    if (!allowed.includes(ls)) {
      const msg = `Gateway ${fullName(gateway)} does not allow ListenerSets from namespace ${lsRef.namespace} (allowedListeners.namespaces.from: ${gateway.spec.allowedListeners?.namespaces?.from ?? "None"})`;
      return {
        listenerSet: ls,
        ref: lsRef,
        parent: ref,
        listeners: [],
        attached: false,
        conditions: [
          condition("Accepted", "False", "NotAllowed", msg, "listenerSetAllowed"),
          condition("Programmed", "False", "NotAllowed", msg, "listenerSetAllowed"),
        ],
      };
    }
    const listeners = models.filter((m) => m.source.kind === "ListenerSet" && m.source.namespace === lsRef.namespace && m.source.name === lsRef.name);
    const conditions = listenerSetConditions(accepted, ls, listeners);
    return { listenerSet: ls, ref: lsRef, parent: ref, listeners, attached: conditionOf(conditions, "Accepted")?.status === "True", conditions };
  });
  // Listeners of a ListenerSet that is not attached are not part of the Gateway.
  const listeners = models.filter(
    (m) => m.source.kind === "Gateway" || listenerSets.some((s) => s.attached && s.ref.namespace === m.source.namespace && s.ref.name === m.source.name),
  );
  const conditions = [accepted, programmedCondition(accepted, listeners, fullName(gateway)), resolvedRefsCondition(gateway, own, inputs)];
  const insecure = [gateway.spec.tls?.frontend?.default.validation, ...(gateway.spec.tls?.frontend?.perPort ?? []).map((p) => p.tls.validation)].some(
    (v) => v?.mode === "AllowInsecureFallback",
  );
  if (insecure)
    conditions.push(
      condition(
        "InsecureFrontendValidationMode",
        "True",
        "ConfigurationChanged",
        `client-certificate validation of Gateway ${fullName(gateway)} allows insecure fallback`,
        "insecureFallback",
      ),
    );
  const warnings: PredictionWarning[] = [];
  for (const a of gateway.spec.addresses ?? []) {
    if (a.value === undefined)
      warnings.push(
        warning(
          "AddressWithoutValue",
          `an address of type ${a.type ?? "IPAddress"} without a value is Extended support; an implementation without it sets Programmed False, AddressNotAssigned`,
          "addresses",
        ),
      );
    else
      warnings.push(
        warning(
          "StaticAddress",
          `whether address ${a.value} can be used is up to the implementation and the network (Programmed False, AddressNotUsable otherwise)`,
          "addresses",
        ),
      );
  }
  if (gateway.spec.gatewayClassName === SUITE_CLASS_PLACEHOLDER)
    warnings.push(warning("SuiteClass", `gatewayClassName is the conformance suite's placeholder; taken as an accepted class`, "classMissing"));
  return { gateway, ref, reconciled: true, conditions, listeners, listenerSets, warnings };
}

/** ListenerSets whose parent Gateway does not exist: no controller writes their status. */
export function orphanListenerSet(ls: ListenerSet): ListenerSetModel {
  const parent = listenerSetParent(ls);
  const msg = parent
    ? `Gateway ${parent.namespace}/${parent.name} does not exist: no controller reconciles ListenerSet ${fullName(ls)}`
    : `ListenerSet ${fullName(ls)} does not name a Gateway as its parent`;
  return {
    listenerSet: ls,
    ref: { namespace: nsOf(ls), name: nameOf(ls) },
    ...(parent && { parent }),
    conditions: [
      condition("Accepted", "Unknown", "Pending", msg, "listenerSetParent"),
      condition("Programmed", "Unknown", "Pending", msg, "listenerSetParent"),
    ],
    listeners: [],
    attached: false,
  };
}
