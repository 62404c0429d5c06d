import type { KubeObject } from "../k8s/meta";
import type { KindKey } from "../k8s/kinds";

/** Why an operation failed, in a shape the UI can show without parsing messages. */
export type StoreError =
  | { type: "Invalid"; message: string; causes: FieldCause[] }
  | {
      type: "Conflict";
      message: string;
      /** Fields owned by other managers that the apply would change (empty for a plain stale write). */
      conflicts: FieldConflict[];
      /** The object changed since the caller read it (its resourceVersion moved on). */
      stale: boolean;
      /**
       * Issued by Routeboard's server with field conflicts: sent back with the same change, it is
       * the user's confirmation to take exactly these fields over (lib/writes/confirm).
       */
      confirm?: string;
    }
  | { type: "Forbidden"; message: string }
  | { type: "NotFound"; message: string }
  | { type: "Unreachable"; message: string }
  | { type: "Failed"; message: string; code?: number };

export interface FieldCause {
  field: string;
  message: string;
  reason?: string;
}

export interface FieldConflict {
  manager: string;
  field: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: StoreError };

/** How much of a kind the store can see right now. */
export type KindState = "loading" | "ready" | "not-installed" | "forbidden" | "unreachable";

export interface KindSnapshot {
  kind: KindKey;
  state: KindState;
  /** Plain words for states other than ready. */
  message?: string;
  items: KubeObject[];
}

export type StoreEvent =
  | { type: "change"; kind: KindKey; change: "ADDED" | "MODIFIED" | "DELETED"; object: KubeObject }
  | { type: "state"; kind: KindKey; state: KindState; message?: string };

export interface ObjectRef {
  kind: KindKey;
  namespace?: string;
  name: string;
}

export interface Access {
  allowed: boolean;
  reason?: string;
}

export interface ApplyOptions {
  /** Take fields owned by other managers. Only when the user chose it. */
  force?: boolean;
}

/** The one interface every page talks to; ClusterStore and (later) WorkspaceStore implement it. */
export interface Store {
  readonly description: string;
  snapshot(kind: KindKey): KindSnapshot;
  /** The snapshot once the first list has answered (ready, or why not). */
  load(kind: KindKey): Promise<KindSnapshot>;
  subscribe(kinds: readonly KindKey[], listener: (e: StoreEvent) => void): () => void;
  get(ref: ObjectRef): Promise<Result<KubeObject>>;
  /** A CustomResourceDefinition by name (e.g. httproutes.gateway.networking.k8s.io), for validation. */
  crd(name: string): Promise<Result<KubeObject>>;
  dryRun(obj: KubeObject, opts?: ApplyOptions): Promise<Result<KubeObject>>;
  /** Whether this user may write the object (create or change it), and if not, why. */
  mayWrite(ref: ObjectRef): Promise<Result<Access>>;
  apply(obj: KubeObject, opts?: ApplyOptions): Promise<Result<KubeObject>>;
  delete(ref: ObjectRef): Promise<Result<null>>;
  close(): void;
}
