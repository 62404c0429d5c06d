import type { KubeObject } from "../k8s/meta";

/** One Kubernetes object found in a YAML stream, with where it starts (1-based line). */
export interface ParsedObject<T extends KubeObject = KubeObject> {
  /** 0-based index of the YAML document it came from. */
  doc: number;
  line: number;
  object: T;
}

/** A problem found while parsing; line and column are 1-based. */
export interface ParseError {
  doc?: number;
  line: number;
  column: number;
  message: string;
}

export interface ParseResult {
  objects: ParsedObject[];
  errors: ParseError[];
}

export interface ParseOptions {
  /** Largest accepted input in UTF-8 bytes. Default DEFAULT_MAX_BYTES (10 MiB). */
  maxBytes?: number;
  /**
   * YAML version used to resolve plain scalars. Default "1.1", as kubectl and the API server
   * (sigs.k8s.io/yaml) read `yes`/`on`/`off` as booleans.
   */
  version?: "1.1" | "1.2";
}

/** 10 MiB: a 10 MB (10,000,000 byte) manifest file still loads; anything bigger is refused. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
