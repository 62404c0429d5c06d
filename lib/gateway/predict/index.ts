// Public API of lib/gateway/predict: the status a conformant Gateway API implementation must
// write, from the objects' spec alone. Pure: no React, Next, Kubernetes client or filesystem.
export { predictStatus, buildModel, type StatusModel } from "./predict";
export { conditionOf, RULES } from "./conditions";
export { SUITE_CLASS_PLACEHOLDER } from "./gateway";
export type {
  AttachedListener,
  BackendPrediction,
  BackendTLSPolicyPrediction,
  Certainty,
  ConditionStatus,
  GatewayPrediction,
  ListenerPrediction,
  ListenerSetPrediction,
  ListenerSource,
  ObjectRef,
  OtherRoutePrediction,
  PredictedCondition,
  PredictionWarning,
  PredictOptions,
  RouteParentPrediction,
  RoutePrediction,
  StatusPrediction,
} from "./types";
