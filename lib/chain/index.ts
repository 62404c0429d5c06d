// Public API of lib/chain: objects in, chain and findings out. Pure: runs in the browser over
// live snapshots or a dump file, and on the server over the store's cache.
export type {
  Chain,
  ChainEdge,
  ChainNode,
  ChainObjects,
  ChainOptions,
  ChainRoot,
  ConditionView,
  Finding,
  FindingCode,
  Health,
  NodeKind,
  Severity,
} from "./types";
export { indexObjects, indexedKindOf, type IndexedKind, type ObjectIndex } from "./objects";
export { hostnamesIntersect, attachListeners, namespaceAllowed } from "./listeners";
export { resolveChain } from "./resolve";
export { nodeId } from "./builder";
export { chainOverview, matchesFilter, type OverviewRow } from "./overview";
export { predictFor } from "./predicted";
export { predictControllerObjects, type ControllerSettings, type PredictedControllers } from "./synthesize";
export { isPredicted, PREDICTED_ANNOTATION, type PredictedService } from "./predicted-objects";
