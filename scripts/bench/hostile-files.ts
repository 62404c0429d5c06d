// A workspace file built to hang the server (issue #11): a mapping of very many keys. The
// `yaml` library's own duplicate-key check is quadratic; lib/yaml parses in linear time, and the
// workspace parses in worker threads so requests do not wait for such a file.
import { mkdtempSync, cpSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseAllDocuments } from "yaml";
import { WorkspaceStore } from "../../lib/store/workspace/workspace-store";
import { parseManifests } from "../../lib/yaml";
import { ms, percentile, sideBySide, writeSection } from "./report";

const keysFile = (n: number) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n${Array.from({ length: n }, (_, i) => `  k${i}: v\n`).join("")}`;

/** Times of `get` of a small object, 20 times, while the store may be parsing something else. */
async function getTimes(store: WorkspaceStore): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const r = await store.get({ kind: "HTTPRoute", namespace: "shop", name: "shop" });
    out.push(performance.now() - t);
    if (!r.ok) throw new Error(r.error.message);
  }
  return out;
}

export async function benchHostileFiles(): Promise<void> {
  const rows: string[] = [];
  for (const n of [10_000, 40_000]) {
    const text = keysFile(n);
    const t = sideBySide(
      3,
      () => parseManifests(text),
      () => parseAllDocuments(text).map((d) => d.toJS()),
    );
    rows.push(
      `| ${n.toLocaleString("en-US")} keys (${(text.length / 2 ** 20).toFixed(2)} MiB) | ${ms(t.ours)} | ${ms(t.base)} | ${(t.ours / t.base).toFixed(3)} |`,
    );
  }
  const big = keysFile(300_000);
  const s = performance.now();
  parseManifests(big);
  rows.push(`| 300,000 keys (${(big.length / 2 ** 20).toFixed(2)} MiB) | ${ms(performance.now() - s)} | not run (quadratic: minutes) | — |`);

  // Requests against a workspace while a 300,000-key file is parsed, against the same workspace without it.
  const dir = mkdtempSync(join(tmpdir(), "routeboard-bench-ws-"));
  cpSync(resolve("examples"), dir, { recursive: true });
  const quiet = new WorkspaceStore(dir, { watch: false });
  await quiet.refresh();
  const calm = await getTimes(quiet);
  quiet.close();
  writeFileSync(join(dir, "keys.yaml"), big);
  const busy = new WorkspaceStore(dir, { watch: false });
  const during = await getTimes(busy);
  const parsing = busy.problems().some((p) => p.file === "keys.yaml" && p.message.startsWith("Still reading"));
  busy.close();
  rmSync(dir, { recursive: true, force: true });

  writeSection(
    "hostile-files",
    "A workspace file of many keys",
    `One ConfigMap with N keys under \`data\`. Best of 3 interleaved rounds.

| file | \`parseManifests\` (lib/yaml) | \`yaml\`'s \`parseAllDocuments().toJS()\` | ratio |
|---|---|---|---|
${rows.join("\n")}

\`WorkspaceStore.get\` of one route of examples/ (20 calls, the first right after the store opens):

| workspace | median | p95 | max |
|---|---|---|---|
| examples/ | ${ms(percentile(calm, 50))} | ${ms(percentile(calm, 95))} | ${ms(Math.max(...calm))} |
| examples/ + the 300,000-key file, still parsing in its worker (${parsing ? "it was" : "it was not"} at the last call) | ${ms(percentile(during, 50))} | ${ms(percentile(during, 95))} | ${ms(Math.max(...during))} |

Command: \`BENCH_ONLY=hostile-files npm run bench\` (source scripts/bench/hostile-files.ts).`,
  );
}
