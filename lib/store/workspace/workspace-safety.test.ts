// The attacks of issue #11 on a workspace, replayed on the store: names that walk out of the
// folder, symlinks, files that are not UTF-8, too large, or too slow to parse.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../k8s/meta";
import { WorkspaceStore } from "./workspace-store";

const EXAMPLES = resolve("examples");
const CRDS = resolve("crds");
const cleanup: (() => void)[] = [];

/** <tmp>/outer/a/b/c is the workspace (three folders deep, as in the report); outer is "outside". */
function nested(): { outer: string; ws: string } {
  const outer = mkdtempSync(join(tmpdir(), "routeboard-outer-"));
  const ws = join(outer, "a", "b", "c");
  mkdirSync(ws, { recursive: true });
  cpSync(EXAMPLES, ws, { recursive: true });
  cleanup.push(() => rmSync(outer, { recursive: true, force: true }));
  return { outer, ws };
}

async function open(dir: string, parseTimeoutMs?: number): Promise<WorkspaceStore> {
  const s = new WorkspaceStore(dir, { crdDir: CRDS, watch: false, ...(parseTimeoutMs && { parseTimeoutMs }) });
  cleanup.push(() => s.close());
  await s.refresh();
  return s;
}

afterEach(() => cleanup.splice(0).forEach((f) => f()));

const route = (namespace: string, name: string): KubeObject => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "HTTPRoute",
  metadata: { namespace, name },
  spec: { rules: [{ backendRefs: [{ name: "web", port: 80 }] }] },
});

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: false }) as string[]).sort();
}

describe("names become file names only once valid", () => {
  const attacks: [string, string, string][] = [
    ["namespace ..", "..", "x"],
    ["namespace with a slash", "shop/../../..", "x"],
    ["name with ../", "shop", "../../../escaped"],
    ["name with a slash", "shop", "a/b"],
    ["name ..", "shop", ".."],
    ["name .", "shop", "."],
    ["upper case", "shop", "Evil"],
    ["percent-encoded slash", "shop", "a%2fb"],
  ];
  for (const [what, namespace, name] of attacks) {
    it(`refuses ${what} before anything is written, and nothing appears outside`, async () => {
      const { outer, ws } = nested();
      const before = tree(outer);
      const s = await open(ws);
      for (const r of [await s.dryRun(route(namespace, name)), await s.apply(route(namespace, name))]) {
        expect(r.ok ? "ok" : r.error.type).toBe("Invalid");
        if (!r.ok) expect(r.error.message).toMatch(/metadata\.(name|namespace): Invalid value/);
      }
      expect((await s.get({ kind: "HTTPRoute", namespace, name })).ok).toBe(false);
      expect((await s.delete({ kind: "HTTPRoute", namespace, name })).ok).toBe(false);
      expect(tree(outer)).toEqual(before);
    });
  }

  it("still writes a valid new object, inside the folder", async () => {
    const { ws } = nested();
    const s = await open(ws);
    expect((await s.apply(route("shop", "fresh"))).ok).toBe(true);
    expect(existsSync(join(ws, "httproute-shop-fresh.yaml"))).toBe(true);
  });
});

describe("symlinks never lead a write out of the folder", () => {
  it("does not write through a link that has the new file's name; picks a free name", async () => {
    const { outer, ws } = nested();
    symlinkSync(join(outer, "planted.yaml"), join(ws, "httproute-shop-fresh.yaml"));
    const s = await open(ws);
    expect((await s.apply(route("shop", "fresh"))).ok).toBe(true);
    expect(existsSync(join(outer, "planted.yaml"))).toBe(false);
    expect(readFileSync(join(ws, "httproute-shop-fresh-2.yaml"), "utf8")).toContain("name: fresh");
  });

  it("refuses to edit a file whose folder became a link to elsewhere after it was loaded", async () => {
    const { outer, ws } = nested();
    const s = await open(ws);
    const r = await s.get({ kind: "HTTPRoute", namespace: "shop", name: "shop" });
    if (!r.ok) throw new Error(r.error.message);
    // The folder moves out and a link takes its place: the same path now leads outside.
    renameSync(join(ws, "shop"), join(outer, "elsewhere"));
    symlinkSync(join(outer, "elsewhere"), join(ws, "shop"));
    const before = readFileSync(join(outer, "elsewhere", "shop-route.yaml"), "utf8");
    const obj = structuredClone(r.value);
    (obj.spec as { hostnames: string[] }).hostnames = ["changed.example.com"];
    const a = await s.apply(obj);
    expect(a.ok ? "ok" : a.error).toMatchObject({ type: "Forbidden", message: expect.stringContaining("outside the workspace") });
    expect(readFileSync(join(outer, "elsewhere", "shop-route.yaml"), "utf8")).toBe(before);
  });

  it("refuses to edit a manifest that was replaced by a symlink", async () => {
    const { outer, ws } = nested();
    const s = await open(ws);
    const r = await s.get({ kind: "HTTPRoute", namespace: "shop", name: "shop" });
    if (!r.ok) throw new Error(r.error.message);
    const file = join(ws, "shop", "shop-route.yaml");
    renameSync(file, join(outer, "target.yaml"));
    symlinkSync(join(outer, "target.yaml"), file);
    const before = readFileSync(join(outer, "target.yaml"), "utf8");
    const a = await s.apply(structuredClone(r.value));
    expect(a.ok).toBe(false);
    expect(readFileSync(join(outer, "target.yaml"), "utf8")).toBe(before);
  });

  it("does not read through a symlinked folder or file", async () => {
    const { outer, ws } = nested();
    mkdirSync(join(outer, "secret"));
    writeFileSync(join(outer, "secret", "r.yaml"), JSON.stringify(route("shop", "from-outside")));
    symlinkSync(join(outer, "secret"), join(ws, "linked"));
    symlinkSync(join(outer, "secret", "r.yaml"), join(ws, "linked-file.yaml"));
    const s = await open(ws);
    expect(s.snapshot("HTTPRoute").items.map((o) => o.metadata.name)).not.toContain("from-outside");
  });
});

describe("files that are not manifests Routeboard can read", () => {
  it("names a file that is not UTF-8, with its line, loads nothing from it, and never writes it", async () => {
    const { ws } = nested();
    const text = Buffer.concat([
      Buffer.from("apiVersion: v1\nkind: Service\nmetadata:\n  name: caf"),
      Buffer.from([0xe9]),
      Buffer.from("\n  namespace: shop\n"),
    ]);
    writeFileSync(join(ws, "latin1.yaml"), text);
    const s = await open(ws);
    expect(s.problems()).toEqual([
      expect.objectContaining({ file: "latin1.yaml", line: 4, column: 12, message: expect.stringMatching(/^Not valid UTF-8: byte 0xE9 at line 4/) }),
    ]);
    expect(s.snapshot("Service").items.map((o) => o.metadata.name)).not.toContain("caf\uFFFD");
    expect(readFileSync(join(ws, "latin1.yaml")).equals(text)).toBe(true);
  });

  it("refuses a file over 10 MiB from its size, without reading it", async () => {
    const { ws } = nested();
    writeFileSync(join(ws, "huge.yaml"), "#".repeat(10 * 1024 * 1024 + 1));
    const s = await open(ws);
    expect(s.problems()).toEqual([expect.objectContaining({ file: "huge.yaml", message: expect.stringContaining("File is too large: 10 MiB") })]);
    expect(s.snapshot("HTTPRoute").items.length).toBeGreaterThan(3);
  });

  it("keeps answering while a 300,000-key file parses, and stops a parse that takes too long", { timeout: 60_000 }, async () => {
    const { ws } = nested();
    const keys = Array.from({ length: 300_000 }, (_, i) => `  k${i}: v\n`).join("");
    writeFileSync(join(ws, "keys.yaml"), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n${keys}`);
    const s = new WorkspaceStore(ws, { crdDir: CRDS, watch: false, parseTimeoutMs: 1500 });
    cleanup.push(() => s.close());
    // While the worker parses, requests answer from what is loaded (and say what is still being read).
    const started = performance.now();
    const r = await s.get({ kind: "HTTPRoute", namespace: "shop", name: "shop" });
    expect(performance.now() - started).toBeLessThan(1000 + 500);
    expect(r.ok || r.error.type).toBe(true);
    await s.refresh();
    expect(s.problems()).toEqual([expect.objectContaining({ file: "keys.yaml", message: expect.stringContaining("took longer than 1.5 s") })]);
    // The worker was replaced: edits still work.
    expect((await s.apply(route("shop", "after-timeout"))).ok).toBe(true);
  });

  it("reports a billion-laughs file as an alias problem, and loads the rest", async () => {
    const { ws } = nested();
    const bomb = ["apiVersion: v1", "kind: ConfigMap", "metadata: {name: lol}", "a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 9; i++)
      bomb.push(
        `${"b".repeat(i + 1)}: &${"b".repeat(i + 1)} [${Array(9)
          .fill(`*${i === 0 ? "a" : "b".repeat(i)}`)
          .join(", ")}]`,
      );
    writeFileSync(join(ws, "lol.yaml"), bomb.join("\n") + "\n");
    const s = await open(ws);
    expect(s.problems()).toEqual([expect.objectContaining({ file: "lol.yaml", message: expect.stringMatching(/alias/i) })]);
    expect(s.snapshot("HTTPRoute").items.length).toBeGreaterThan(3);
  });
});
