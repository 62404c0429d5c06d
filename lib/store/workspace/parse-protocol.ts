// What the workspace's parse worker is asked and answers: every YAML parse of a workspace file
// happens there, off the thread that answers requests.
import type { KubeObject } from "../../k8s/meta";
import type { LoadedFile } from "./read-file";
import type { Planned } from "./write-plan";

export type ParseRequest =
  | { op: "read"; abs: string; rel: string; dumpMode: boolean }
  | { op: "planEdit"; text: string; doc: number; next: KubeObject }
  | { op: "planRemoval"; text: string; doc: number };

export type ParseAnswer<R extends ParseRequest> = R extends { op: "read" } ? LoadedFile : R extends { op: "planEdit" } ? Planned : string | null;

export type WorkerMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };
