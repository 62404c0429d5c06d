// Writes one benchmark's section into BENCHMARKS.md (between its markers), with the machine
// and date, leaving the other sections as they are.
import { cpus, totalmem } from "node:os";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
}

export function writeSection(id: string, title: string, body: string, file = "BENCHMARKS.md"): void {
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const section = `${start}\n## ${title}\n\nMeasured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine()}.\n\n${body.trim()}\n${end}`;
  let text = existsSync(file)
    ? readFileSync(file, "utf8")
    : "# Benchmarks\n\nWritten by `npm run bench`. These machines are shared and noisy: compare figures measured side by side in one run (the ratios), not across runs.\n";
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  text = i >= 0 && j > i ? text.slice(0, i) + section + text.slice(j + end.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

/** Best time of each over `rounds` interleaved rounds (the machine's noise hits both alike). */
export function sideBySide(rounds: number, ours: () => void, base: () => void): { ours: number; base: number } {
  let a = Infinity;
  let b = Infinity;
  for (let k = 0; k < rounds; k++) {
    let t = performance.now();
    base();
    b = Math.min(b, performance.now() - t);
    t = performance.now();
    ours();
    a = Math.min(a, performance.now() - t);
  }
  return { ours: a, base: b };
}
