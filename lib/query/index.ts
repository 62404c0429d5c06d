// Public API of lib/query: what app/ and components/ use (ARCHITECTURE.md).
export { callAction, getCrd, getObject } from "./api";
export { ClusterContext, useClusterContext } from "./cluster-context";
export { ReadOnlyContext } from "./read-only";
export { useKnativeSettings } from "./use-knative-settings";
export { useLiveKinds, type Connection } from "./use-live-kinds";
export { useWritableNamespaces } from "./use-writable-namespaces";
export { READ_ONLY_REASON, useWriteAccess } from "./use-write-access";
