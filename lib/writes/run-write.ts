// One write as every page makes it: server-side dry-run or apply of a body the server built,
// force decided here (lib/writes/confirm), responses without managedFields or kubectl's
// last-applied copy, and one log line per write.
import type { KubeObject } from "../k8s/meta";
import { forBrowser } from "../live/for-browser";
import type { Result, Store, StoreError } from "../store";
import { confirmedManagers, issueConfirmation, type ConfirmScope } from "./confirm";

export interface WriteStep {
  dryRun: boolean;
  /** A confirmation the server issued with a Conflict: the user chose to take those fields over. */
  confirm?: string;
}

/** Reads a step from an action's argument, which a crafted call may set to anything. */
export function writeStep(raw: unknown): WriteStep | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const s = raw as Record<string, unknown>;
  if (typeof s.dryRun !== "boolean" || (s.confirm !== undefined && typeof s.confirm !== "string")) return undefined;
  return { dryRun: s.dryRun, ...(typeof s.confirm === "string" && { confirm: s.confirm }) };
}

export const invalid = (message: string): { ok: false; error: StoreError } => ({ ok: false, error: { type: "Invalid", message, causes: [] } });

function scopeOf(who: string, body: KubeObject): ConfirmScope {
  const { resourceVersion: _rv, ...metadata } = body.metadata;
  return { who, object: `${body.kind}/${body.metadata.namespace ?? ""}/${body.metadata.name ?? ""}`, change: { ...body, metadata } };
}

/** A failure with field-manager conflicts carries the confirmation to take them over. */
function withConfirmation(r: Result<KubeObject>, scope: ConfirmScope): Result<KubeObject> {
  if (r.ok) return { ok: true, value: forBrowser(r.value) };
  if (r.error.type === "Conflict" && r.error.conflicts.length > 0) {
    return { ok: false, error: { ...r.error, confirm: issueConfirmation(scope, r.error.conflicts) } };
  }
  return r;
}

/** One line per write: who, what, dry-run or apply, and how it ended. */
export function logWrite(who: string, step: WriteStep, body: Pick<KubeObject, "kind" | "metadata">, forced: boolean, r: Result<unknown>): void {
  const what = `${body.kind} ${body.metadata.namespace ? `${body.metadata.namespace}/` : ""}${body.metadata.name}`;
  const outcome = r.ok ? "ok" : `${r.error.type}: ${r.error.message.slice(0, 200)}`;
  console.log(`routeboard: ${step.dryRun ? "dry-run" : "apply"}${forced ? " (taking over fields)" : ""} ${what} as ${who}: ${outcome}`);
}

export async function runWrite(store: Store, who: string, body: KubeObject, step: WriteStep): Promise<Result<KubeObject>> {
  const scope = scopeOf(who, body);
  let force = false;
  if (step.confirm !== undefined) {
    const managers = confirmedManagers(step.confirm, scope);
    if (!managers) {
      const r = invalid(
        "This confirmation is not for this change, or it is more than 10 minutes old: look at the conflict again and confirm it there. Nothing was changed.",
      );
      logWrite(who, step, body, false, r);
      return r;
    }
    // Only the managers the user was shown may lose fields: any other conflict is shown first.
    const probe = await store.dryRun(body, { force: false });
    if (!probe.ok && probe.error.type === "Conflict" && probe.error.conflicts.length > 0) {
      if (probe.error.conflicts.some((c) => !managers.has(c.manager))) return withConfirmation(probe, scope);
      force = true;
    } else if (!probe.ok || step.dryRun) {
      logWrite(who, step, body, false, probe);
      return withConfirmation(probe, scope);
    }
  }
  const r = step.dryRun ? await store.dryRun(body, { force }) : await store.apply(body, { force });
  logWrite(who, step, body, force, r);
  return withConfirmation(r, scope);
}
