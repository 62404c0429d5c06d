// The parse worker's entry (a worker thread): reads and parses workspace files, plans edits.
import { parentPort } from "node:worker_threads";
import type { ParseRequest, WorkerMessage } from "./parse-protocol";
import { readManifestFile } from "./read-file";
import { planEdit, planRemoval } from "./write-plan";

function answer(r: ParseRequest): unknown {
  switch (r.op) {
    case "read":
      return readManifestFile(r.abs, r.rel, r.dumpMode);
    case "planEdit":
      return planEdit(r.text, r.doc, r.next);
    case "planRemoval":
      return planRemoval(r.text, r.doc);
  }
}

parentPort?.on("message", ({ id, request }: { id: number; request: ParseRequest }) => {
  let m: WorkerMessage;
  try {
    m = { id, ok: true, value: answer(request) };
  } catch (err) {
    m = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(m);
});
