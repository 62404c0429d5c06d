// Public API of lib/apply: the one apply flow (state, run, words) every editing page shares.
export { applyReducer, failedState, isBusy, IDLE, type ApplyEvent, type ApplyStage, type ApplyState, type ConflictError, type RefusalError } from "./state";
export { runApply, type ApplyMode, type RunOutcome, type Submit, type SubmitResult } from "./run";
export { appliedWords, DRY_RUN_OK, failureDetails, failureTitle, ownershipWords, PROGRESS, RETRY, STALE, takeOverWords } from "./words";
