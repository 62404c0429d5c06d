// Public API of lib/traffic: what app/ and components/ use (ARCHITECTURE.md).
export { canonicalTraffic } from "./canonical";
export { targetForKey, valueAtFraction, type ShareUnit } from "./keys";
export {
  addTarget,
  draftFromTraffic,
  removeTarget,
  setTag,
  tagProblem,
  tagUrl,
  targetLabel,
  toShares,
  trafficFromDraft,
  withShares,
  type DraftTarget,
} from "./knative-draft";
export { QUICK_STEPS, commitShare, formatShare, promote, rangeOf, rescale, setShare, setSharePercent, sumOf, type Share } from "./linked";
export { draftProblems } from "./problems";
export { produce, type ProduceConfig } from "./produce";
export { formatAge, revisionRows, trafficSummary, type RevisionRow } from "./revisions";
export { previousTraffic, trafficApplyBody } from "./rollback";
export { byKey, serviceRow } from "./service-summary";
