// The status of each listener of a Gateway (its own, then those of its attached ListenerSets):
// Accepted, ResolvedRefs, Conflicted and Programmed, and the route kinds it supports.
import { CORE_PROTOCOLS, GATEWAY_GROUP, listenerKinds, type AnyListener, type RouteGroupKind } from "../listeners";
import { referenceAllowed } from "../reference-grants";
import type { Gateway } from "../types.generated";
import { condition, warning } from "./conditions";
import { nameOf, nsOf, type Inputs, type RefState } from "./inputs";
import type { ListenerSource, ObjectRef, PredictedCondition, PredictionWarning } from "./types";

export interface ListenerModel {
  readonly gateway: ObjectRef;
  readonly source: ListenerSource;
  readonly listener: AnyListener;
  readonly supportedKinds: readonly RouteGroupKind[];
  readonly accepted: PredictedCondition;
  readonly resolvedRefs: PredictedCondition;
  readonly conflicted: PredictedCondition;
  readonly programmed: PredictedCondition;
  readonly warnings: readonly PredictionWarning[];
  /** Whether routes can attach (Accepted True). */
  readonly usable: boolean;
}

type Verdict = {
  readonly status: "False" | "Unknown";
  readonly reason: string;
  readonly message: string;
  readonly rule: Parameters<typeof condition>[4];
  readonly certainty?: "required" | "implementation-specific";
};

const refText = (kind: string, ns: string, name: string) => `${kind} ${ns}/${name}`;

function refVerdict(state: RefState, what: string, invalidReason: string, rule: Verdict["rule"]): Verdict | undefined {
  if (state.state === "ok") return undefined;
  if (state.state === "unknown")
    return {
      status: "Unknown",
      reason: "Pending",
      message: `cannot tell whether ${what} exists: the Secrets/ConfigMaps that exist were not given`,
      rule: "certificatesUnknown",
    };
  const message = state.state === "missing" ? `${what} does not exist` : `${what} is not usable: ${state.why}`;
  return { status: "False", reason: invalidReason, message, rule };
}

/** certificateRefs of an HTTPS listener or a TLS listener that terminates. */
function certificateVerdict(l: AnyListener, source: ListenerSource, inputs: Inputs): Verdict | undefined {
  const terminates = l.protocol === "HTTPS" || (l.protocol === "TLS" && (l.tls?.mode ?? "Terminate") === "Terminate");
  if (!terminates) return undefined;
  const refs = l.tls?.certificateRefs ?? [];
  if (refs.length === 0)
    return {
      status: "False",
      reason: "InvalidCertificateRef",
      message: `listener ${l.name} terminates TLS but names no certificateRefs`,
      rule: "certificateRefs",
    };
  let unknown: Verdict | undefined;
  for (const ref of refs) {
    const group = ref.group ?? "";
    const kind = ref.kind ?? "Secret";
    const ns = ref.namespace ?? source.namespace;
    if (group !== "" || kind !== "Secret") {
      return {
        status: "False",
        reason: "InvalidCertificateRef",
        message: `certificateRef ${group || "core"}/${kind} ${ref.name} is not a Secret`,
        rule: "certificateRefs",
      };
    }
    if (
      ns !== source.namespace &&
      !referenceAllowed(
        inputs.grants,
        { group: GATEWAY_GROUP, kind: source.kind, namespace: source.namespace },
        { group: "", kind: "Secret", namespace: ns, name: ref.name },
      )
    ) {
      return {
        status: "False",
        reason: "RefNotPermitted",
        message: `no ReferenceGrant in ${ns} lets ${source.kind}s in ${source.namespace} use Secret ${ref.name}`,
        rule: "certificateGrant",
      };
    }
    const v = refVerdict(inputs.certificateSecret(ns, ref.name), refText("Secret", ns, ref.name), "InvalidCertificateRef", "certificateRefs");
    if (v?.status === "False") return v;
    unknown ??= v;
  }
  return unknown;
}

type Validation = NonNullable<NonNullable<NonNullable<Gateway["spec"]["tls"]>["frontend"]>["default"]["validation"]>;

/** The frontend client-certificate validation that applies to a listener (per port, else the default). */
export function frontendValidation(gateway: Gateway, l: AnyListener): Validation | undefined {
  if (l.protocol !== "HTTPS") return undefined;
  const frontend = gateway.spec.tls?.frontend;
  const perPort = frontend?.perPort?.find((p) => p.port === l.port);
  return perPort ? perPort.tls.validation : frontend?.default.validation;
}

/** caCertificateRefs of the validation applying to an HTTPS listener: [ResolvedRefs verdict, whether none is valid]. */
function caVerdict(gateway: Gateway, l: AnyListener, inputs: Inputs): [Verdict | undefined, boolean] {
  const validation = frontendValidation(gateway, l);
  if (!validation) return [undefined, false];
  const gwNs = nsOf(gateway);
  const verdicts = validation.caCertificateRefs.map((ref): Verdict | undefined => {
    const ns = ref.namespace ?? gwNs;
    if (ref.group !== "" || ref.kind !== "ConfigMap") {
      return {
        status: "False",
        reason: "InvalidCACertificateKind",
        message: `caCertificateRef ${ref.group || "core"}/${ref.kind} ${ref.name} is not a ConfigMap`,
        rule: "caCertificateRefs",
        certainty: ref.kind === "Secret" ? "implementation-specific" : "required",
      };
    }
    if (
      ns !== gwNs &&
      !referenceAllowed(
        inputs.grants,
        { group: GATEWAY_GROUP, kind: "Gateway", namespace: gwNs },
        { group: "", kind: "ConfigMap", namespace: ns, name: ref.name },
      )
    ) {
      return {
        status: "False",
        reason: "RefNotPermitted",
        message: `no ReferenceGrant in ${ns} lets Gateways in ${gwNs} use ConfigMap ${ref.name}`,
        rule: "caCertificateRefs",
      };
    }
    return refVerdict(inputs.caConfigMap(ns, ref.name), refText("ConfigMap", ns, ref.name), "InvalidCACertificateRef", "caCertificateRefs");
  });
  const first = verdicts.find((v) => v?.status === "False") ?? verdicts.find((v) => v !== undefined);
  return [first, verdicts.length > 0 && verdicts.every((v) => v?.status === "False")];
}

interface Conflict {
  readonly reason: string;
  readonly with: Candidate;
  readonly certainty: "required" | "implementation-specific";
}

interface Candidate {
  readonly gateway: Gateway;
  readonly source: ListenerSource;
  readonly listener: AnyListener;
  /** 0 for the Gateway's own listeners, then 1, 2 … per ListenerSet in precedence order. */
  readonly rank: number;
}

const HOSTNAME_PROTOCOLS = new Set(["HTTP", "HTTPS", "TLS"]);

/** Why two listeners on one port cannot both be served, or undefined when they are distinct. */
function conflictBetween(a: AnyListener, b: AnyListener): { reason: string; certainty: "required" | "implementation-specific" } | undefined {
  if (a.port !== b.port) return undefined;
  if (a.protocol === b.protocol) {
    if (!HOSTNAME_PROTOCOLS.has(a.protocol)) return { reason: "ProtocolConflict", certainty: "required" };
    return (a.hostname ?? "") === (b.hostname ?? "") ? { reason: "HostnameConflict", certainty: "required" } : undefined;
  }
  const p = new Set([a.protocol, b.protocol]);
  if (p.has("UDP")) return undefined;
  if (p.has("TCP")) return { reason: "ProtocolConflict", certainty: "required" };
  // HTTPS and TLS share a port by SNI; plain HTTP cannot share a port with either.
  if (p.has("HTTP")) return { reason: "ProtocolConflict", certainty: "implementation-specific" };
  return (a.hostname ?? "") === (b.hostname ?? "") ? { reason: "HostnameConflict", certainty: "required" } : undefined;
}

/**
 * Conflicts across the merged listener list: among the Gateway's own listeners every indistinct
 * one is conflicted (no winner is picked); a ListenerSet's listener loses to any listener of
 * higher precedence it conflicts with, and to siblings it conflicts with.
 */
function conflicts(cands: readonly Candidate[], valid: (c: Candidate) => boolean): Map<Candidate, Conflict> {
  const out = new Map<Candidate, Conflict>();
  const ranks = [...new Set(cands.map((c) => c.rank))].sort((a, b) => a - b);
  for (const rank of ranks) {
    const own = cands.filter((c) => c.rank === rank && valid(c));
    // First against listeners of higher precedence (a ListenerSet's loser does not win again) …
    for (const c of own) {
      for (const o of cands) {
        if (o.rank >= rank || !valid(o) || (o.rank > 0 && out.has(o))) continue;
        const why = conflictBetween(c.listener, o.listener);
        if (why) {
          out.set(c, { ...why, with: o });
          break;
        }
      }
    }
    // … then among the survivors of the same object, where no winner is picked.
    const survivors = own.filter((c) => !out.has(c));
    for (const c of survivors) {
      const o = survivors.find((x) => x !== c && conflictBetween(c.listener, x.listener));
      const why = o && conflictBetween(c.listener, o.listener);
      if (o && why) out.set(c, { ...why, with: o });
    }
  }
  return out;
}

const tlsMode = (l: AnyListener) => (l.protocol === "TLS" ? (l.tls?.mode ?? "Terminate") : undefined);

/** Another TLS listener on the port with the other mode. */
const mixedOnPort = (c: Candidate, cands: readonly Candidate[]) =>
  cands.some((o) => o !== c && o.listener.port === c.listener.port && tlsMode(o.listener) !== undefined && tlsMode(o.listener) !== tlsMode(c.listener));

/**
 * A TLS mode the implementation does not support; only when its features are known, since
 * Terminate and mixing modes on one port are Extended (otherwise a warning says so).
 */
function unsupportedTlsMode(
  c: Candidate,
  cands: readonly Candidate[],
  features: ReadonlySet<string> | undefined,
): { reason: "UnsupportedValue" | "ProtocolConflict"; message: string } | undefined {
  const mode = tlsMode(c.listener);
  if (!mode || !features) return undefined;
  if (mode === "Terminate" && !features.has("TLSRouteModeTerminate"))
    return {
      reason: "UnsupportedValue",
      message: "TLS mode Terminate needs the Extended feature TLSRouteModeTerminate, which the implementation does not support",
    };
  if (mixedOnPort(c, cands) && !features.has("TLSRouteModeMixed"))
    return {
      reason: "ProtocolConflict",
      message: `Terminate and Passthrough TLS listeners share port ${c.listener.port}, which needs the Extended feature TLSRouteModeMixed`,
    };
  return undefined;
}

export interface ListenerOwner {
  readonly source: ListenerSource;
  readonly listeners: readonly AnyListener[];
}

/** Every listener's status, for the Gateway's own listeners and the ListenerSets attached to it (in precedence order). */
export function predictListeners(gateway: Gateway, owners: readonly ListenerOwner[], inputs: Inputs): ListenerModel[] {
  const gwRef = { namespace: nsOf(gateway), name: nameOf(gateway) };
  const cands: Candidate[] = owners.flatMap((o, rank) => o.listeners.map((listener) => ({ gateway, source: o.source, listener, rank })));
  const protocolOk = (c: Candidate) => CORE_PROTOCOLS.includes(c.listener.protocol);
  const caOf = new Map(cands.map((c) => [c, caVerdict(gateway, c.listener, inputs)] as const));
  const conflictOf = conflicts(cands, (c) => protocolOk(c) && !(caOf.get(c)?.[1] ?? false));
  return cands.map((c): ListenerModel => {
    const l = c.listener;
    const warnings: PredictionWarning[] = [];
    const kinds = listenerKinds(l);
    const [ca, noValidCa] = caOf.get(c) ?? [undefined, false];
    const tlsUnsupported = unsupportedTlsMode(c, cands, inputs.features);
    const conflict = conflictOf.get(c);
    const where = c.source.kind === "Gateway" ? "" : ` of ListenerSet ${c.source.namespace}/${c.source.name}`;
    const ruleOfConflict = c.rank > 0 ? "listenerSetPrecedence" : "conflicts";
    const accepted = !protocolOk(c)
      ? condition(
          "Accepted",
          "False",
          "UnsupportedProtocol",
          `listener ${l.name}${where}: protocol ${l.protocol} is not supported`,
          "unsupportedProtocol",
          l.protocol.includes("/") ? "implementation-specific" : "required",
        )
      : noValidCa
        ? condition(
            "Accepted",
            "False",
            "NoValidCACertificate",
            `listener ${l.name}${where}: no caCertificateRef of its client-certificate validation is valid`,
            "caCertificateRefs",
          )
        : conflict
          ? condition(
              "Accepted",
              "False",
              conflict.reason,
              `listener ${l.name}${where} conflicts with listener ${conflict.with.listener.name}${conflict.with.source.kind === "Gateway" ? "" : ` of ListenerSet ${conflict.with.source.namespace}/${conflict.with.source.name}`} on port ${l.port}`,
              ruleOfConflict,
              conflict.certainty,
            )
          : tlsUnsupported
            ? condition("Accepted", "False", tlsUnsupported.reason, `listener ${l.name}${where}: ${tlsUnsupported.message}`, "tlsModes")
            : condition("Accepted", "True", "Accepted", `listener ${l.name}${where} is valid`, "conflicts");
    const refs: Verdict | undefined =
      kinds.invalid.length > 0
        ? {
            status: "False",
            reason: "InvalidRouteKinds",
            message: `listener ${l.name}${where}: route kinds ${kinds.invalid.map((k) => `${k.group}/${k.kind}`).join(", ")} are unknown or do not fit protocol ${l.protocol}`,
            rule: "routeKinds",
          }
        : (certificateVerdict(l, c.source, inputs) ?? ca);
    const resolvedRefs = refs
      ? condition("ResolvedRefs", refs.status, refs.reason, refs.message, refs.rule, refs.certainty)
      : condition("ResolvedRefs", "True", "ResolvedRefs", `every reference of listener ${l.name}${where} resolves`, "certificateRefs");
    // Modes that cannot share the port conflict like protocols do (ProtocolConflict).
    const mixedConflict = !conflict && tlsUnsupported?.reason === "ProtocolConflict";
    const conflicted = conflict
      ? condition("Conflicted", "True", conflict.reason, accepted.message, ruleOfConflict, conflict.certainty)
      : mixedConflict
        ? condition("Conflicted", "True", "ProtocolConflict", accepted.message, "tlsModes")
        : condition("Conflicted", "False", "NoConflicts", `listener ${l.name}${where} is distinct`, "conflicts");
    const programmed =
      accepted.status !== "True"
        ? condition(
            "Programmed",
            "False",
            conflict ? conflict.reason : mixedConflict ? "ProtocolConflict" : "Invalid",
            `listener ${l.name}${where} is not accepted (${accepted.reason})`,
            "listenerProgrammed",
            accepted.certainty,
          )
        : resolvedRefs.status === "False" && resolvedRefs.reason !== "InvalidRouteKinds"
          ? condition("Programmed", "False", "Invalid", `listener ${l.name}${where} has unresolved references (${resolvedRefs.reason})`, "listenerProgrammed")
          : resolvedRefs.status === "Unknown"
            ? condition("Programmed", "Unknown", "Pending", resolvedRefs.message, "certificatesUnknown")
            : condition("Programmed", "True", "Programmed", `listener ${l.name}${where} can be programmed`, "listenerProgrammed");
    if (conflict?.certainty === "implementation-specific") {
      warnings.push(
        warning(
          "ListenerProtocolsShare",
          `HTTP and ${conflict.with.listener.protocol === "HTTP" ? l.protocol : conflict.with.listener.protocol} on one port: most implementations cannot serve both and mark them conflicted`,
          "conflicts",
        ),
      );
    }
    // Without the implementation's features, what needs an Extended one is a warning.
    const mode = inputs.features ? undefined : tlsMode(l);
    if (mode === "Terminate")
      warnings.push(
        warning(
          "TLSTerminate",
          `listener ${l.name}: TLS listeners that terminate are Extended support (TLSRoute mode Terminate); an implementation without it sets Accepted False, UnsupportedValue`,
          "tlsModes",
        ),
      );
    if (mode && mixedOnPort(c, cands)) {
      warnings.push(
        warning(
          "TLSMixedModes",
          `listener ${l.name}: Terminate and Passthrough TLS listeners share port ${l.port}; an implementation that cannot mix them sets Accepted False, ProtocolConflict on both`,
          "tlsModes",
        ),
      );
    }
    if (l.protocol.includes("/")) {
      warnings.push(warning("ImplementationProtocol", `protocol ${l.protocol} is implementation-specific`, "unsupportedProtocol"));
    }
    const tlsSpecific = warnings.some((w) => w.code === "TLSTerminate" || w.code === "TLSMixedModes");
    return {
      gateway: gwRef,
      source: c.source,
      listener: l,
      supportedKinds: protocolOk(c) ? kinds.supported : [],
      accepted: tlsSpecific && accepted.status === "True" ? { ...accepted, certainty: "implementation-specific" } : accepted,
      resolvedRefs,
      conflicted,
      programmed,
      warnings,
      usable: accepted.status === "True",
    };
  });
}
