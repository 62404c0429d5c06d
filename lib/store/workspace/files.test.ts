import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { manifestFiles, writeFileAtomic } from "./files";

const dirs: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), "routeboard-files-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("writeFileAtomic", () => {
  it("replaces the content and leaves no temporary file", () => {
    const dir = temp();
    const f = join(dir, "a.yaml");
    writeFileSync(f, "old\n");
    writeFileAtomic(f, "new\n");
    expect(readFileSync(f, "utf8")).toBe("new\n");
    expect(readdirSync(dir)).toEqual(["a.yaml"]);
  });

  it("on failure throws, cleans up, and leaves what was there untouched", () => {
    const dir = temp();
    // The target is a folder: the rename fails after the temporary file was fully written.
    mkdirSync(join(dir, "target.yaml"));
    writeFileSync(join(dir, "target.yaml", "inside.yaml"), "keep\n");
    expect(() => writeFileAtomic(join(dir, "target.yaml"), "x\n")).toThrow();
    expect(readdirSync(dir)).toEqual(["target.yaml"]);
    expect(readFileSync(join(dir, "target.yaml", "inside.yaml"), "utf8")).toBe("keep\n");
  });
});

describe("manifestFiles", () => {
  it("finds YAML and JSON recursively, skipping dot-folders and node_modules", () => {
    const dir = temp();
    for (const p of ["a.yaml", "sub/b.yml", "sub/c.json", "notes.md", ".git/x.yaml", "node_modules/m/y.yaml", "sub/.d.yaml.routeboard-1.tmp"]) {
      mkdirSync(join(dir, p, ".."), { recursive: true });
      writeFileSync(join(dir, p), "");
    }
    expect(manifestFiles(dir).map((f) => f.slice(dir.length + 1))).toEqual(["a.yaml", "sub/b.yml", "sub/c.json"]);
  });
});
