export { parseManifestDocuments, parseManifests } from "./parse";
export { MAX_DOCUMENTS, parseDocuments } from "./documents";
export { printManifest, printManifests, orderKubeKeys } from "./print";
export { objectsOfKind } from "./filter";
export { isKubeObject, kubeObjectProblem } from "./kube-object";
export { DEFAULT_MAX_BYTES } from "./types";
export type { ParseError, ParseOptions, ParseResult, ParsedObject } from "./types";
export { hasChanges, yamlDiffLines, type DiffLine } from "./diff";
