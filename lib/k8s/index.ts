// Public API of lib/k8s: Kubernetes' object metadata, name rules, and one description of each
// kind Routeboard reads (group, version, plural, namespaced, label), shared by the store, the
// chain and the components. Pure.
export { type KubeObject } from "./meta";
export { KINDS, KIND_KEYS, apiVersionOf, isBrowsableKind, isKindKey, kindOf, nameProblems, resourcePath, type KindInfo, type KindKey } from "./kinds";
export { apiGroup } from "./api-group";
