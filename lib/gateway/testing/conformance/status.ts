// Status cases against predictStatus, matched the way the suite's helpers match status
// (conformance/utils/kubernetes/helpers.go): findConditionInList (no status or reason means
// any), parentsForRouteMatch (group, kind, name, namespace; sectionName is not compared),
// gatewayListenersMatch (attachedRoutes, conditions, supportedKinds as a subset).
import { GATEWAY_GROUP } from "../../listeners";
import type { ListenerPrediction, PredictedCondition, RouteParentPrediction, StatusPrediction } from "../../predict";
import type { Cond, ConditionCase, CountCase, ListenerCase, NN, ParentsCase } from "./cases";
import { exact, mismatch, skip, type Outcome } from "./tally";

/** Kinds whose status predictStatus does not predict: their cases are skipped, with this reason. */
const NOT_PREDICTED: Readonly<Record<string, string>> = {
  GatewayClass: "GatewayClass status is the controller's own (predictStatus takes the class under test as accepted)",
};

const ROUTE_KINDS = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"]);

export const AFTER_CHANGE = "after the test changed objects at run time (afterChange)";
const LATEST_GENERATION = "observedGeneration of conditions is run-time state";

const show = (c: Cond) => `${c.type}=${c.status ?? "any"}${c.reason ? `/${c.reason}` : ""}`;
const showAll = (cs: readonly PredictedCondition[], type: string) =>
  cs
    .filter((c) => c.type === type)
    .map((c) => `${c.type}=${c.status}/${c.reason}`)
    .join(", ") || `no ${type}`;
const nn = (o: NN) => `${o.namespace ?? ""}/${o.name}`;

/** findConditionInList. */
function has(cs: readonly PredictedCondition[], want: Cond): boolean {
  return cs.some((c) => c.type === want.type && (!want.status || c.status === want.status) && (!want.reason || c.reason === want.reason));
}

function conds(cs: readonly PredictedCondition[], want: readonly Cond[], where: string): Outcome {
  const missing = want.find((w) => !has(cs, w));
  return missing ? mismatch(`${where} ${show(missing)}`, `${where} ${showAll(cs, missing.type)}`) : exact;
}

const same = (a: { namespace: string; name: string }, b: NN) => a.namespace === b.namespace && a.name === b.name;

/** The listeners in the object's own status: a Gateway's own (not its ListenerSets'), or a ListenerSet's. */
function listenersOf(p: StatusPrediction, objectKind: string, obj: NN): readonly ListenerPrediction[] | undefined {
  if (objectKind === "ListenerSet") return p.listenerSets.find((s) => same(s, obj))?.listeners;
  return p.gateways.find((g) => same(g, obj))?.listeners.filter((l) => l.source.kind === "Gateway");
}

/** The parent entries a controller writes for a route of a kind (a parent nobody reconciles has none). */
function written(p: StatusPrediction, kind: string, route: NN): readonly RouteParentPrediction[] | undefined {
  const r = kind === "HTTPRoute" ? p.routes.find((x) => same(x, route)) : p.otherRoutes.find((x) => x.kind === kind && same(x, route));
  return r?.parents.filter((x) => x.reconciled && x.conditions.length > 0);
}

function routeCondition(c: ConditionCase, p: StatusPrediction, want: Cond): Outcome {
  const parents = written(p, c.kind, c.object);
  if (!parents) return mismatch(`${c.kind} ${nn(c.object)}`, `no such ${c.kind} among the objects`);
  if (c.assert.endsWith("MustHaveNoAcceptedParents")) {
    // No parent status, or a single parent that is not Accepted.
    const ok = parents.length === 0 || (parents.length === 1 && has(parents[0]?.conditions ?? [], { type: "Accepted", status: "False" }));
    return ok ? exact : mismatch("no accepted parent", parents.map((x) => `${x.parent.name}: ${showAll(x.conditions, "Accepted")}`).join("; "));
  }
  const gw = c.parent;
  if (!gw) return skip("route condition without a parent");
  // HTTPRouteMustHaveCondition: parentRef.name, and parentRef.namespace unset or the Gateway's.
  const mine = parents.filter((x) => x.parentRef.name === gw.name && (x.parentRef.namespace === undefined || x.parentRef.namespace === gw.namespace));
  if (mine.some((x) => has(x.conditions, want))) return exact;
  const got = mine.map((x) => showAll(x.conditions, want.type)).join("; ") || `no status entry for parent ${nn(gw)}`;
  return mismatch(`parent ${nn(gw)} ${show(want)}`, got);
}

/** BackendTLSPolicyMustHaveCondition: the ancestor entry of the Gateway (name, and namespace unset or the Gateway's). */
function policyCondition(c: ConditionCase, p: StatusPrediction, want: Cond): Outcome {
  const policy = p.backendTLSPolicies.find((x) => same(x, c.object));
  if (!policy) return mismatch(`BackendTLSPolicy ${nn(c.object)}`, "no such BackendTLSPolicy");
  const gw = c.parent;
  if (!gw) return skip("policy condition without an ancestor");
  if (!policy.ancestors.some((a) => a.name === gw.name && a.namespace === (gw.namespace ?? a.namespace))) {
    return mismatch(
      `ancestor ${nn(gw)} ${show(want)}`,
      `no ancestor entry for it (ancestors: ${policy.ancestors.map((a) => `${a.namespace}/${a.name}`).join(", ") || "none"})`,
    );
  }
  return conds(policy.conditions, [want], `ancestor ${nn(gw)}`);
}

export function conditionCase(c: ConditionCase, p: StatusPrediction): Outcome {
  if (c.afterChange) return skip(AFTER_CHANGE);
  if (c.latestGeneration) return skip(LATEST_GENERATION);
  const why = NOT_PREDICTED[c.kind];
  if (why) return skip(why);
  const want = c.condition;
  if (!want) return skip("case without a condition");
  switch (c.kind) {
    case "Gateway": {
      const g = p.gateways.find((x) => same(x, c.object));
      return g ? conds(g.conditions, [want], "") : mismatch(`Gateway ${nn(c.object)}`, "no such Gateway");
    }
    case "ListenerSet": {
      const s = p.listenerSets.find((x) => same(x, c.object));
      return s ? conds(s.conditions, [want], "") : mismatch(`ListenerSet ${nn(c.object)}`, "no such ListenerSet");
    }
    case "Listener": {
      const ls = listenersOf(p, c.objectKind ?? "Gateway", c.object);
      if (!ls) return mismatch(`${c.objectKind ?? "Gateway"} ${nn(c.object)}`, "no such object");
      const picked = c.listener === undefined ? ls : ls.filter((l) => l.name === c.listener);
      if (picked.length === 0 && c.listener !== undefined) return mismatch(`listener ${c.listener} ${show(want)}`, "no such listener in status");
      for (const l of picked) {
        const o = conds(l.conditions, [want], `listener ${l.name}`);
        if (o.kind !== "exact") return o;
      }
      return exact;
    }
    case "BackendTLSPolicy":
      return policyCondition(c, p, want);
  }
  if (ROUTE_KINDS.has(c.kind)) return routeCondition(c, p, want);
  return skip(`${c.kind} status is not predicted`);
}

function kindsOk(l: ListenerPrediction, want: ListenerCase["supportedKinds"]): boolean {
  if (want === undefined) return true;
  if (want.length === 0) return l.supportedKinds.length === 0;
  return want.every((k) => l.supportedKinds.some((s) => s.group === (k.group || GATEWAY_GROUP) && s.kind === k.kind));
}

export function listenerCase(c: ListenerCase, p: StatusPrediction): Outcome {
  if (c.afterChange) return skip(AFTER_CHANGE);
  const obj = c.gateway ?? c.listenerSet;
  if (!obj) return skip("listener case without an object");
  const ls = listenersOf(p, c.gateway ? "Gateway" : "ListenerSet", obj);
  if (!ls) return mismatch(`status of ${nn(obj)}`, "no such object");
  if (c.name === undefined) {
    // GatewayMustHaveZeroRoutes: no listeners in status, or a single one with no routes.
    const ok = ls.length === 0 || (ls.length === 1 && ls[0]?.attachedRoutes === 0);
    return ok ? exact : mismatch("no listener, or one with 0 attachedRoutes", ls.map((l) => `${l.name}: ${l.attachedRoutes}`).join(", "));
  }
  const l = ls.find((x) => x.name === c.name);
  if (!l) return mismatch(`listener ${c.name}`, `no such listener (${ls.map((x) => x.name).join(", ") || "none"})`);
  const routes = c.attachedRoutes ?? 0;
  if (l.attachedRoutes !== routes)
    return mismatch(`listener ${c.name} attachedRoutes ${routes}`, `${l.attachedRoutes} (${l.routes.join(", ") || "no HTTPRoutes"})`);
  if (!kindsOk(l, c.supportedKinds)) return mismatch(`listener ${c.name} supportedKinds ${JSON.stringify(c.supportedKinds)}`, JSON.stringify(l.supportedKinds));
  return conds(l.conditions, c.conditions ?? [], `listener ${c.name}`);
}

/** parentsForRouteMatch: each expected parent matches some written entry. */
export function parentsCase(c: ParentsCase, p: StatusPrediction): Outcome {
  if (c.afterChange) return skip(AFTER_CHANGE);
  if (!ROUTE_KINDS.has(c.kind)) return skip(`${c.kind} parent status is not predicted`);
  const parents = written(p, c.kind, c.route);
  if (!parents) return mismatch(`${c.kind} ${nn(c.route)}`, `no such ${c.kind} among the objects`);
  for (const e of c.parents) {
    const r = e.parentRef;
    const refOk = (x: RouteParentPrediction) =>
      x.parent.group === (r.group || GATEWAY_GROUP) &&
      x.parent.kind === (r.kind || "Gateway") &&
      x.parent.name === r.name &&
      (x.parentRef.namespace === r.namespace || (!c.namespaceRequired && x.parentRef.namespace === undefined));
    const candidates = parents.filter(refOk);
    if (!candidates.some((x) => e.conditions.every((w) => has(x.conditions, w)))) {
      const want = `parent ${r.kind || "Gateway"} ${r.namespace ?? ""}/${r.name}${r.sectionName ? `#${r.sectionName}` : ""} ${e.conditions.map(show).join(", ")}`;
      const got = candidates
        .map(
          (x) =>
            `${x.parent.name}${x.parent.sectionName ? `#${x.parent.sectionName}` : ""}: ${x.conditions.map((k) => `${k.type}=${k.status}/${k.reason}`).join(", ")}`,
        )
        .join("; ");
      return mismatch(want, got || `no status entry for that parentRef (${parents.map((x) => x.parent.name).join(", ") || "none written"})`);
    }
  }
  return exact;
}

export function countCase(c: CountCase, p: StatusPrediction): Outcome {
  if (c.afterChange) return skip(AFTER_CHANGE);
  if (c.kind !== "Gateway" || c.field !== "attachedListeners") return skip(`${c.kind}.${c.field} is not predicted`);
  const g = p.gateways.find((x) => same(x, c.object));
  if (!g) return mismatch(`Gateway ${nn(c.object)}`, "no such Gateway");
  return g.attachedListenerSets === c.value ? exact : mismatch(`attachedListeners ${c.value}`, String(g.attachedListenerSets));
}
