export { KINDS, KIND_KEYS, isBrowsableKind, isKindKey, kindOf, apiVersionOf, type KindInfo, type KindKey } from "../k8s/kinds";
export type { Access, ApplyOptions, FieldCause, FieldConflict, KindSnapshot, KindState, ObjectRef, Result, Store, StoreError, StoreEvent } from "./types";
export { loadWithin } from "./load-within";
