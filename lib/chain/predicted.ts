// What a conformant implementation must write, where the chain has no status to read (a folder
// of manifests, a route just applied, a controller that is not running), and the reported status
// held against it. lib/gateway/predict decides; this turns its verdicts into the chain's words.
import { predictStatus, type PredictedCondition, type RouteParentPrediction, type StatusPrediction } from "../gateway/predict";
import type { ParentReference } from "../gateway/route-types";
import type { KubeObject } from "../k8s/meta";
import type { IndexedKind, ObjectIndex } from "./objects";
import type { ConditionView } from "./types";

const KINDS: readonly IndexedKind[] = ["GatewayClass", "Gateway", "HTTPRoute", "ReferenceGrant", "Service", "Namespace"];

/** The prediction over every Gateway API object of the index (once per set of objects). */
export function predictFor(index: ObjectIndex): StatusPrediction {
  const objects: KubeObject[] = KINDS.flatMap((k) => [...index.all(k)]);
  return predictStatus(objects);
}

/** The predicted status of one parentRef of a route. */
export function predictedParent(p: StatusPrediction | undefined, routeNs: string, routeName: string, ref: ParentReference): RouteParentPrediction | undefined {
  const route = p?.routes.find((r) => r.namespace === routeNs && r.name === routeName);
  return route?.parents.find(
    (x) =>
      x.parent.name === ref.name &&
      x.parent.namespace === (ref.namespace ?? routeNs) &&
      (x.parent.sectionName ?? "") === (ref.sectionName ?? "") &&
      (x.parent.port ?? 0) === (ref.port ?? 0),
  );
}

/** Predicted conditions as the chain shows conditions, marked as predicted. */
export function predictedViews(conditions: readonly PredictedCondition[], prefix: string): ConditionView[] {
  return conditions.map((c) => ({ type: `${c.type}${prefix}`, status: c.status, reason: c.reason, message: c.message, stale: false, predicted: true }));
}
