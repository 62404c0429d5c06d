// `npm run bench`: runs the benchmarks and writes their figures into BENCHMARKS.md.
// BENCH_ONLY=compiler,watch-latency runs a subset.
import { benchCompiler } from "./bench/compiler";
import { benchWatchLatency } from "./bench/watch-latency";

const benches: Record<string, () => Promise<void>> = {
  compiler: benchCompiler,
  "watch-latency": benchWatchLatency,
  canvas: () => import("./bench/canvas").then((m) => m.benchCanvas()),
  chain: () => import("./bench/chain").then((m) => m.benchChain()),
  "hostile-files": () => import("./bench/hostile-files").then((m) => m.benchHostileFiles()),
  gateway: () => import("./bench/gateway").then((m) => m.benchGateway()),
  lists: () => import("./bench/lists").then((m) => m.benchLists()),
  "live-events": () => import("./bench/live-events").then((m) => m.benchLiveEvents()),
};

const only = process.env.BENCH_ONLY?.split(",").filter(Boolean);
for (const [id, run] of Object.entries(benches)) {
  if (only && !only.includes(id)) continue;
  console.log(`bench: ${id}`);
  await run();
}
console.log("bench: figures written to BENCHMARKS.md");
