// status.ancestors of each BackendTLSPolicy: the Gateways whose accepted routes (of any kind)
// send to a Service it targets; the policy's conditions are written for each of them.
import type { BackendTLSModel } from "./backend-tls";
import type { OtherRoute } from "./inputs";
import type { ListenerModel } from "./listeners";
import type { StatusModel } from "./predict";
import type { RouteModel } from "./route";
import type { BackendTLSPolicyPrediction, ObjectRef } from "./types";

/** "namespace/name" of the Gateways whose accepted routes send to each Service ("namespace/name"). */
function serviceGateways(routes: readonly RouteModel[], otherAttached: ReadonlyMap<ListenerModel, readonly OtherRoute[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (svc: string, gw: ObjectRef) => (out.get(svc) ?? out.set(svc, new Set()).get(svc))?.add(`${gw.namespace}/${gw.name}`);
  for (const r of routes) {
    const gws = r.parents.flatMap((p) => p.attachments.map((a) => a.listener.gateway));
    for (const b of r.backends) if (b.group === "" && b.kind === "Service") for (const g of gws) add(`${b.namespace}/${b.name}`, g);
  }
  for (const [l, rs] of otherAttached) {
    for (const r of rs)
      for (const b of r.rules.flat())
        if ((b.group ?? "") === "" && (b.kind ?? "Service") === "Service") add(`${b.namespace ?? r.namespace}/${b.name}`, l.gateway);
  }
  return out;
}

/** A policy's ancestors: the Gateways using the Services it governs. */
function ancestorsOf(m: BackendTLSModel, byService: ReadonlyMap<string, ReadonlySet<string>>): ObjectRef[] {
  const keys = new Set(m.targeted.flatMap((t) => [...(byService.get(t.split("#")[0] ?? "") ?? [])]));
  return [...keys].sort().map((k) => ({ namespace: k.slice(0, k.indexOf("/")), name: k.slice(k.indexOf("/") + 1) }));
}

export function backendTLSPredictions(model: StatusModel): BackendTLSPolicyPrediction[] {
  const byService = serviceGateways(model.routes, model.otherAttached);
  return model.backendTLS.map((m) => ({ ...m.ref, conditions: m.conditions, ancestors: ancestorsOf(m, byService) }));
}
