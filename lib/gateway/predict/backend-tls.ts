// BackendTLSPolicy (Gateway API v1, BackendTLSPolicySpec docs): its status for each Gateway
// whose routes use the Service it targets (status.ancestors), and whether connections to that
// Service through it can succeed. The rules: targetRefs precedence (oldest, then
// {namespace}/{name}; the others Conflicted), caCertificateRefs (InvalidKind,
// InvalidCACertificateRef; all invalid → Accepted False NoValidCACertificate), a sectionName
// that names no Service port → TargetNotFound. Connections using an invalid caCertificateRef
// MUST fail with a 5xx.
import { condition } from "./conditions";
import { fullName, nameOf, nsOf, olderFirst, type Inputs } from "./inputs";
import type { ObjectRef, PredictedCondition } from "./types";

/** The fields of a BackendTLSPolicy the rules read (the CRD is not among the generated types). */
export interface BackendTLSPolicy {
  readonly apiVersion: string;
  readonly kind: "BackendTLSPolicy";
  readonly metadata: { readonly name?: string; readonly namespace?: string; readonly creationTimestamp?: string };
  readonly spec: {
    readonly targetRefs: readonly { readonly group: string; readonly kind: string; readonly name: string; readonly sectionName?: string }[];
    readonly validation: {
      readonly caCertificateRefs?: readonly { readonly group: string; readonly kind: string; readonly name: string }[];
      readonly wellKnownCACertificates?: string;
      readonly hostname: string;
    };
  };
}

export interface BackendTLSModel {
  readonly policy: BackendTLSPolicy;
  readonly ref: ObjectRef;
  /** Accepted and ResolvedRefs, the same for every ancestor. */
  readonly conditions: readonly PredictedCondition[];
  /** The Service ports it governs: "namespace/service" or "namespace/service#port name" (targets it won). */
  readonly targets: readonly string[];
  /** Every existing target it names, won or not: its status goes to the Gateways using them. */
  readonly targeted: readonly string[];
  /** Why connections through it fail (an invalid caCertificateRef), when they do. */
  readonly broken?: string;
}

const targetKey = (ns: string, t: { readonly name: string; readonly sectionName?: string }) => `${ns}/${t.name}${t.sectionName ? `#${t.sectionName}` : ""}`;

function byPrecedence(a: BackendTLSPolicy, b: BackendTLSPolicy): number {
  return olderFirst(a, b) || (fullName(a) < fullName(b) ? -1 : fullName(a) > fullName(b) ? 1 : 0);
}

/** ResolvedRefs of the caCertificateRefs, and whether none of them is valid. */
function caRefs(p: BackendTLSPolicy, inputs: Inputs): { resolved: PredictedCondition; noneValid: boolean } {
  const ns = nsOf(p);
  const refs = p.spec.validation.caCertificateRefs ?? [];
  const bad = refs.map((r): [string, string] | undefined => {
    if (r.group !== "" || r.kind !== "ConfigMap") return ["InvalidKind", `caCertificateRef ${r.group || "core"}/${r.kind} ${r.name} is not a ConfigMap`];
    const s = inputs.caConfigMap(ns, r.name);
    if (s.state === "missing") return ["InvalidCACertificateRef", `ConfigMap ${ns}/${r.name} does not exist`];
    if (s.state === "invalid") return ["InvalidCACertificateRef", `ConfigMap ${ns}/${r.name} is not usable: ${s.why}`];
    return s.state === "unknown" ? ["Pending", `cannot tell whether ConfigMap ${ns}/${r.name} exists: the ConfigMaps that exist were not given`] : undefined;
  });
  const first = bad.find((b) => b !== undefined && b[0] !== "Pending") ?? bad.find((b) => b !== undefined);
  const resolved = !first
    ? condition("ResolvedRefs", "True", "ResolvedRefs", `every caCertificateRef of BackendTLSPolicy ${fullName(p)} resolves`, "backendTLSRefs")
    : first[0] === "Pending"
      ? condition("ResolvedRefs", "Unknown", "Pending", first[1], "certificatesUnknown")
      : condition("ResolvedRefs", "False", first[0], first[1], "backendTLSRefs");
  return { resolved, noneValid: refs.length > 0 && bad.every((b) => b !== undefined && b[0] !== "Pending") };
}

export function predictBackendTLS(inputs: Inputs): BackendTLSModel[] {
  const policies = [...inputs.backendTLSPolicies].sort(byPrecedence);
  const taken = new Map<string, BackendTLSPolicy>();
  return policies.map((p): BackendTLSModel => {
    const ns = nsOf(p);
    const ref = { namespace: ns, name: nameOf(p) };
    const { resolved, noneValid } = caRefs(p, inputs);
    const services = p.spec.targetRefs.filter((t) => t.group === "" && t.kind === "Service");
    const found = services.filter((t) => {
      const svc = inputs.service(ns, t.name);
      return svc !== undefined && (t.sectionName === undefined || (svc.ports ?? []).some((port) => port.name === t.sectionName));
    });
    const mine = found.filter((t) => !taken.has(targetKey(ns, t)));
    const winner = found.map((t) => taken.get(targetKey(ns, t))).find((x) => x !== undefined);
    for (const t of mine) taken.set(targetKey(ns, t), p);
    const name = fullName(p);
    const accepted =
      found.length === 0
        ? condition(
            "Accepted",
            "False",
            "TargetNotFound",
            `no targetRef of BackendTLSPolicy ${name} names an existing Service (and port, for a sectionName)`,
            "backendTLSTargets",
          )
        : mine.length === 0
          ? condition(
              "Accepted",
              "False",
              "Conflicted",
              `BackendTLSPolicy ${winner ? fullName(winner) : "?"} targets the same Service port and takes precedence (older, or first by namespace/name)`,
              "backendTLSTargets",
            )
          : noneValid
            ? condition("Accepted", "False", "NoValidCACertificate", `no caCertificateRef of BackendTLSPolicy ${name} is valid`, "backendTLSRefs")
            : condition(
                "Accepted",
                "True",
                "Accepted",
                `BackendTLSPolicy ${name} applies to ${mine.map((t) => targetKey(ns, t)).join(", ")}`,
                "backendTLSTargets",
              );
    const broken = resolved.status === "False" ? resolved.message : undefined;
    return {
      policy: p,
      ref,
      conditions: [accepted, resolved],
      targets: mine.map((t) => targetKey(ns, t)),
      targeted: found.map((t) => targetKey(ns, t)),
      ...(broken !== undefined && { broken }),
    };
  });
}

/** The policy that governs connections to a Service port: one naming the port wins over one for the whole Service. */
export function policyFor(models: readonly BackendTLSModel[], ns: string, service: string, portName: string | undefined): BackendTLSModel | undefined {
  const exact = portName === undefined ? undefined : models.find((m) => m.targets.includes(`${ns}/${service}#${portName}`));
  return exact ?? models.find((m) => m.targets.includes(`${ns}/${service}`));
}
