// Public API of lib/kinds: one description of each kind Routeboard reads (group, version,
// plural, namespaced, what pages call it), shared by the store, the chain and the components.
// Pure: no client, no filesystem.
export { KINDS, KIND_KEYS, apiVersionOf, isBrowsableKind, isKindKey, kindOf, nameProblems, resourcePath, type KindInfo, type KindKey } from "./kinds";
export { apiGroup } from "./group";
