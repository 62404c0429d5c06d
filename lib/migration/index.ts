// Public API of lib/migration: the plan of moving Knative Services from net-istio to the Gateway
// API, one Service at a time. Pure: no React, Next, Kubernetes client or filesystem.
export { planMigration, type CheckItem, type Layer, type MigrationPlan, type MigrationSettings, type ServicePlan } from "./plan";
export { handWrittenBehaviour, type BehaviourDiff } from "./behaviour";
export { handWrittenLookup, type HandWritten, type HandWrittenSettings } from "./hand-written";
export { suggestHTTPRoute, type Suggestion, type SuggestOptions, type VirtualServiceResource } from "./suggest";
