import { describe, expect, it } from "vitest";
import type { KubeObject } from "../k8s/meta";
import type { StoreError } from "../store/types";
import { runApply, type Submit } from "./run";
import { applyReducer, IDLE, type ApplyEvent, type ApplyState } from "./state";
import { failureTitle, ownershipWords, takeOverWords } from "./words";

const stored = (rv: string, spec: unknown): KubeObject => ({ apiVersion: "v1", kind: "X", metadata: { name: "x", resourceVersion: rv }, spec }) as KubeObject;
const conflict = (stale: boolean): StoreError => ({
  type: "Conflict",
  message: "conflict",
  conflicts: stale ? [] : [{ manager: "kubectl-create", field: ".spec.traffic" }],
  stale,
  ...(!stale && { confirm: "c1" }),
});

/** Runs the flow against a scripted server, returning every state the page went through. */
async function states(answers: (Awaited<ReturnType<Submit>> | Error)[], mode: Parameters<typeof runApply>[1], key = "k1") {
  let s: ApplyState = IDLE;
  const seen: string[] = [];
  const asked: boolean[] = [];
  const submit: Submit = async (dryRun) => {
    asked.push(dryRun);
    const a = answers.shift();
    if (!a || a instanceof Error) throw a ?? new Error("no answer scripted");
    return a;
  };
  const end = await runApply(submit, mode, key, (e: ApplyEvent) => {
    s = applyReducer(s, e);
    seen.push(s.step);
  });
  return { end, seen, asked, state: s };
}

describe("the one apply flow", () => {
  it("dry-run then apply: asks first, writes only after a yes, and ends applied with the stored resourceVersion", async () => {
    const r = await states(
      [
        { ok: true, value: stored("1", {}) },
        { ok: true, value: stored("7", {}) },
      ],
      "dry-run-then-apply",
    );
    expect(r.asked).toEqual([true, false]);
    expect(r.seen).toEqual(["dry-running", "dry-run-ok", "applying", "applied"]);
    expect(r.state).toEqual({ step: "applied", resourceVersion: "7", forKey: "k1" });
  });

  it("a refused dry-run writes nothing", async () => {
    const r = await states(
      [{ ok: false, error: { type: "Invalid", message: "bad", causes: [{ field: "spec.traffic[0].percent", message: "must be ≤ 100" }] } }],
      "dry-run-then-apply",
    );
    expect(r.asked).toEqual([true]);
    expect(r.state).toMatchObject({ step: "refused", stage: "dry-run" });
  });

  it("a server action that throws (the server restarted) ends as unreachable, not stuck at applying", async () => {
    const r = await states([{ ok: true, value: stored("1", {}) }, new TypeError("Failed to fetch")], "dry-run-then-apply");
    expect(r.state).toMatchObject({ step: "unreachable", stage: "apply" });
    expect(r.state.step === "unreachable" && r.state.message).toMatch(/Routeboard's server did not answer \(Failed to fetch\)/);
  });

  it("a conflict keeps its verdict until the user chooses, and takes the cluster's object", () => {
    let s = applyReducer(applyReducer(IDLE, { type: "start", stage: "apply" }), { type: "failed", stage: "apply", error: conflict(true) });
    expect(s.step).toBe("conflict");
    s = applyReducer(s, { type: "edited", key: "k2" });
    expect(s.step).toBe("conflict");
    s = applyReducer(s, { type: "theirs", theirs: stored("9", { a: 1 }) });
    expect(s.step === "conflict" && s.theirs?.metadata.resourceVersion).toBe("9");
  });

  it("a verdict holds for the change it judged: an edit clears a dry-run, an apply stays for what the page then shows", () => {
    const ok = applyReducer(applyReducer(IDLE, { type: "start", stage: "dry-run" }), { type: "passed", key: "k1" });
    expect(applyReducer(ok, { type: "edited", key: "k1" })).toBe(ok);
    expect(applyReducer(ok, { type: "edited", key: "k2" })).toEqual(IDLE);
    expect(applyReducer(ok, { type: "invalidated" })).toEqual(IDLE);
    const applied = applyReducer(applyReducer(IDLE, { type: "start", stage: "apply" }), { type: "applied", resourceVersion: "3", key: "k1" });
    expect(applyReducer(applied, { type: "invalidated" })).toBe(applied);
    // A late answer after the user moved on is ignored.
    expect(applyReducer(IDLE, { type: "applied", resourceVersion: "4", key: "k1" })).toEqual(IDLE);
  });

  it("applied holds for the stored object's key when the page takes the stored object", async () => {
    const r = await states([{ ok: true, value: stored("5", { defaulted: true }) }], "apply", "ours");
    expect(r.state).toMatchObject({ step: "applied", forKey: "ours" });
    let s: ApplyState = IDLE;
    await runApply(
      async () => ({ ok: true, value: stored("5", { defaulted: true }) }),
      "apply",
      "ours",
      (e) => (s = applyReducer(s, e)),
      (o) => JSON.stringify((o as { spec?: unknown }).spec),
    );
    expect(s).toMatchObject({ step: "applied", forKey: '{"defaulted":true}' });
  });

  it("says every ending in one vocabulary", () => {
    expect(failureTitle({ type: "Forbidden", message: "no" }, "dry-run", "ReferenceGrant b/g")).toBe(
      "You may not change ReferenceGrant b/g (dry-run: nothing was changed)",
    );
    expect(failureTitle({ type: "NotFound", message: "gone" }, "apply", "this route")).toBe("This route no longer exists (apply: nothing was changed)");
    const c = conflict(false);
    expect(c.type === "Conflict" && ownershipWords(c, "spec.traffic")).toBe(
      ".spec.traffic is managed by “kubectl-create”. Applying takes spec.traffic over: Routeboard will own it, and that tool's next apply of different values will conflict in turn.",
    );
    expect(takeOverWords("spec.traffic")).toBe("Take over spec.traffic and apply");
  });
});
